import { sql } from 'kysely';
import type { Db, Trx } from '../db/kysely.js';
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
    try {
      await transport.send({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        messageId: `<${mail.id}@halle>`,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await trx
        .updateTable('outbox_mails')
        .set({
          attempts: sql`attempts + 1`,
          last_error: message.slice(0, 1000),
          ...(isLastAttempt ? { status: 'failed' as const } : {}),
        })
        .where('id', '=', mailId)
        .execute();
      // commit the attempt count, then let the job fail so pg-boss retries it later
      return isLastAttempt ? ('failed' as const) : new Error(message);
    }
    await trx
      .updateTable('outbox_mails')
      .set({ status: 'sent', sent_at: new Date(), attempts: sql`attempts + 1` })
      .where('id', '=', mailId)
      .execute();
    return 'sent' as const;
  });
  if (outcome instanceof Error) throw outcome;
  return outcome;
}
