import { pipeline, type Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { DecryptStream } from './domain/fileCipher.js';
import { openWithKey } from './domain/shares.js';
import { openedFileKeyKey } from './platformKeys.js';
import { isTenderBuyer } from './policies.js';
import { tenderByReference } from './repo.js';

/**
 * A file of an opened submission, decrypted as it streams, for the tender's buyer agents. Only
 * files opened at the opening have a key the platform can use: superseded and late submissions
 * (and everything before the opening) answer 404. Each download is audited.
 */
export async function openedFileStream(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; fileId: string; ip?: string | undefined },
): Promise<{ name: string; sizeBytes: number; stream: Readable }> {
  const tender = await tenderByReference(rt.db, input.reference);
  if (!tender || !isTenderBuyer(principal, tender) || !/^[0-9a-f-]{36}$/.test(input.fileId))
    throw new AppError('not_found');
  const file = await rt.db
    .selectFrom('submission_files')
    .innerJoin('submissions', 'submissions.id', 'submission_files.submission_id')
    .innerJoin('blobs', 'blobs.id', 'submission_files.blob_id')
    .select([
      'submission_files.id',
      'submission_files.file_name',
      'submission_files.size_bytes',
      'submission_files.opened_key',
      'submission_files.submission_id',
      'blobs.storage_key',
    ])
    .where('submission_files.id', '=', input.fileId)
    .where('submissions.tender_id', '=', tender.id)
    .executeTakeFirst();
  if (!file?.opened_key) throw new AppError('not_found');
  const fileKey = openWithKey(openedFileKeyKey(rt.signingSecret), Buffer.from(file.opened_key, 'base64'), file.id);
  await rt.db.transaction().execute((trx) =>
    recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'submissions.file.downloaded',
        subjectType: 'submission',
        subjectId: file.submission_id,
        organisationId: tender.buyer_id,
        after: { fileId: file.id, name: file.file_name },
      },
    ),
  );
  const source = await rt.blobs.get(file.storage_key);
  const decrypt = new DecryptStream(fileKey, file.id);
  const stream = pipeline(source, decrypt, (error) => {
    if (error) rt.logger.error({ err: error, fileId: file.id }, 'opened file failed to decrypt');
  });
  return { name: file.file_name, sizeBytes: Number(file.size_bytes), stream };
}
