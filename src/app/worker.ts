import { alertsSubscribers, startAlertsDigestWorker } from '../modules/alerts/index.js';
import { contractsSubscribers, startContractReminderWorker } from '../modules/contracts/index.js';
import { searchSubscribers } from '../modules/search/index.js';
import { startTenderClosingWorker } from '../modules/tenders/index.js';
import { startVaultReminderWorker } from '../modules/vault/index.js';
import { startEventDispatcher } from '../platform/events/outbox.js';
import { queues } from '../platform/jobs/queue.js';
import { deliverMail, requeueStalledMails } from '../platform/mail/outbox.js';
import type { Runtime } from '../platform/runtime.js';

/** Every job handler of the platform, registered in the worker role. */
export async function startWorker(rt: Runtime): Promise<void> {
  await rt.jobs.work<{ mailId: string }>(
    queues.deliverMail,
    { batchSize: 100, pollingIntervalSeconds: rt.config.env === 'test' ? 0.5 : 1, includeMetadata: true },
    async (jobs) => {
      // pg-boss fails or completes a batch as a whole: one refused mail would hold back the
      // others of its batch and spend their retries. Each job is therefore failed on its own,
      // and the handler returns normally, so pg-boss completes only the jobs still active.
      for (const job of jobs) {
        const isLastAttempt = job.retryCount >= job.retryLimit;
        try {
          await deliverMail(rt.db, rt.mail, rt.config.mailFrom, job.data.mailId, isLastAttempt);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          rt.logger.warn({ mailId: job.data.mailId, attempt: job.retryCount + 1, err: message }, 'mail not delivered');
          await rt.jobs.fail(queues.deliverMail, job.id, { message });
        }
      }
    },
  );
  await startTenderClosingWorker(rt);
  await startVaultReminderWorker(rt);
  await startAlertsDigestWorker(rt);
  await startContractReminderWorker(rt);
  // domain events (outbox) to the modules that subscribe to them; stopped before the runtime closes
  const dispatcher = await startEventDispatcher({
    db: rt.db,
    pool: rt.database.pool,
    engine: rt.database.engine,
    subscribers: [
      ...searchSubscribers,
      ...alertsSubscribers({ jobs: rt.jobs, publicUrl: rt.config.publicUrl, signingSecret: rt.signingSecret }),
      ...contractsSubscribers,
    ],
    logger: rt.logger,
  });
  // pending mails whose job died with its worker get a new one (every minute, after 5 minutes)
  const mailSweep = setInterval(() => {
    requeueStalledMails(rt.db, rt.jobs).catch((error: unknown) => {
      rt.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'stalled mail sweep failed');
    });
  }, 60_000);
  mailSweep.unref();
  const close = rt.close;
  rt.close = async () => {
    clearInterval(mailSweep);
    await dispatcher.stop();
    await close();
  };
}
