import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { randomToken, uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { cleanFileName, maxFilesPerSubmission } from './addSubmissionFile.js';
import { newFileKey } from './domain/fileCipher.js';
import { wrapTo } from './domain/openingKey.js';
import { sealWithKey } from './domain/shares.js';
import { fileKeyInfo } from './platformKeys.js';
import { uploadableStatuses } from './policies.js';
import { committeeOf, lotNumbersOf } from './repo.js';
import { answerableTender, ensureDraft } from './saveSubmissionDetails.js';
import { keyFromSecret, secretHash } from './uploadSecret.js';

/**
 * tus creation (POST): checks the tender, the lot and the declared size against the tender's
 * maximum before any byte is sent, makes the file key (wrapped to the tender's opening key, and
 * sealed under the client's secret for the time of the upload), and returns the upload's id and
 * the secret the client must send back with every request.
 */
export async function createUpload(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; length: number; fileName: string; kind: string; ip?: string | undefined },
): Promise<{ uploadId: string; secret: string }> {
  const { tender, company } = await answerableTender(rt, principal, input.reference);
  if (!(uploadableStatuses as readonly string[]).includes(tender.status)) {
    throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
  }
  if (!Number.isSafeInteger(input.length) || input.length < 0) throw new AppError('bad_request');
  if (input.length > Number(tender.max_file_size_bytes)) {
    throw new AppError('payload_too_large', { messageKey: 'submissions.file.too_large' });
  }
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw new AppError('validation', { fields: [{ field: 'file', message: 'submissions.file.no_name' }] });
  const offer = /^offer:(\d{1,4})$/.exec(input.kind);
  if (!offer && input.kind !== 'candidature') throw new AppError('bad_request');
  const lotNumber = offer ? Number(offer[1]) : null;
  if (lotNumber !== null && !(await lotNumbersOf(rt.db, tender.id)).some((l) => l.number === lotNumber)) {
    throw new AppError('validation', { fields: [{ field: 'lot', message: 'submissions.submit.unknown_lot' }] });
  }
  const committee = await committeeOf(rt.db, tender.id);
  if (!committee?.public_key) throw new AppError('conflict', { messageKey: 'submissions.submit.no_key' });
  const draft = await ensureDraft(rt, tender, company);
  const files = await rt.db
    .selectFrom('submission_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('submission_id', '=', draft.id)
    .executeTakeFirstOrThrow();
  if (Number(files.n) >= maxFilesPerSubmission) {
    throw new AppError('validation', { fields: [{ field: 'file', message: 'submissions.file.too_many' }] });
  }

  const uploadId = uuidv7();
  const fileId = uuidv7();
  const secret = randomToken();
  const fileKey = newFileKey();
  const wrapped = await wrapTo(Buffer.from(committee.public_key, 'base64'), fileKey, fileKeyInfo(fileId));
  const sealed = sealWithKey(keyFromSecret(secret), fileKey, uploadId);
  fileKey.fill(0);
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('submission_uploads')
      .values({
        id: uploadId,
        submission_id: draft.id,
        company_id: company.companyId,
        created_by: company.userId,
        kind: offer ? 'offer' : 'candidature',
        lot_number: lotNumber,
        file_name: fileName,
        file_id: fileId,
        length: input.length,
        secret_hash: secretHash(secret),
        sealed_key: sealed.toString('base64'),
        key_enc: wrapped.enc.toString('base64'),
        key_ct: wrapped.ct.toString('base64'),
      })
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: company.userId, ip: input.ip },
      {
        action: 'submissions.upload.created',
        subjectType: 'submission',
        subjectId: draft.id,
        organisationId: company.companyId,
        after: { uploadId, fileName, length: input.length, kind: input.kind },
      },
    );
  });
  return { uploadId, secret };
}
