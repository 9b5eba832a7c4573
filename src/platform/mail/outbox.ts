import { sql } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../db/kysely.js';
import { uuidv7 } from '../ids.js';
import { enqueueInTransaction, type JobQueue, queues } from '../jobs/queue.js';
import type { MailTransport } from './transport.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** a stable name of the kind of mail, for the outbox page and tests (e.g. `identity.reset`) */
  template: string;
  /** extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) */
  headers?: Record<string, string>;
}

/** Queues a mail in the caller's transaction: sent only if the command commits. */
export async function queueMail(trx: Trx, jobs: JobQueue, mail: MailMessage): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('outbox_mails')
    .values({
      id,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      template: mail.template,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
    })
    .execute();
  await enqueueInTransaction(jobs, trx, queues.deliverMail, { mailId: id });
  return id;
}

/**
 * Delivers one outbox mail. The row is locked while sending and marked in the same
 * transaction, so two workers never send it twice; a failure throws, and the job retries
 * with backoff (the SMTP server may be down for a while).
 */
export async function deliverMail(
  db: Db,
  transport: MailTransport,
  from: string,
  mailId: string,
  isLastAttempt: boolean,
): Promise<'sent' | 'kept' | 'skipped' | 'failed'> {
  const outcome = await db.transaction().execute(async (trx) => {
    const mail = await trx
      .selectFrom('outbox_mails')
      .selectAll()
      .where('id', '=', mailId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (mail?.status !== 'pending') return 'skipped' as const;
    if (transport.kind === 'outbox-page') {
      await trx.updateTable('outbox_mails').set({ status: 'kept' }).where('id', '=', mailId).execute();
      return 'kept' as const;
    }
    // marked sent before the SMTP call, in the same transaction: once the peer has accepted the mail
    // only the COMMIT remains, the smallest window in which a crash can make it go twice (a refusal
    // rolls this back below through the savepoint)
    await sql`SAVEPOINT before_send`.execute(trx);
    await trx
      .updateTable('outbox_mails')
      .set({ status: 'sent', sent_at: new Date(), attempts: sql`attempts + 1` })
      .where('id', '=', mailId)
      .execute();
    try {
      await transport.send({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        messageId: `<${mail.id}@halle>`,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT before_send`.execute(trx);
      const message = error instanceof Error ? error.message : String(error);
      // a 5xx answer is permanent (no such mailbox, refused): retrying would only be refused again
      const permanent = isPermanentFailure(error);
      await trx
        .updateTable('outbox_mails')
        .set({
          attempts: sql`attempts + 1`,
          last_error: message.slice(0, 1000),
          ...(isLastAttempt || permanent ? { status: 'failed' as const } : {}),
        })
        .where('id', '=', mailId)
        .execute();
      if (permanent) {
        await trx
          .insertInto('mail_address_flags')
          .values({ address: mail.to_address.toLowerCase(), reason: message.slice(0, 500) })
          .onConflict((oc) =>
            oc.column('address').doUpdateSet({ reason: message.slice(0, 500), flagged_at: new Date() }),
          )
          .execute();
      }
      // commit the attempt count, then let the job fail so pg-boss retries it later
      return isLastAttempt || permanent ? ('failed' as const) : new Error(message);
    }
    return 'sent' as const;
  });
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

/** SMTP reply codes 5xx are permanent failures (RFC 5321 §4.2.1); connection errors and 4xx are not. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Whether the SMTP peer refused this address for good (see `mail_address_flags`). */
export async function isAddressFlagged(db: DbOrTrx, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('mail_address_flags')
    .select('address')
    .where('address', '=', address.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Mails still pending whose delivery job is gone or stuck (a worker killed while holding its batch
 * leaves the jobs active until pg-boss expires them, 15 minutes later): a new job for each. A second
 * job for a mail is harmless, since `deliverMail` sends only a pending row under its lock.
 */
export async function requeueStalledMails(
  db: Db,
  jobs: JobQueue,
  options: { stalledSeconds?: number; limit?: number } = {},
): Promise<number> {
  const stalled = options.stalledSeconds ?? 300;
  const result = await sql<{ id: string }>`
    SELECT m.id FROM outbox_mails m
    WHERE m.status = 'pending' AND m.created_at < now() - make_interval(secs => ${stalled})
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.name = ${queues.deliverMail} AND j.data->>'mailId' = m.id::text
          AND (j.state IN ('created', 'retry')
            OR (j.state = 'active' AND j.started_on > now() - make_interval(secs => ${stalled}))))
    ORDER BY m.created_at LIMIT ${options.limit ?? 500}`.execute(db);
  for (const { id } of result.rows) await jobs.send(queues.deliverMail, { mailId: id });
  return result.rows.length;
}
