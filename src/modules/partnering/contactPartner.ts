import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { type CompanyActor, companyAdminEmails } from '../company-registry/index.js';
import { isOpen } from './policies.js';
import type { TenderHead } from './repo.js';

/**
 * Writes to another company of the exchange. The sender must be on the exchange too (the
 * recipient sees who writes, and in which role); the message goes by mail to the recipient's
 * administrators through the outbox, with the sender's address to answer to. The recipient's
 * addresses are never shown to the sender: they answer if they wish, and that reveals them.
 */
export async function contactPartner(
  rt: Runtime,
  actor: CompanyActor & { name: string; email: string },
  tender: TenderHead,
  input: { toCompanyId: string; message: string },
  ip?: string,
): Promise<void> {
  if (!isOpen(tender)) throw new AppError('conflict', { messageKey: 'partnering.error.closed' });
  if (input.toCompanyId === actor.companyId) throw new AppError('not_found');
  await rt.db.transaction().execute(async (trx) => {
    const entries = await trx
      .selectFrom('partnering_entries as e')
      .innerJoin('organisations as o', 'o.id', 'e.company_id')
      .select(['e.company_id', 'e.role', 'o.name'])
      .where('e.tender_id', '=', tender.id)
      .where('e.company_id', 'in', [actor.companyId, input.toCompanyId])
      .execute();
    const sender = entries.find((e) => e.company_id === actor.companyId);
    const recipient = entries.find((e) => e.company_id === input.toCompanyId);
    // a company not on this tender's exchange (withdrawn, or a forged id) does not exist here
    if (!recipient) throw new AppError('not_found');
    if (!sender) throw new AppError('conflict', { messageKey: 'partnering.error.declare_first' });
    const t = translatorFor('fr');
    const id = uuidv7();
    await trx
      .insertInto('partnering_contacts')
      .values({
        id,
        tender_id: tender.id,
        from_company_id: actor.companyId,
        to_company_id: recipient.company_id,
        sent_by: actor.userId,
        message: input.message,
      })
      .execute();
    for (const admin of await companyAdminEmails(trx, recipient.company_id)) {
      await queueMail(trx, rt.jobs, {
        to: admin.email,
        template: 'partnering.contact',
        subject: t('partnering.mail.subject', { company: sender.name, reference: tender.reference }),
        text: t('partnering.mail.text', {
          name: actor.name,
          company: sender.name,
          role: t(`partnering.role.${sender.role}`),
          reference: tender.reference,
          title: tender.title,
          message: input.message,
          email: actor.email,
          url: `${rt.config.publicUrl}/consultations/${encodeURIComponent(tender.reference)}/cotraitance`,
        }),
      });
    }
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'partnering.contacted',
        subjectType: 'partnering_contact',
        subjectId: id,
        organisationId: actor.companyId,
        after: { tenderId: tender.id, toCompanyId: recipient.company_id },
      },
    );
  });
}
