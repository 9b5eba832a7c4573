import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type {
  AwardCriteriaTable,
  CorrigendaTable,
  LotsTable,
  TenderDocumentsTable,
  TenderStatus,
  TendersTable,
} from '../../../platform/db/schema.js';
import type { FieldChange } from '../domain/corrigendum.js';

/** SQL of the publication capability: reading tenders for notices, lists and the API. */
export type TenderRow = Selectable<TendersTable>;
export type LotRow = Selectable<LotsTable>;
export type CriterionRow = Selectable<AwardCriteriaTable>;
export type DocumentRow = Selectable<TenderDocumentsTable>;

/** What authorization needs to decide, before anything private of the tender is read. */
export interface TenderHead {
  id: string;
  reference: string;
  buyerId: string;
  status: TenderStatus;
}

const referencePattern = /^\d{4}-\d{4,6}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function tenderHeadByReference(db: DbOrTrx, reference: string): Promise<TenderHead | undefined> {
  if (!referencePattern.test(reference)) return undefined;
  const row = await db
    .selectFrom('tenders')
    .select(['id', 'reference', 'buyer_id', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row && { id: row.id, reference: row.reference, buyerId: row.buyer_id, status: row.status };
}

export async function tenderHeadById(db: DbOrTrx, id: string): Promise<TenderHead | undefined> {
  // a malformed identifier would make PostgreSQL fail the uuid cast: it names no tender
  if (!uuidPattern.test(id)) return undefined;
  const row = await db
    .selectFrom('tenders')
    .select(['id', 'reference', 'buyer_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, reference: row.reference, buyerId: row.buyer_id, status: row.status };
}

export async function tenderById(db: DbOrTrx, id: string, options: { forUpdate?: boolean } = {}): Promise<TenderRow> {
  let query = db.selectFrom('tenders').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

export async function buyerNameOf(db: DbOrTrx, buyerId: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', buyerId).executeTakeFirstOrThrow();
  return row.name;
}

export async function lotsOf(db: DbOrTrx, tenderId: string): Promise<LotRow[]> {
  return db.selectFrom('lots').selectAll().where('tender_id', '=', tenderId).orderBy('number').execute();
}

export async function criteriaOf(db: DbOrTrx, tenderId: string): Promise<CriterionRow[]> {
  return db
    .selectFrom('award_criteria')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('lot_id', 'desc')
    .orderBy('position')
    .execute();
}

/** Documents of one DCE version: those added at or before it and not removed by it. */
export async function documentsOfVersion(db: DbOrTrx, tenderId: string, version: number): Promise<DocumentRow[]> {
  return db
    .selectFrom('tender_documents')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .where('added_in_version', '<=', version)
    .where((eb) => eb.or([eb('removed_in_version', 'is', null), eb('removed_in_version', '>', version)]))
    .orderBy('document_type')
    .orderBy('file_name')
    .execute();
}

export interface CorrigendumRow {
  number: number;
  reason: string;
  changes: FieldChange[];
  dceVersion: number;
  publishedAt: Date;
}

export async function corrigendaOf(db: DbOrTrx, tenderId: string): Promise<CorrigendumRow[]> {
  const rows: Selectable<CorrigendaTable>[] = await db
    .selectFrom('corrigenda')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    reason: r.reason,
    // jsonb comes back parsed from both engines
    changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as FieldChange[],
    dceVersion: r.dce_version,
    publishedAt: r.published_at,
  }));
}

/** Answered questions, anonymised: the question and the answer, never who asked. */
export async function publishedAnswers(db: DbOrTrx, tenderId: string) {
  return db
    .selectFrom('clarifications')
    .select(['number', 'question', 'answer', 'asked_at', 'answered_at'])
    .where('tender_id', '=', tenderId)
    .where('answer', 'is not', null)
    .orderBy('number')
    .execute();
}

/** When and by whom a tender was cancelled or declared unsuccessful, from the audit trail. */
export async function abandonRecord(db: DbOrTrx, tenderId: string) {
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select(['audit_events.occurred_at', 'users.name'])
    .where('audit_events.subject_type', '=', 'tender')
    .where('audit_events.subject_id', '=', tenderId)
    .where('audit_events.action', 'in', ['tender.cancelled', 'tender.declared_unsuccessful'])
    .orderBy('audit_events.occurred_at', 'desc')
    .executeTakeFirst();
}
