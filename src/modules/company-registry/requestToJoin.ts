import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { formatSiret } from '../organisations/index.js';
import { companyAdminEmails, companyIdBySiret } from './repo.js';

/**
 * Someone whose company is already registered asks to join it: its administrators get a mail
 * (they invite the person from their organisation page). The requester never learns who the
 * administrators are; nothing is created until an administrator invites.
 */
export async function requestToJoin(
  rt: Runtime,
  input: { siret: string; personName: string; email: string; message: string; ip?: string | undefined },
): Promise<{ notified: number }> {
  return rt.db.transaction().execute(async (trx) => {
    const companyId = await companyIdBySiret(trx, input.siret);
    if (!companyId) throw new AppError('not_found');
    const admins = await companyAdminEmails(trx, companyId);
    const t = translatorFor('fr');
    for (const admin of admins) {
      await queueMail(trx, rt.jobs, {
        to: admin.email,
        template: 'registry.join_request',
        subject: t('registry.join.mail.subject', { name: input.personName }),
        text: t('registry.join.mail.text', {
          name: input.personName,
          email: input.email,
          siret: formatSiret(input.siret),
          message: input.message || '—',
          url: `${rt.config.publicUrl}/mon-espace/organisation`,
        }),
      });
    }
    await recordAudit(
      trx,
      { type: 'anonymous', ip: input.ip },
      {
        action: 'company.join_requested',
        subjectType: 'organisation',
        subjectId: companyId,
        organisationId: companyId,
        after: { name: input.personName, email: input.email, notified: admins.length },
      },
    );
    return { notified: admins.length };
  });
}
