import { queues } from '../../platform/jobs/queue.js';
import type { Runtime } from '../../platform/runtime.js';
import { sendEndReminders } from './sendEndReminders.js';

const reminderKey = 'contract-end-reminders';

/** Seconds until the next 05:00 UTC: reminders arrive in the morning. */
export function secondsUntilNextRun(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(5, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return Math.ceil((next.getTime() - now.getTime()) / 1000);
}

/**
 * The daily end-of-contract reminder job: it runs, then sends itself again for the next morning
 * (the queue's 'short' policy keeps one waiting job whatever the number of workers).
 */
export async function startContractReminderWorker(rt: Runtime): Promise<void> {
  const schedule = () =>
    rt.jobs.send(
      queues.contractEndReminders,
      {},
      { singletonKey: reminderKey, startAfter: secondsUntilNextRun(new Date()) },
    );
  await rt.jobs.work(queues.contractEndReminders, { pollingIntervalSeconds: 30 }, async () => {
    const { reminded } = await sendEndReminders(rt);
    if (reminded > 0) rt.logger.info({ reminded }, 'contract end reminders queued');
    await schedule();
  });
  const { reminded } = await sendEndReminders(rt);
  if (reminded > 0) rt.logger.info({ reminded }, 'contract end reminders queued at worker start');
  await schedule();
}
