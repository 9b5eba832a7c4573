import { sql } from 'kysely';
import { queues } from '../../platform/jobs/queue.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { nextDigestAt } from './domain/digestTime.js';
import { digestMail } from './mails.js';
import { mailableRecipient } from './notify.js';

const digestKey = 'alerts-daily-digest';
const maxItems = 100;

/**
 * Sends the daily digests: for each person with matches waiting, one mail listing them, and the
 * notifications marked digested in the same transaction. The rows are locked with SKIP LOCKED, so
 * two workers never put a match in two digests; a person's digest is one transaction.
 */
export async function sendDigests(rt: Runtime): Promise<{ users: number; mails: number }> {
  const pending = await rt.db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('delivery', '=', 'digest')
    .where('digested_at', 'is', null)
    .execute();
  let mails = 0;
  for (const { user_id: userId } of pending) {
    const sent = await rt.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('notifications')
        .select(['id', 'title', 'tender_reference', 'detail', 'link'])
        .where('user_id', '=', userId)
        .where('delivery', '=', 'digest')
        .where('digested_at', 'is', null)
        .orderBy('created_at')
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return false;
      await trx
        .updateTable('notifications')
        .set({ digested_at: sql`now()` })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      const recipient = await mailableRecipient(trx, userId);
      if (!recipient) return false;
      await queueMail(
        trx,
        rt.jobs,
        digestMail(
          recipient,
          rows.slice(0, maxItems).map((r) => ({
            title: r.title,
            reference: r.tender_reference,
            detail: r.detail,
            link: r.link,
          })),
          { publicUrl: rt.config.publicUrl, manage: `${rt.config.publicUrl}/mon-espace/alertes` },
        ),
      );
      return true;
    });
    if (sent) mails++;
  }
  return { users: pending.length, mails };
}

/**
 * The digest job: runs at the configured hour (Europe/Paris), then schedules its next run. The
 * queue keeps a single waiting job (singleton key, 'short' policy), however many workers start.
 */
export async function startAlertsDigestWorker(rt: Runtime): Promise<void> {
  const schedule = () =>
    rt.jobs.send(
      queues.alertsDigest,
      {},
      { singletonKey: digestKey, startAfter: nextDigestAt(new Date(), rt.config.alertsDigestHour) },
    );
  await rt.jobs.work(queues.alertsDigest, { pollingIntervalSeconds: 30 }, async () => {
    const { mails } = await sendDigests(rt);
    if (mails > 0) rt.logger.info({ mails }, 'daily alert digests queued');
    await schedule();
  });
  await schedule();
}
