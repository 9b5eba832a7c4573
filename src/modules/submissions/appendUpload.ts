import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Readable, Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { recordAudit } from '../../platform/audit/record.js';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { DecryptStream } from './domain/fileCipher.js';
import { SegmentEncryptStream } from './domain/segmentCipher.js';
import { openWithKey } from './domain/shares.js';
import { submittingCompany, uploadableStatuses } from './policies.js';
import { tenderByReference } from './repo.js';
import { keyFromSecret, secretMatches } from './uploadSecret.js';

type UploadRow = Awaited<ReturnType<typeof uploadRow>>;

/** tus checksum extension: the algorithms a client may name in `Upload-Checksum`. */
export const checksumAlgorithms = ['sha256', 'sha1'] as const;
export type UploadChecksum = { algorithm: (typeof checksumAlgorithms)[number]; digest: Buffer };

/** The PATCH body did not hash to the client's `Upload-Checksum`: nothing of it was kept (tus: 460). */
export class ChecksumMismatch extends Error {}

/** Reads `Upload-Checksum: sha256 <base64>`; undefined when absent, an error when unusable. */
export function parseUploadChecksum(header: string | undefined): UploadChecksum | undefined {
  if (header === undefined) return undefined;
  const [algorithm, value, ...rest] = header.trim().split(/\s+/);
  const known = checksumAlgorithms.find((a) => a === algorithm);
  if (!known || !value || rest.length > 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw new AppError('bad_request', { detail: 'Upload-Checksum: "sha256 <base64>" or "sha1 <base64>"' });
  }
  return { algorithm: known, digest: Buffer.from(value, 'base64') };
}

function uploadRow(db: DbOrTrx, uploadId: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('submission_uploads')
    .innerJoin('submissions', 'submissions.id', 'submission_uploads.submission_id')
    .selectAll('submission_uploads')
    .select(['submissions.tender_id', 'submissions.status as submission_status'])
    .where('submission_uploads.id', '=', uploadId);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The upload of this company, on this tender, whose secret the client holds — or a 404. */
export async function ownUpload(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; uploadId: string; secret: string | undefined },
) {
  const company = submittingCompany(principal);
  if (!company || !/^[0-9a-f-]{36}$/.test(input.uploadId)) throw new AppError('not_found');
  const [tender, upload] = await Promise.all([
    tenderByReference(rt.db, input.reference),
    uploadRow(rt.db, input.uploadId),
  ]);
  if (!tender || !upload || upload.tender_id !== tender.id || upload.company_id !== company.companyId)
    throw new AppError('not_found');
  if (!secretMatches(input.secret, upload.secret_hash)) throw new AppError('not_found');
  return { tender, upload, company };
}

/**
 * The request body, ended (not errored) when the client goes away: the whole chunks that
 * arrived before a broken connection are kept, which is the point of a resumable upload.
 */
function tolerant(source: Readable): Readable {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  let ended = false;
  const end = () => {
    if (!ended) {
      ended = true;
      out.end();
    }
  };
  source.on('data', (chunk: Buffer) => {
    if (!out.write(chunk)) source.pause();
  });
  out.on('drain', () => source.resume());
  source.on('end', end);
  source.on('error', end);
  source.on('aborted', end);
  source.on('close', end);
  return out;
}

/**
 * tus PATCH: appends the bytes at the committed offset as a segment of whole encrypted chunks,
 * durably stored before the offset moves (one transaction, under the upload row's lock, so two
 * PATCHes racing on one upload commit once). When the last byte is in, the file is finished.
 */
export async function appendToUpload(
  rt: Runtime,
  principal: Principal,
  input: {
    reference: string;
    uploadId: string;
    secret: string | undefined;
    offset: number;
    body: Readable;
    /** when given, the whole body must hash to it, or none of it is kept */
    checksum?: UploadChecksum | undefined;
    ip?: string | undefined;
  },
): Promise<{ offset: number; length: number; complete: boolean }> {
  const { tender, upload, company } = await ownUpload(rt, principal, input);
  if (!(uploadableStatuses as readonly string[]).includes(tender.status)) {
    throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
  }
  if (upload.completed_at || upload.submission_status !== 'draft')
    throw new AppError('conflict', { messageKey: 'submissions.submit.draft_gone' });
  if (input.offset !== Number(upload.committed))
    throw new AppError('conflict', { detail: 'Upload-Offset differs from the committed offset' });
  const fileKey = openWithKey(
    keyFromSecret(input.secret as string),
    Buffer.from(upload.sealed_key as string, 'base64'),
    upload.id,
  );
  try {
    const encrypt = new SegmentEncryptStream(fileKey, upload.file_id, Number(upload.length), upload.next_chunk);
    let stored: Awaited<ReturnType<Runtime['blobs']['put']>>;
    // the plaintext as it arrives, hashed for the client's checksum (before anything is kept)
    const hash = input.checksum ? createHash(input.checksum.algorithm) : null;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash?.update(chunk);
        done(null, chunk);
      },
    });
    try {
      stored = await rt.blobs.put(pipeline(tolerant(input.body), tap, encrypt, () => undefined));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('bad_request', { detail: (error as Error).message });
    }
    if (input.checksum && hash && !hash.digest().equals(input.checksum.digest)) {
      // a corrupted or cut body: the segment is dropped, the offset stays, the client sends it again
      await rt.blobs.delete(stored.key);
      throw new ChecksumMismatch();
    }
    if (encrypt.chunks === 0) {
      await rt.blobs.delete(stored.key);
      return { offset: Number(upload.committed), length: Number(upload.length), complete: false };
    }
    const committed = await rt.db
      .transaction()
      .execute(async (trx) => {
        const locked = await uploadRow(trx, upload.id, { forUpdate: true });
        if (!locked || Number(locked.committed) !== input.offset || locked.completed_at) {
          throw new AppError('conflict', { detail: 'the upload moved meanwhile' });
        }
        const blobId = uuidv7();
        await trx
          .insertInto('blobs')
          .values({ id: blobId, storage_key: stored.key, size_bytes: stored.sizeBytes, sha256: stored.sha256 })
          .execute();
        const count = await trx
          .selectFrom('submission_upload_segments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('upload_id', '=', upload.id)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('submission_upload_segments')
          .values({
            upload_id: upload.id,
            number: Number(count.n) + 1,
            blob_id: blobId,
            first_chunk: locked.next_chunk,
            chunk_count: encrypt.chunks,
            plain_bytes: encrypt.plainBytes,
          })
          .execute();
        const next = Number(locked.committed) + encrypt.plainBytes;
        await trx
          .updateTable('submission_uploads')
          .set({ committed: next, next_chunk: locked.next_chunk + encrypt.chunks })
          .where('id', '=', upload.id)
          .execute();
        return next;
      })
      .catch(async (error) => {
        await rt.blobs.delete(stored.key);
        throw error;
      });
    const complete = committed === Number(upload.length);
    if (complete) await finishUpload(rt, upload.id, fileKey, { userId: company.userId, ip: input.ip });
    return { offset: committed, length: Number(upload.length), complete };
  } finally {
    fileKey.fill(0);
  }
}

/** The committed offset (tus HEAD); finishes an upload whose last PATCH ended before its file was joined. */
export async function uploadOffset(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; uploadId: string; secret: string | undefined; ip?: string | undefined },
): Promise<{ offset: number; length: number }> {
  const { upload, company } = await ownUpload(rt, principal, input);
  if (!upload.completed_at && Number(upload.committed) === Number(upload.length) && upload.sealed_key) {
    const fileKey = openWithKey(
      keyFromSecret(input.secret as string),
      Buffer.from(upload.sealed_key, 'base64'),
      upload.id,
    );
    try {
      await finishUpload(rt, upload.id, fileKey, { userId: company.userId, ip: input.ip });
    } finally {
      fileKey.fill(0);
    }
  }
  return { offset: Number(upload.committed), length: Number(upload.length) };
}

/**
 * Joins the segments into the file's blob (ciphertext only: chunks do not depend on segments),
 * decrypts it once to take the plaintext SHA-256 and prove it whole, then records the file in
 * the draft and forgets the upload's sealed key and segments — in one transaction.
 */
async function finishUpload(
  rt: Runtime,
  uploadId: string,
  fileKey: Buffer,
  actor: { userId: string; ip?: string | undefined },
): Promise<void> {
  const segments = await rt.db
    .selectFrom('submission_upload_segments')
    .innerJoin('blobs', 'blobs.id', 'submission_upload_segments.blob_id')
    .select(['submission_upload_segments.number', 'blobs.id as blob_id', 'blobs.storage_key'])
    .where('upload_id', '=', uploadId)
    .orderBy('number')
    .execute();
  const upload = (await uploadRow(rt.db, uploadId)) as NonNullable<UploadRow>;
  async function* joined() {
    for (const s of segments) yield* await rt.blobs.get(s.storage_key);
  }
  const stored = await rt.blobs.put(Readable.from(joined()));
  const plainHash = createHash('sha256');
  let plainBytes = 0;
  try {
    await pipelineAsync(
      await rt.blobs.get(stored.key),
      new DecryptStream(fileKey, upload.file_id),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          plainHash.update(chunk);
          plainBytes += chunk.length;
        }
      },
    );
    if (plainBytes !== Number(upload.length)) throw new Error('joined upload has the wrong size');
  } catch (error) {
    await rt.blobs.delete(stored.key);
    throw error;
  }
  const sha256 = plainHash.digest('hex');
  const done = await rt.db.transaction().execute(async (trx) => {
    const locked = await uploadRow(trx, uploadId, { forUpdate: true });
    if (!locked || locked.completed_at) return false;
    const draft = await trx
      .selectFrom('submissions')
      .select(['status'])
      .where('id', '=', locked.submission_id)
      .forUpdate()
      .executeTakeFirst();
    if (draft?.status !== 'draft') throw new AppError('conflict', { messageKey: 'submissions.submit.draft_gone' });
    const blobId = uuidv7();
    await trx
      .insertInto('blobs')
      .values({ id: blobId, storage_key: stored.key, size_bytes: stored.sizeBytes, sha256: stored.sha256 })
      .execute();
    await trx
      .insertInto('submission_files')
      .values({
        id: locked.file_id,
        submission_id: locked.submission_id,
        kind: locked.kind,
        lot_number: locked.lot_number,
        file_name: locked.file_name,
        blob_id: blobId,
        size_bytes: plainBytes,
        sha256,
        cipher_size_bytes: stored.sizeBytes,
        cipher_sha256: stored.sha256,
        key_enc: locked.key_enc,
        key_ct: locked.key_ct,
      })
      .execute();
    await trx
      .updateTable('submission_uploads')
      .set({ completed_at: new Date(), sealed_key: null })
      .where('id', '=', uploadId)
      .execute();
    await trx.deleteFrom('submission_upload_segments').where('upload_id', '=', uploadId).execute();
    await trx
      .deleteFrom('blobs')
      .where('id', 'in', segments.length > 0 ? segments.map((s) => s.blob_id) : [blobId])
      .where('id', '!=', blobId)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip: actor.ip },
      {
        action: 'submissions.file.added',
        subjectType: 'submission',
        subjectId: locked.submission_id,
        organisationId: locked.company_id,
        after: {
          fileId: locked.file_id,
          name: locked.file_name,
          kind: locked.kind,
          lot: locked.lot_number,
          sizeBytes: plainBytes,
          sha256,
          resumable: true,
        },
      },
    );
    return true;
  });
  if (!done) {
    await rt.blobs.delete(stored.key);
    return;
  }
  for (const s of segments) await rt.blobs.delete(s.storage_key);
}
