import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Db } from '../../../platform/db/kysely.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { transition } from '../domain/lifecycle.js';

export type CloseOutcome = 'closed' | 'not_due' | 'not_published' | 'missing';

/**
 * Closes a tender whose submission deadline has come. The job scheduled at publication calls it at
 * the deadline; it re-reads the tender under a row lock, so a job made stale by a corrigendum
 * (deadline moved later) or a cancellation does nothing, and two workers never close twice.
 * "Now" is the database clock, the same clock pg-boss compares `startAfter` with.
 */
export async function closeTenderIfDue(db: Db, tenderId: string): Promise<CloseOutcome> {
  return db.transaction().execute(async (trx) => {
    const tender = await trx
      .selectFrom('tenders')
      .select(['id', 'buyer_id', 'status', 'submission_deadline', sql<Date>`now()`.as('now')])
      .where('id', '=', tenderId)
      .forUpdate()
      .executeTakeFirst();
    if (!tender) return 'missing';
    if (tender.status !== 'published') return 'not_published';
    if (!tender.submission_deadline || tender.now.getTime() < tender.submission_deadline.getTime()) return 'not_due';
    const status = transition(tender.status, 'close');
    await trx
      .updateTable('tenders')
      .set({ status, closed_at: tender.now, updated_at: tender.now })
      .where('id', '=', tender.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'system' },
      {
        action: 'tender.closed',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { status: tender.status },
        after: { status, closedAt: tender.now, submissionDeadline: tender.submission_deadline },
      },
    );
    await recordEvent(trx, 'tender.closed', { id: tender.id });
    return 'closed';
  });
}

/**
 * The safety sweep: closes every published tender past its deadline. It catches what the exact
 * job missed (a worker down at the deadline, a job lost by an operator), a minute late at most.
 */
export async function closeOverdueTenders(db: Db): Promise<string[]> {
  const due = await db
    .selectFrom('tenders')
    .select('id')
    .where('status', '=', 'published')
    .where('submission_deadline', '<=', sql<Date>`now()`)
    .orderBy('submission_deadline')
    .limit(1000)
    .execute();
  const closed: string[] = [];
  for (const { id } of due) {
    if ((await closeTenderIfDue(db, id)) === 'closed') closed.push(id);
  }
  return closed;
}
