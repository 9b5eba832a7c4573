import type { Trx } from '../../../platform/db/kysely.js';
import { enqueueInTransaction, type JobQueue, queues } from '../../../platform/jobs/queue.js';
import type { Runtime } from '../../../platform/runtime.js';
import { closeOverdueTenders, closeTenderIfDue } from './closeTender.js';

/**
 * Tenders close by themselves at their deadline, whatever the workers do:
 * - publication (and every corrigendum that moves the deadline) enqueues a `tender.close` job with
 *   `startAfter` = the deadline, in the command's transaction. The close worker polls every
 *   second (half a second in tests), so a tender closes within about a second of its deadline;
 *   the deadline itself, not the status, is what later steps (submissions) compare with.
 * - a sweep every minute closes any published tender past its deadline: a worker that was down
 *   at the deadline closes it right after it restarts (the worker also sweeps once at start).
 */
const sweepEverySeconds = 60;
const sweepKey = 'tender-closing-sweep';

export async function scheduleClosing(jobs: JobQueue, trx: Trx, tenderId: string, deadline: Date): Promise<void> {
  await enqueueInTransaction(jobs, trx, queues.closeTender, { tenderId }, { startAfter: deadline });
}

export async function startTenderClosingWorker(rt: Runtime): Promise<void> {
  const { jobs, db } = rt;
  await jobs.work<{ tenderId: string }>(
    queues.closeTender,
    { batchSize: 5, pollingIntervalSeconds: rt.config.env === 'test' ? 0.5 : 1 },
    async (batch) => {
      // closing is idempotent: a failure retries the whole batch without harm
      for (const job of batch) {
        const outcome = await closeTenderIfDue(db, job.data.tenderId);
        if (outcome === 'closed') rt.logger.info({ tenderId: job.data.tenderId }, 'tender closed at its deadline');
      }
    },
  );
  await jobs.work(queues.sweepTenderClosing, { pollingIntervalSeconds: 5 }, async () => {
    const closed = await closeOverdueTenders(db);
    if (closed.length > 0) rt.logger.warn({ closed }, 'overdue tenders closed by the sweep');
    // the queue's 'short' policy keeps a single waiting sweep, however many workers re-send it
    await jobs.send(queues.sweepTenderClosing, {}, { singletonKey: sweepKey, startAfter: sweepEverySeconds });
  });
  const closed = await closeOverdueTenders(db);
  if (closed.length > 0) rt.logger.warn({ closed }, 'overdue tenders closed at worker start');
  await jobs.send(queues.sweepTenderClosing, {}, { singletonKey: sweepKey, startAfter: sweepEverySeconds });
}
