import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { TenderStatus } from '../../platform/db/schema.js';

/** SQL of the watchlist. It reads tenders' public columns only (never drafts: see the status filter). */

export interface TenderHead {
  id: string;
  reference: string;
  status: TenderStatus;
}

export async function tenderHeadByReference(db: DbOrTrx, reference: string): Promise<TenderHead | undefined> {
  if (!/^[\w-]{1,40}$/.test(reference)) return undefined;
  return db
    .selectFrom('tenders')
    .select(['id', 'reference', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export async function isWatched(db: DbOrTrx, userId: string, tenderId: string): Promise<boolean> {
  const row = await db
    .selectFrom('watchlist_entries')
    .select('tender_id')
    .where('user_id', '=', userId)
    .where('tender_id', '=', tenderId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface WatchedTender {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  buyerName: string;
  submissionDeadline: Date | null;
  questionsDeadline: Date | null;
  dceVersion: number;
  addedAt: Date;
  publishedAnswers: number;
  latestCorrigendum: { number: number; publishedAt: Date; reason: string } | null;
}

/**
 * A person's watched tenders, nearest deadline first (passed and missing deadlines last), with the
 * latest changes. Drafts never appear, even if a tender went back to draft (it cannot today).
 */
export async function watchedTenders(db: DbOrTrx, userId: string): Promise<WatchedTender[]> {
  const rows = await db
    .selectFrom('watchlist_entries as w')
    .innerJoin('tenders as t', 't.id', 'w.tender_id')
    .innerJoin('organisations as o', 'o.id', 't.buyer_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('corrigenda as c')
          .select(['c.number', 'c.published_at', 'c.reason'])
          .whereRef('c.tender_id', '=', 't.id')
          .orderBy('c.number', 'desc')
          .limit(1)
          .as('lc'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      't.id',
      't.reference',
      't.title',
      't.status',
      'o.name as buyer_name',
      't.submission_deadline',
      't.questions_deadline',
      't.dce_version',
      'w.added_at',
      'lc.number as corrigendum_number',
      'lc.published_at as corrigendum_at',
      'lc.reason as corrigendum_reason',
      eb
        .selectFrom('clarifications as q')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('q.tender_id', '=', 't.id')
        .where('q.answered_at', 'is not', null)
        .as('answers'),
    ])
    .where('w.user_id', '=', userId)
    .where('t.status', '<>', 'draft')
    .execute();
  const now = Date.now();
  const key = (d: Date | null) =>
    d === null ? Number.MAX_SAFE_INTEGER : d.getTime() < now ? 1e15 + -d.getTime() : d.getTime();
  return rows
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      buyerName: r.buyer_name,
      submissionDeadline: r.submission_deadline,
      questionsDeadline: r.questions_deadline,
      dceVersion: r.dce_version,
      addedAt: r.added_at,
      publishedAnswers: Number(r.answers ?? 0),
      latestCorrigendum:
        r.corrigendum_number === null || r.corrigendum_at === null || r.corrigendum_reason === null
          ? null
          : { number: r.corrigendum_number, publishedAt: r.corrigendum_at, reason: r.corrigendum_reason },
    }))
    .sort((a, b) => key(a.submissionDeadline) - key(b.submissionDeadline) || a.reference.localeCompare(b.reference));
}

export async function userIdByCalendarTokenHash(db: DbOrTrx, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('watchlist_calendar_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.user_id;
}

export async function hasCalendarToken(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('watchlist_calendar_tokens')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these tenders the user watches: one query for a whole page of search results. */
export async function watchedAmong(db: DbOrTrx, userId: string, tenderIds: readonly string[]): Promise<Set<string>> {
  if (tenderIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('watchlist_entries')
    .select('tender_id')
    .where('user_id', '=', userId)
    .where('tender_id', 'in', tenderIds)
    .execute();
  return new Set(rows.map((r) => r.tender_id));
}

/** Who watches a tender (for the alerts module, which tells them of corrigenda and answers). */
export async function watchersOf(db: DbOrTrx, tenderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('watchlist_entries')
    .select('user_id')
    .where('tender_id', '=', tenderId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
