import { queues } from '../platform/jobs/queue.js';
import { deliverMail } from '../platform/mail/outbox.js';
import type { Runtime } from '../platform/runtime.js';

/** Every job handler of the platform, registered in the worker role. */
export async function startWorker(rt: Runtime): Promise<void> {
  await rt.jobs.work<{ mailId: string }>(
    queues.deliverMail,
    { batchSize: 10, pollingIntervalSeconds: rt.config.env === 'test' ? 0.5 : 2, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        const isLastAttempt = job.retryCount >= job.retryLimit;
        await deliverMail(rt.db, rt.mail, rt.config.mailFrom, job.data.mailId, isLastAttempt);
      }
    },
  );
}
