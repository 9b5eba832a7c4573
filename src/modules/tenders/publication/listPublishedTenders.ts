import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { MainCategory, ProcedureType, TenderStatus } from '../../../platform/db/schema.js';

/** Every state a tender reaches once published: the public sees these, never drafts. */
export const publicStatuses = [
  'published',
  'closed',
  'opened',
  'evaluation',
  'awarded',
  'unsuccessful',
  'cancelled',
] as const satisfies readonly TenderStatus[];
export type PublicStatus = (typeof publicStatuses)[number];

export interface PublishedTenderSummary {
  id: string;
  reference: string;
  title: string;
  status: PublicStatus;
  buyerId: string;
  buyerName: string;
  procedureType: ProcedureType;
  mainCategory: MainCategory;
  cpvCodes: string[];
  department: string | null;
  estimatedValueCents: number | null;
  submissionDeadline: Date | null;
  publishedAt: Date;
  lotCount: number;
}

/** Published tenders in the given order (a search result page); drafts are filtered out anyway. */
export async function publishedTendersByIds(db: DbOrTrx, ids: readonly string[]): Promise<PublishedTenderSummary[]> {
  if (ids.length === 0) return [];
  const { items } = await listPublishedTenders(db, { page: 1, pageSize: ids.length, ids });
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Published tenders, newest publication first, one page at a time. */
export async function listPublishedTenders(
  db: DbOrTrx,
  options: { page: number; pageSize: number; statuses?: readonly PublicStatus[]; ids?: readonly string[] },
): Promise<{ items: PublishedTenderSummary[]; total: number }> {
  const statuses = options.statuses && options.statuses.length > 0 ? options.statuses : publicStatuses;
  let base = db.selectFrom('tenders').where('tenders.status', 'in', statuses).where('published_at', 'is not', null);
  if (options.ids) base = base.where('tenders.id', 'in', options.ids.length > 0 ? [...options.ids] : ['']);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('organisations', 'organisations.id', 'tenders.buyer_id')
      .select((eb) => [
        'tenders.id',
        'tenders.reference',
        'tenders.title',
        'tenders.status',
        'tenders.buyer_id',
        'organisations.name as buyer_name',
        'tenders.procedure_type',
        'tenders.main_category',
        'tenders.cpv_codes',
        'tenders.department',
        'tenders.estimated_value_cents',
        'tenders.submission_deadline',
        'tenders.published_at',
        eb
          .selectFrom('lots')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('lots.tender_id', '=', 'tenders.id')
          .as('lot_count'),
      ])
      .orderBy('tenders.published_at', 'desc')
      .orderBy('tenders.id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status as PublicStatus,
      buyerId: r.buyer_id,
      buyerName: r.buyer_name,
      procedureType: r.procedure_type,
      mainCategory: r.main_category,
      cpvCodes: r.cpv_codes,
      department: r.department,
      estimatedValueCents: r.estimated_value_cents === null ? null : Number(r.estimated_value_cents),
      submissionDeadline: r.submission_deadline,
      publishedAt: r.published_at as Date,
      lotCount: Number(r.lot_count ?? 0),
    })),
  };
}
