import { queues } from '../../platform/jobs/queue.js';
import type { Runtime } from '../../platform/runtime.js';
import { sendExpiryReminders } from './sendExpiryReminders.js';

const reminderKey = 'vault-expiry-reminders';

/** Seconds until the next 05:00 UTC (06:00 or 07:00 in Paris): reminders arrive in the morning. */
export function secondsUntilNextRun(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(5, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return Math.ceil((next.getTime() - now.getTime()) / 1000);
}

/**
 * The daily reminder job: it runs, then sends itself again for the next morning. The queue's
 * 'short' policy keeps one waiting job whatever the number of workers; a worker that was down
 * catches up at its start (each document is reminded once anyway).
 */
export async function startVaultReminderWorker(rt: Runtime): Promise<void> {
  const schedule = () =>
    rt.jobs.send(queues.vaultReminders, {}, { singletonKey: reminderKey, startAfter: secondsUntilNextRun(new Date()) });
  await rt.jobs.work(queues.vaultReminders, { pollingIntervalSeconds: 30 }, async () => {
    const { reminded } = await sendExpiryReminders(rt);
    if (reminded > 0) rt.logger.info({ reminded }, 'vault expiry reminders queued');
    await schedule();
  });
  const { reminded } = await sendExpiryReminders(rt);
  if (reminded > 0) rt.logger.info({ reminded }, 'vault expiry reminders queued at worker start');
  await schedule();
}
