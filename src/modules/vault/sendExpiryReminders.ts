import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { companyAdminEmails } from '../company-registry/index.js';
import { parisDate, reminderHorizon } from './domain/expiry.js';

/**
 * The daily reminder: every document whose validity ends within the reminder window (or has
 * ended) and was not reminded yet gets one mail to its company's administrators. Each document is
 * marked in the same transaction as its mails, under a row lock skipping rows another worker
 * holds: a document is reminded once, whatever the number of workers or runs.
 */
export async function sendExpiryReminders(rt: Runtime, now = new Date()): Promise<{ reminded: number }> {
  const today = parisDate(now);
  const t = translatorFor('fr');
  let reminded = 0;
  for (;;) {
    const done = await rt.db.transaction().execute(async (trx) => {
      const document = await trx
        .selectFrom('vault_documents')
        .select(['id', 'organisation_id', 'title', 'valid_until'])
        .where('reminder_sent_at', 'is', null)
        .where('valid_until', 'is not', null)
        .where('valid_until', '<=', reminderHorizon(today))
        .orderBy('valid_until')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!document?.valid_until) return true;
      const expired = document.valid_until < today;
      for (const admin of await companyAdminEmails(trx, document.organisation_id)) {
        await queueMail(trx, rt.jobs, {
          to: admin.email,
          template: 'vault.expiry_reminder',
          subject: t(expired ? 'vault.reminder.subject_expired' : 'vault.reminder.subject', { title: document.title }),
          text: t('vault.reminder.text', {
            title: document.title,
            date: new Date(`${document.valid_until}T12:00:00Z`).toLocaleDateString('fr-FR', {
              dateStyle: 'long',
              timeZone: 'UTC',
            }),
            url: `${rt.config.publicUrl}/mon-espace/coffre-fort`,
          }),
        });
      }
      await trx.updateTable('vault_documents').set({ reminder_sent_at: now }).where('id', '=', document.id).execute();
      return false;
    });
    if (done) break;
    reminded++;
  }
  return { reminded };
}
