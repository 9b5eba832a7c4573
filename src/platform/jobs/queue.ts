import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Trx } from '../db/kysely.js';

/** Names of every job queue of the platform: one place to see what the worker does. */
export const queues = {
  deliverMail: 'mail.deliver',
  closeTender: 'tender.close',
  sweepTenderClosing: 'tender.close.sweep',
  vaultReminders: 'vault.reminders',
  alertsDigest: 'alerts.digest',
  contractEndReminders: 'contracts.end-reminders',
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

export type JobQueue = PgBoss;

/** pg-boss over the shared pool: one driver, and on PGlite the single session it needs. */
export async function startJobQueue(pool: pg.Pool): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    // the web role only enqueues: maintenance and cron run in the worker
    supervise: true,
    schedule: false,
  });
  boss.on('error', () => {
    // pg-boss reports transient maintenance errors here; jobs are retried by design.
  });
  await boss.start();
  for (const name of Object.values(queues)) {
    // 'short': at most one waiting job per singleton key, so a job that re-sends itself stays single
    const single: string[] = [
      queues.sweepTenderClosing,
      queues.vaultReminders,
      queues.alertsDigest,
      queues.contractEndReminders,
    ];
    const policy = single.includes(name) ? 'short' : 'standard';
    await boss.createQueue(name, { name, policy, retryLimit: 10, retryDelay: 20, retryBackoff: true });
  }
  return boss;
}

/**
 * Enqueues a job inside a Kysely transaction: the job exists only if the transaction commits
 * (the outbox pattern). Going through the pool instead would deadlock PGlite's single session.
 */
export async function enqueueInTransaction(
  boss: JobQueue,
  trx: Trx,
  name: QueueName,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<void> {
  await boss.send(name, data, {
    ...options,
    db: {
      executeSql: async (text, values) => {
        const result = await trx.executeQuery(CompiledQuery.raw(text, values));
        return { rows: result.rows as unknown[] };
      },
    },
  });
}
