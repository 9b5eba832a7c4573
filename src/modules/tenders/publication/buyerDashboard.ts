import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { TenderStatus } from '../../../platform/db/schema.js';
import { tenderStatuses } from '../domain/lifecycle.js';

export interface DashboardTender {
  reference: string;
  title: string;
  status: TenderStatus;
  submissionDeadline: Date | null;
  updatedAt: Date;
}

export interface BuyerDashboard {
  counts: Record<TenderStatus, number>;
  /** published tenders whose deadline falls in the next 30 days, soonest first */
  comingDeadlines: DashboardTender[];
  /** the most recently changed tenders of each status */
  byStatus: Record<TenderStatus, DashboardTender[]>;
}

export const dashboardPerStatus = 50;
const comingDays = 30;

/** The buyer's own tenders only: the caller passes the buyer its principal acts for. */
export async function buyerDashboard(db: DbOrTrx, buyerId: string, now = new Date()): Promise<BuyerDashboard> {
  const counts = Object.fromEntries(tenderStatuses.map((s) => [s, 0])) as Record<TenderStatus, number>;
  const countRows = await db
    .selectFrom('tenders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('buyer_id', '=', buyerId)
    .groupBy('status')
    .execute();
  for (const row of countRows) counts[row.status] = Number(row.n);

  const horizon = new Date(now.getTime() + comingDays * 24 * 3600 * 1000);
  const coming = await db
    .selectFrom('tenders')
    .select(['reference', 'title', 'status', 'submission_deadline', 'updated_at'])
    .where('buyer_id', '=', buyerId)
    .where('status', '=', 'published')
    .where('submission_deadline', '>=', now)
    .where('submission_deadline', '<=', horizon)
    .orderBy('submission_deadline')
    .limit(100)
    .execute();

  // the latest `perStatus` tenders of each status, in one query
  const ranked = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('tenders')
        .select([
          'reference',
          'title',
          'status',
          'submission_deadline',
          'updated_at',
          sql<number>`row_number() over (partition by status order by updated_at desc, id desc)`.as('rank'),
        ])
        .where('buyer_id', '=', buyerId)
        .as('t'),
    )
    .selectAll()
    .where('rank', '<=', dashboardPerStatus)
    .orderBy('updated_at', 'desc')
    .execute();
  const byStatus = Object.fromEntries(tenderStatuses.map((s) => [s, [] as DashboardTender[]])) as Record<
    TenderStatus,
    DashboardTender[]
  >;
  const toItem = (r: (typeof coming)[number]): DashboardTender => ({
    reference: r.reference,
    title: r.title,
    status: r.status,
    submissionDeadline: r.submission_deadline,
    updatedAt: r.updated_at,
  });
  for (const row of ranked) byStatus[row.status].push(toItem(row));
  return { counts, comingDeadlines: coming.map(toItem), byStatus };
}
