import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { companyAdminEmails } from '../company-registry/index.js';
import type { BuyerActor } from './policies.js';
import { directoryCompany } from './repo.js';

/**
 * A buyer writes to a company found in the directory: the message goes to the company's
 * administrators through the outbox, with the buyer's address to answer to; the buyer never sees
 * the company's addresses. A company that left the directory cannot be contacted this way.
 */
export async function contactCompany(
  rt: Runtime,
  actor: BuyerActor,
  input: { companyId: string; message: string },
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const company = await directoryCompany(trx, input.companyId);
    if (!company) throw new AppError('not_found');
    if (!company.inDirectory) throw new AppError('conflict', { messageKey: 'directory.error.left' });
    const t = translatorFor('fr');
    const admins = await companyAdminEmails(trx, company.id);
    for (const admin of admins) {
      await queueMail(trx, rt.jobs, {
        to: admin.email,
        template: 'directory.contact',
        subject: t('directory.contact.mail.subject', { buyer: actor.buyerName }),
        text: t('directory.contact.mail.text', {
          buyer: actor.buyerName,
          name: actor.name,
          email: actor.email,
          message: input.message,
        }),
      });
    }
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'directory.company.contacted',
        subjectType: 'organisation',
        subjectId: company.id,
        organisationId: actor.buyerId,
        after: { companyId: company.id, recipients: admins.length },
      },
    );
  });
}
