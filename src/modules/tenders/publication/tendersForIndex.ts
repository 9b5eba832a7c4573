import type { DbOrTrx } from '../../../platform/db/kysely.js';
import { cpvLabel } from '../drafting/reference.js';

/**
 * What a search index needs of a public tender: read here, so that other modules (search) never
 * reach into the tenders tables. Drafts are never returned: a draft is private to its buyer.
 */
export interface TenderForIndex {
  id: string;
  reference: string;
  source: string;
  sourceUrl: string | null;
  title: string;
  description: string;
  lotsText: string;
  cpvCodes: string[];
  cpvLabels: string;
  buyerId: string;
  buyerName: string;
  department: string | null;
  procedureType: string;
  mainCategory: string;
  socialClause: boolean;
  environmentalClause: boolean;
  reservedContract: boolean;
  status: string;
  publishedAt: Date;
  submissionDeadline: Date | null;
}

/** Public tenders among `ids`, with their lots and CPV labels (French). Missing or draft ids are left out. */
export async function loadTendersForIndex(db: DbOrTrx, ids: readonly string[]): Promise<TenderForIndex[]> {
  if (ids.length === 0) return [];
  const tenders = await db
    .selectFrom('tenders')
    .innerJoin('organisations', 'organisations.id', 'tenders.buyer_id')
    .selectAll('tenders')
    .select('organisations.name as buyer_name')
    .where('tenders.id', 'in', ids)
    .where('tenders.status', '<>', 'draft')
    .where('tenders.published_at', 'is not', null)
    .execute();
  if (tenders.length === 0) return [];
  const lots = await db
    .selectFrom('lots')
    .selectAll()
    .where(
      'tender_id',
      'in',
      tenders.map((t) => t.id),
    )
    .orderBy('tender_id')
    .orderBy('number')
    .execute();
  return tenders.map((t) => {
    const own = lots.filter((l) => l.tender_id === t.id);
    const codes = [...new Set([...t.cpv_codes, ...own.flatMap((l) => l.cpv_codes)])];
    const social =
      t.social_clause_insertion ||
      t.social_clause_other ||
      own.some((l) => l.social_clause_insertion || l.social_clause_other);
    const environmental =
      t.environmental_clause ||
      t.environmental_criterion ||
      own.some((l) => l.environmental_clause || l.environmental_criterion);
    return {
      id: t.id,
      reference: t.reference,
      source: t.source,
      sourceUrl: t.source_url,
      title: t.title,
      description: t.description,
      lotsText: own.map((l) => `${l.title} ${l.description}`).join('\n'),
      cpvCodes: codes,
      cpvLabels: codes.map((c) => cpvLabel(c, 'fr') ?? '').join(' ; '),
      buyerId: t.buyer_id,
      buyerName: t.buyer_name,
      department: t.department,
      procedureType: t.procedure_type,
      mainCategory: t.main_category,
      socialClause: social,
      environmentalClause: environmental,
      reservedContract: t.reserved_contract !== null || own.some((l) => l.reserved_contract !== null),
      status: t.status,
      publishedAt: t.published_at as Date,
      submissionDeadline: t.submission_deadline,
    };
  });
}

/** Ids of every public tender (for a full reindex), oldest publication first. */
export async function listPublicTenderIds(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('tenders')
    .select('id')
    .where('status', '<>', 'draft')
    .where('published_at', 'is not', null)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
