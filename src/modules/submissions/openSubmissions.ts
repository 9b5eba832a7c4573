import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { transition } from '../tenders/index.js';
import { type SubmissionStanding, standings } from './domain/deadline.js';
import { DecryptStream } from './domain/fileCipher.js';
import { keyMatches, unwrapWith } from './domain/openingKey.js';
import { combineShares, openWithKey, sealWithKey } from './domain/shares.js';
import { openingRefusal } from './giveShare.js';
import { fileKeyInfo, openedFileKeyKey, openingSessionKey } from './platformKeys.js';
import { isTenderBuyer } from './policies.js';
import { checkRegister } from './registerEntries.js';
import { committeeOf, type SubmissionFileRow, sealedSubmissionsOf, tenderByReference } from './repo.js';
import type { Consortium } from './saveSubmissionDetails.js';
import { toSecond } from './sealSubmission.js';

export interface OpeningReport {
  type: 'halle.opening-report.v1';
  tender: { reference: string; title: string; buyer: string; deadline: string };
  openedAt: string;
  openedBy: string;
  holders: string[];
  register: { length: number; head: string | null; valid: boolean; problem: string | null };
  submissions: {
    position: number;
    submissionId: string;
    company: string;
    siret: string | null;
    consortium: Consortium | null;
    sealedAt: string;
    late: boolean;
    standing: SubmissionStanding;
    lots: number[];
    files: {
      id: string;
      name: string;
      kind: string;
      lot: number | null;
      sizeBytes: number;
      sha256: string;
      intact: boolean | null;
    }[];
  }[];
}

/** Decrypts a stored file fully and compares both hashes with what was recorded at upload. */
async function verifyFile(
  rt: Runtime,
  file: SubmissionFileRow & { storage_key: string },
  fileKey: Buffer,
): Promise<boolean> {
  const cipherHash = createHash('sha256');
  const plainHash = createHash('sha256');
  let plainBytes = 0;
  try {
    await pipeline(
      await rt.blobs.get(file.storage_key),
      new Transform({
        transform(chunk: Buffer, _e, cb) {
          cipherHash.update(chunk);
          cb(null, chunk);
        },
      }),
      new DecryptStream(fileKey, file.id),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          plainHash.update(chunk);
          plainBytes += chunk.length;
        }
      },
    );
  } catch {
    return false;
  }
  return (
    cipherHash.digest('hex') === file.cipher_sha256 &&
    plainHash.digest('hex') === file.sha256 &&
    plainBytes === Number(file.size_bytes)
  );
}

/**
 * Opens the tender's submissions once k holders have given their shares: rebuilds the opening
 * private key in memory, checks it against the stored key check, unwraps the file key of every
 * submission that counts (the last on-time one of each company; superseded and late ones stay
 * sealed), decrypts each such file once to prove it intact, keeps its file key sealed under the
 * platform's opened-file key for downloads, moves the tender to "opened", writes the opening
 * report and wipes the session's shares — the state change in one transaction.
 */
export async function openSubmissions(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; ip?: string | undefined; now?: Date },
): Promise<OpeningReport> {
  const now = input.now ?? new Date();
  const tender = await tenderByReference(rt.db, input.reference);
  if (!tender || !isTenderBuyer(principal, tender)) throw new AppError('not_found');
  const refusal = openingRefusal(tender, now);
  if (refusal) throw new AppError('conflict', { messageKey: refusal });
  const committee = await committeeOf(rt.db, tender.id);
  if (!committee?.key_check) throw new AppError('conflict', { messageKey: 'submissions.opening.no_share' });
  const session = await rt.db
    .selectFrom('opening_sessions')
    .selectAll()
    .where('tender_id', '=', tender.id)
    .where('completed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const given = session
    ? await rt.db
        .selectFrom('opening_session_shares')
        .select(['holder_id', 'sealed_share'])
        .where('session_id', '=', session.id)
        .execute()
    : [];
  if (!session || given.length < committee.threshold) {
    throw new AppError('conflict', { messageKey: 'submissions.opening.not_enough_shares' });
  }
  const sessionKey = openingSessionKey(rt.signingSecret, session.id);
  const shares = given.map((g) => openWithKey(sessionKey, Buffer.from(g.sealed_share, 'base64'), g.holder_id));
  const privateKey = await combineShares(shares.slice(0, committee.threshold));
  shares.forEach((s) => {
    s.fill(0);
  });
  const check = committee.key_check as { enc: string; ct: string };
  try {
    if (
      !(await keyMatches(privateKey, { enc: Buffer.from(check.enc, 'base64'), ct: Buffer.from(check.ct, 'base64') }))
    ) {
      throw new AppError('conflict', { messageKey: 'submissions.opening.key_mismatch' });
    }

    const submissions = await sealedSubmissionsOf(rt.db, tender.id);
    const standing = standings(
      submissions.map((s) => ({
        id: s.id,
        companyId: s.company_id,
        sealedAt: s.sealed_at as Date,
        late: Boolean(s.late),
      })),
    );
    const files = await rt.db
      .selectFrom('submission_files')
      .innerJoin('blobs', 'blobs.id', 'submission_files.blob_id')
      .selectAll('submission_files')
      .select('blobs.storage_key')
      .where(
        'submission_files.submission_id',
        'in',
        submissions.length > 0 ? submissions.map((s) => s.id) : ['00000000-0000-0000-0000-000000000000'],
      )
      .orderBy('submission_files.kind')
      .orderBy('submission_files.lot_number')
      .orderBy('submission_files.created_at')
      .execute();
    const openedKeys = new Map<string, string>();
    const intact = new Map<string, boolean>();
    const keyForOpened = openedFileKeyKey(rt.signingSecret);
    for (const file of files) {
      if (standing.get(file.submission_id) !== 'counts') continue;
      let fileKey: Buffer;
      try {
        fileKey = await unwrapWith(
          privateKey,
          { enc: Buffer.from(file.key_enc, 'base64'), ct: Buffer.from(file.key_ct, 'base64') },
          fileKeyInfo(file.id),
        );
      } catch {
        intact.set(file.id, false);
        continue;
      }
      intact.set(file.id, await verifyFile(rt, file, fileKey));
      openedKeys.set(file.id, sealWithKey(keyForOpened, fileKey, file.id).toString('base64'));
      fileKey.fill(0);
    }
    const registerCheck = await checkRegister(rt.db, tender.id);
    const [buyer, opener, holderNames] = await Promise.all([
      rt.db.selectFrom('organisations').select('name').where('id', '=', tender.buyer_id).executeTakeFirstOrThrow(),
      rt.db.selectFrom('users').select('name').where('id', '=', principal.user.id).executeTakeFirstOrThrow(),
      rt.db
        .selectFrom('committee_holders')
        .innerJoin('users', 'users.id', 'committee_holders.user_id')
        .select(['committee_holders.id', 'users.name'])
        .where(
          'committee_holders.id',
          'in',
          given.map((g) => g.holder_id),
        )
        .orderBy('committee_holders.position')
        .execute(),
    ]);
    const report: OpeningReport = {
      type: 'halle.opening-report.v1',
      tender: {
        reference: tender.reference,
        title: tender.title,
        buyer: buyer.name,
        deadline: toSecond(tender.submission_deadline as Date),
      },
      openedAt: toSecond(now),
      openedBy: opener.name,
      holders: holderNames.map((h) => h.name),
      register: registerCheck.valid
        ? { length: registerCheck.length, head: registerCheck.head, valid: true, problem: null }
        : {
            length: submissions.length,
            head: null,
            valid: false,
            problem: `position ${registerCheck.position}: ${registerCheck.reason}`,
          },
      submissions: submissions.map((s) => ({
        position: s.register_position as number,
        submissionId: s.id,
        company: s.company_name,
        siret: s.company_siret,
        consortium: (s.consortium as Consortium | null) ?? null,
        sealedAt: toSecond(s.sealed_at as Date),
        late: Boolean(s.late),
        standing: standing.get(s.id) as SubmissionStanding,
        lots: s.lot_numbers,
        files: files
          .filter((f) => f.submission_id === s.id)
          .map((f) => ({
            id: f.id,
            name: f.file_name,
            kind: f.kind,
            lot: f.lot_number,
            sizeBytes: Number(f.size_bytes),
            sha256: f.sha256,
            intact: intact.has(f.id) ? (intact.get(f.id) as boolean) : null,
          })),
      })),
    };

    await rt.db.transaction().execute(async (trx) => {
      await committeeOf(trx, tender.id, { forUpdate: true });
      const current = await trx
        .selectFrom('tenders')
        .select(['status'])
        .where('id', '=', tender.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const stillOpen = await trx
        .selectFrom('opening_sessions')
        .select('id')
        .where('id', '=', session.id)
        .where('completed_at', 'is', null)
        .executeTakeFirst();
      if (!stillOpen || (current.status !== 'published' && current.status !== 'closed')) {
        throw new AppError('conflict', { messageKey: 'submissions.opening.not_openable' });
      }
      const closed = current.status === 'published' ? transition('published', 'close') : current.status;
      const opened = transition(closed, 'open');
      await trx
        .updateTable('tenders')
        .set({ status: opened, updated_at: now, ...(current.status === 'published' ? { closed_at: now } : {}) })
        .where('id', '=', tender.id)
        .execute();
      for (const [fileId, sealed] of openedKeys) {
        await trx.updateTable('submission_files').set({ opened_key: sealed }).where('id', '=', fileId).execute();
      }
      await trx.deleteFrom('opening_session_shares').where('session_id', '=', session.id).execute();
      await trx.updateTable('opening_sessions').set({ completed_at: now }).where('id', '=', session.id).execute();
      await trx
        .insertInto('opening_reports')
        .values({
          tender_id: tender.id,
          opened_at: now,
          opened_by: principal.user.id,
          holder_ids: given.map((g) => g.holder_id),
          report: JSON.stringify(report),
        })
        .execute();
      await recordAudit(
        trx,
        { type: 'user', userId: principal.user.id, ip: input.ip },
        {
          action: 'submissions.opened',
          subjectType: 'tender',
          subjectId: tender.id,
          organisationId: tender.buyer_id,
          before: { status: current.status },
          after: {
            status: opened,
            holders: given.map((g) => g.holder_id),
            submissions: report.submissions.map((s) => ({ position: s.position, standing: s.standing })),
            corruptFiles: [...intact].filter(([, ok]) => !ok).map(([id]) => id),
            registerValid: report.register.valid,
          },
        },
      );
    });
    return report;
  } finally {
    privateKey.fill(0);
  }
}
