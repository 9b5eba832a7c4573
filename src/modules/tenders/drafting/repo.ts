import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { AwardCriteriaTable, LotsTable, TenderStatus, TendersTable } from '../../../platform/db/schema.js';

/** SQL of the drafting capability: a tender with its lots and criteria, for the buyer. */
export type DraftRow = Selectable<TendersTable>;
export type DraftLot = Selectable<LotsTable>;
export type DraftCriterion = Selectable<AwardCriteriaTable>;

export interface DraftHead {
  id: string;
  reference: string;
  buyerId: string;
  status: TenderStatus;
}

export interface FullDraft {
  tender: DraftRow;
  lots: DraftLot[];
  criteria: DraftCriterion[];
  documentCount: number;
}

const referencePattern = /^\d{4}-\d{4,6}$/;

/** Only what the policy needs (buyer and status), read before anything else of the tender. */
export async function draftHeadByReference(db: DbOrTrx, reference: string): Promise<DraftHead | undefined> {
  // anything but a reference names no tender: no query, and nothing odd reaches the database
  if (!referencePattern.test(reference)) return undefined;
  const row = await db
    .selectFrom('tenders')
    .select(['id', 'reference', 'buyer_id', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row && { id: row.id, reference: row.reference, buyerId: row.buyer_id, status: row.status };
}

export async function tenderForUpdate(db: DbOrTrx, id: string): Promise<DraftRow> {
  return db.selectFrom('tenders').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function lotsOfTender(db: DbOrTrx, tenderId: string): Promise<DraftLot[]> {
  return db.selectFrom('lots').selectAll().where('tender_id', '=', tenderId).orderBy('number').execute();
}

export async function criteriaOfTender(db: DbOrTrx, tenderId: string): Promise<DraftCriterion[]> {
  return db
    .selectFrom('award_criteria')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Documents of the DCE version companies would download now. */
export async function currentDocumentCount(db: DbOrTrx, tenderId: string, dceVersion: number): Promise<number> {
  const row = await db
    .selectFrom('tender_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tender_id', '=', tenderId)
    .where('added_in_version', '<=', dceVersion)
    .where((eb) => eb.or([eb('removed_in_version', 'is', null), eb('removed_in_version', '>', dceVersion)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function loadFullDraft(db: DbOrTrx, id: string): Promise<FullDraft> {
  const tender = await db.selectFrom('tenders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [lots, criteria, documentCount] = await Promise.all([
    lotsOfTender(db, id),
    criteriaOfTender(db, id),
    currentDocumentCount(db, id, tender.dce_version),
  ]);
  return { tender, lots, criteria, documentCount };
}
