import type { DbOrTrx } from '../../platform/db/kysely.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { addDays, parisToday } from './domain/dates.js';
import { daysUntil, dueReminder } from './domain/reminders.js';
import { buyerAgentEmails } from './repo.js';

export interface DueContract {
  contractId: string;
  decpId: string;
  object: string;
  buyerId: string;
  endsOn: string;
  /** the threshold to mail now, and every threshold to mark as done */
  send: number;
  mark: number[];
}

/**
 * The contracts whose end is near enough for a reminder not sent yet: running contracts (notified
 * or in execution) ending between today and today + the largest threshold.
 */
export async function contractsDueForReminder(
  db: DbOrTrx,
  today: string,
  thresholds: readonly number[],
): Promise<DueContract[]> {
  if (thresholds.length === 0) return [];
  const horizon = addDays(today, Math.max(...thresholds));
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'decp_id', 'object', 'buyer_id', 'ends_on'])
    .where('status', 'in', ['notified', 'in_execution'])
    .where('ends_on', 'is not', null)
    .where('ends_on', '>=', today)
    .where('ends_on', '<=', horizon)
    .orderBy('ends_on')
    .execute();
  const due: DueContract[] = [];
  for (const r of rows) {
    if (!r.ends_on) continue;
    const sent = await db
      .selectFrom('contract_end_reminders')
      .select('days_before')
      .where('contract_id', '=', r.id)
      .where('ends_on', '=', r.ends_on)
      .execute();
    const { send, mark } = dueReminder(
      r.ends_on,
      today,
      thresholds,
      sent.map((s) => s.days_before),
    );
    if (send !== null) {
      due.push({
        contractId: r.id,
        decpId: r.decp_id,
        object: r.object,
        buyerId: r.buyer_id,
        endsOn: r.ends_on,
        send,
        mark,
      });
    }
  }
  return due;
}

/**
 * Mails the buyer's agents of every contract due for a reminder. Each contract is handled in its
 * own transaction under a lock, and its reminder rows (primary key contract, threshold, end date)
 * are written with the mails: a reminder goes out once, whatever the runs or workers.
 */
export async function sendEndReminders(rt: Runtime, now = new Date()): Promise<{ reminded: number }> {
  const today = parisToday(now);
  const thresholds = rt.config.contractEndReminderDays;
  const t = translatorFor('fr');
  let reminded = 0;
  for (const candidate of await contractsDueForReminder(rt.db, today, thresholds)) {
    const done = await rt.db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('contracts')
        .select('id')
        .where('id', '=', candidate.contractId)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!locked) return false;
      // checked again under the lock: another worker may have sent it meanwhile
      const [again] = (await contractsDueForReminder(trx, today, thresholds)).filter(
        (c) => c.contractId === candidate.contractId,
      );
      if (!again) return false;
      const days = daysUntil(again.endsOn, today);
      const date = new Date(`${again.endsOn}T12:00:00Z`).toLocaleDateString('fr-FR', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
      for (const agent of await buyerAgentEmails(trx, again.buyerId)) {
        await queueMail(trx, rt.jobs, {
          to: agent.email,
          template: 'contracts.end_reminder',
          subject: t('contracts.reminder.subject', { id: again.decpId, days }),
          text: t('contracts.reminder.text', {
            object: again.object,
            id: again.decpId,
            date,
            days,
            url: `${rt.config.publicUrl}/mon-espace/contrats/${again.contractId}`,
          }),
        });
      }
      await trx
        .insertInto('contract_end_reminders')
        .values(again.mark.map((d) => ({ contract_id: again.contractId, days_before: d, ends_on: again.endsOn })))
        .execute();
      return true;
    });
    if (done) reminded++;
  }
  return { reminded };
}
