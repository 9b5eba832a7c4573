import { pipeline, type Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { EncryptStream, FileTooLarge, newFileKey } from './domain/fileCipher.js';
import { wrapTo } from './domain/openingKey.js';
import { fileKeyInfo } from './platformKeys.js';
import { uploadableStatuses } from './policies.js';
import { committeeOf, draftOf, lotNumbersOf } from './repo.js';
import { answerableTender, ensureDraft } from './saveSubmissionDetails.js';

/** A submission holds at most this many files: 10,000 tiny files are refused, clearly. */
export const maxFilesPerSubmission = 200;

/** Names as the company gave them, without paths or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim()
    .normalize('NFC');
  return cleaned.slice(0, 255);
}

/**
 * Adds one file to the company's draft submission, encrypting as it streams: a random file key,
 * AES-256-GCM chunks, plaintext hashed on the way; the ciphertext goes to the blob store, which
 * returns only once it is fsynced. The file key is kept only HPKE-wrapped to the tender's
 * opening key. Plaintext is never written anywhere. If anything fails, the blob is removed and
 * nothing is recorded; if the process dies, an unreferenced ciphertext blob is all that remains.
 */
export async function addSubmissionFile(
  rt: Runtime,
  principal: Principal,
  input: {
    reference: string;
    kind: 'candidature' | 'offer';
    lotNumber: number | null;
    fileName: string;
    content: Readable;
    ip?: string | undefined;
  },
): Promise<{ fileId: string; sizeBytes: number; sha256: string }> {
  const drain = () => {
    input.content.resume();
  };
  try {
    const { tender, company } = await answerableTender(rt, principal, input.reference);
    if (!(uploadableStatuses as readonly string[]).includes(tender.status)) {
      throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
    }
    const fileName = cleanFileName(input.fileName);
    if (!fileName)
      throw new AppError('validation', { fields: [{ field: 'file', message: 'submissions.file.no_name' }] });
    if (input.kind === 'offer') {
      const lots = await lotNumbersOf(rt.db, tender.id);
      if (input.lotNumber === null || !lots.some((l) => l.number === input.lotNumber)) {
        throw new AppError('validation', { fields: [{ field: 'lot', message: 'submissions.submit.unknown_lot' }] });
      }
    }
    const committee = await committeeOf(rt.db, tender.id);
    if (!committee?.public_key) throw new AppError('conflict', { messageKey: 'submissions.submit.no_key' });
    const draft = await ensureDraft(rt, tender, company);
    const count = await rt.db
      .selectFrom('submission_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submission_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= maxFilesPerSubmission) {
      throw new AppError('validation', { fields: [{ field: 'file', message: 'submissions.file.too_many' }] });
    }

    const fileId = uuidv7();
    const fileKey = newFileKey();
    const wrapped = await wrapTo(Buffer.from(committee.public_key, 'base64'), fileKey, fileKeyInfo(fileId));
    const encrypt = new EncryptStream(fileKey, fileId, Number(tender.max_file_size_bytes));
    let stored: Awaited<ReturnType<Runtime['blobs']['put']>>;
    try {
      // pipeline, not pipe: a broken upload destroys the encryption stream with its error, which
      // the blob store's own pipeline reports (and cleans up after) — never an uncaught error
      const encrypted = pipeline(input.content, encrypt, () => undefined);
      stored = await rt.blobs.put(encrypted);
    } catch (error) {
      if (error instanceof FileTooLarge || (error as { cause?: unknown }).cause instanceof FileTooLarge) {
        throw new AppError('payload_too_large', { messageKey: 'submissions.file.too_large' });
      }
      throw error;
    } finally {
      fileKey.fill(0);
    }
    // multipart streams end without error when truncated by the size limit of the parser
    if ((input.content as Readable & { truncated?: boolean }).truncated) {
      await rt.blobs.delete(stored.key);
      throw new AppError('payload_too_large', { messageKey: 'submissions.file.too_large' });
    }
    const sha256 = encrypt.plainSha256();
    try {
      await rt.db.transaction().execute(async (trx) => {
        const locked = await draftOf(trx, tender.id, company.companyId, { forUpdate: true });
        if (!locked || locked.id !== draft.id)
          throw new AppError('conflict', { messageKey: 'submissions.submit.draft_gone' });
        const blobId = uuidv7();
        await trx
          .insertInto('blobs')
          .values({ id: blobId, storage_key: stored.key, size_bytes: stored.sizeBytes, sha256: stored.sha256 })
          .execute();
        await trx
          .insertInto('submission_files')
          .values({
            id: fileId,
            submission_id: draft.id,
            kind: input.kind,
            lot_number: input.kind === 'offer' ? input.lotNumber : null,
            file_name: fileName,
            blob_id: blobId,
            size_bytes: encrypt.plainBytes,
            sha256,
            cipher_size_bytes: stored.sizeBytes,
            cipher_sha256: stored.sha256,
            key_enc: wrapped.enc.toString('base64'),
            key_ct: wrapped.ct.toString('base64'),
          })
          .execute();
        await recordAudit(
          trx,
          { type: 'user', userId: company.userId, ip: input.ip },
          {
            action: 'submissions.file.added',
            subjectType: 'submission',
            subjectId: draft.id,
            organisationId: company.companyId,
            after: {
              fileId,
              name: fileName,
              kind: input.kind,
              lot: input.lotNumber,
              sizeBytes: encrypt.plainBytes,
              sha256,
            },
          },
        );
      });
    } catch (error) {
      await rt.blobs.delete(stored.key);
      throw error;
    }
    return { fileId, sizeBytes: encrypt.plainBytes, sha256 };
  } catch (error) {
    drain();
    throw error;
  }
}

/** Removes a file from the company's draft (never from a sealed submission). */
export async function removeSubmissionFile(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; fileId: string; ip?: string | undefined },
): Promise<void> {
  const { tender, company } = await answerableTender(rt, principal, input.reference);
  if (!/^[0-9a-f-]{36}$/.test(input.fileId)) throw new AppError('not_found');
  const storageKey = await rt.db.transaction().execute(async (trx) => {
    const draft = await draftOf(trx, tender.id, company.companyId, { forUpdate: true });
    if (!draft) throw new AppError('not_found');
    const file = await trx
      .selectFrom('submission_files')
      .innerJoin('blobs', 'blobs.id', 'submission_files.blob_id')
      .select(['submission_files.id', 'submission_files.file_name', 'blobs.id as blob_id', 'blobs.storage_key'])
      .where('submission_files.id', '=', input.fileId)
      .where('submission_files.submission_id', '=', draft.id)
      .executeTakeFirst();
    if (!file) throw new AppError('not_found');
    await trx.deleteFrom('submission_files').where('id', '=', file.id).execute();
    await trx.deleteFrom('blobs').where('id', '=', file.blob_id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: company.userId, ip: input.ip },
      {
        action: 'submissions.file.removed',
        subjectType: 'submission',
        subjectId: draft.id,
        organisationId: company.companyId,
        before: { fileId: file.id, name: file.file_name },
      },
    );
    return file.storage_key;
  });
  await rt.blobs.delete(storageKey);
}
