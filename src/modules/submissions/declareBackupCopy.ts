import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { answerableTender } from './saveSubmissionDetails.js';

/** A company declares the backup copy it sends (copie de sauvegarde), where the tender accepts one, before the deadline. */
export async function declareBackupCopy(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; medium: string; ip?: string | undefined; now?: Date },
): Promise<void> {
  const { tender, company } = await answerableTender(rt, principal, input.reference);
  const now = input.now ?? new Date();
  if (!tender.backup_copy_allowed)
    throw new AppError('conflict', { messageKey: 'submissions.deposit.backup_not_allowed' });
  if (tender.status !== 'published' || !tender.submission_deadline || now > tender.submission_deadline) {
    throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
  }
  const medium = input.medium.trim();
  if (medium.length < 1 || medium.length > 500) {
    throw new AppError('validation', { fields: [{ field: 'medium', message: 'form.invalid' }] });
  }
  await rt.db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await trx
      .insertInto('backup_copy_declarations')
      .values({
        id,
        tender_id: tender.id,
        company_id: company.companyId,
        declared_by: company.userId,
        medium,
        declared_at: now,
      })
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: company.userId, ip: input.ip },
      {
        action: 'submissions.backup_copy.declared',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: company.companyId,
        after: { id, medium },
      },
    );
  });
}
