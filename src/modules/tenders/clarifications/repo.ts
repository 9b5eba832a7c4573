import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { TenderStatus } from '../../../platform/db/schema.js';

/** SQL of questions, answers and registers. */

export interface ClarificationTender {
  id: string;
  reference: string;
  buyerId: string;
  buyerName: string;
  status: TenderStatus;
  title: string;
  questionsDeadline: Date | null;
  submissionDeadline: Date | null;
  contactEmail: string | null;
  dceVersion: number;
}

/** The few columns this capability needs of a tender, public or not: callers apply the policy. */
export async function findTenderByReference(db: DbOrTrx, reference: string): Promise<ClarificationTender | undefined> {
  const row = await db
    .selectFrom('tenders')
    .innerJoin('organisations', 'organisations.id', 'tenders.buyer_id')
    .select([
      'tenders.id',
      'tenders.reference',
      'tenders.buyer_id',
      'organisations.name as buyer_name',
      'tenders.status',
      'tenders.title',
      'tenders.questions_deadline',
      'tenders.submission_deadline',
      'tenders.contact_email',
      'tenders.dce_version',
    ])
    .where('tenders.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    buyerId: row.buyer_id,
    buyerName: row.buyer_name,
    status: row.status,
    title: row.title,
    questionsDeadline: row.questions_deadline,
    submissionDeadline: row.submission_deadline,
    contactEmail: row.contact_email,
    dceVersion: row.dce_version,
  };
}

/** What anybody may read: the question and its answer, never who asked. */
export interface PublishedAnswer {
  number: number;
  question: string;
  askedAt: Date;
  answer: string;
  answeredAt: Date;
}

export async function listPublishedAnswers(db: DbOrTrx, tenderId: string): Promise<PublishedAnswer[]> {
  const rows = await db
    .selectFrom('clarifications')
    .select(['number', 'question', 'asked_at', 'answer', 'answered_at'])
    .where('tender_id', '=', tenderId)
    .where('answered_at', 'is not', null)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    question: r.question,
    askedAt: r.asked_at,
    answer: r.answer ?? '',
    answeredAt: r.answered_at as Date,
  }));
}

/** A company's own questions, answered or not, so it can follow them. */
export interface OwnQuestion {
  number: number;
  question: string;
  askedAt: Date;
  answeredAt: Date | null;
}

export async function listCompanyQuestions(db: DbOrTrx, tenderId: string, companyId: string): Promise<OwnQuestion[]> {
  const rows = await db
    .selectFrom('clarifications')
    .select(['number', 'question', 'asked_at', 'answered_at'])
    .where('tender_id', '=', tenderId)
    .where('company_id', '=', companyId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ number: r.number, question: r.question, askedAt: r.asked_at, answeredAt: r.answered_at }));
}

/** The buyer's view of a question: who asked it too. */
export interface BuyerQuestion {
  id: string;
  number: number;
  question: string;
  askedAt: Date;
  companyName: string | null;
  companySiret: string | null;
  askerName: string | null;
  askerEmail: string | null;
  answer: string | null;
  answeredAt: Date | null;
  answeredByName: string | null;
}

export async function listQuestionsForBuyer(db: DbOrTrx, tenderId: string): Promise<BuyerQuestion[]> {
  const rows = await db
    .selectFrom('clarifications as c')
    .leftJoin('organisations as o', 'o.id', 'c.company_id')
    .leftJoin('users as asker', 'asker.id', 'c.asked_by')
    .leftJoin('users as answerer', 'answerer.id', 'c.answered_by')
    .select([
      'c.id',
      'c.number',
      'c.question',
      'c.asked_at',
      'o.name as company_name',
      'o.siret as company_siret',
      'asker.name as asker_name',
      'asker.email as asker_email',
      'c.answer',
      'c.answered_at',
      'answerer.name as answered_by_name',
    ])
    .where('c.tender_id', '=', tenderId)
    .orderBy('c.number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    question: r.question,
    askedAt: r.asked_at,
    companyName: r.company_name,
    companySiret: r.company_siret,
    askerName: r.asker_name,
    askerEmail: r.asker_email,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredByName: r.answered_by_name,
  }));
}

/** One identified download, as the retrievals register shows it. */
export interface RetrievalEntry {
  id: string;
  retrievedAt: Date;
  companyName: string | null;
  companySiret: string | null;
  personName: string | null;
  personEmail: string | null;
  dceVersion: number;
  /** null: the whole DCE as a ZIP */
  documentName: string | null;
}

/**
 * Identified downloads, newest first, by pages (keyset on time then id, so exports of large
 * registers stream in constant memory). Anonymous downloads are never part of it.
 */
export async function identifiedRetrievals(
  db: DbOrTrx,
  tenderId: string,
  options: { limit: number; before?: { at: Date; id: string } },
): Promise<RetrievalEntry[]> {
  let query = db
    .selectFrom('retrievals as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('tender_documents as d', 'd.id', 'r.document_id')
    .select([
      'r.id',
      'r.retrieved_at',
      'o.name as company_name',
      'o.siret as company_siret',
      'u.name as person_name',
      'u.email as person_email',
      'r.dce_version',
      'd.file_name',
    ])
    .where('r.tender_id', '=', tenderId)
    .where((eb) => eb.or([eb('r.user_id', 'is not', null), eb('r.organisation_id', 'is not', null)]));
  if (options.before) {
    const { at, id } = options.before;
    query = query.where(sql<boolean>`(r.retrieved_at, r.id) < (${at}, ${id})`);
  }
  const rows = await query.orderBy('r.retrieved_at', 'desc').orderBy('r.id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    retrievedAt: r.retrieved_at,
    companyName: r.company_name,
    companySiret: r.company_siret,
    personName: r.person_name,
    personEmail: r.person_email,
    dceVersion: r.dce_version,
    documentName: r.file_name,
  }));
}

/** Every identified download of a tender, page by page. */
export async function* allIdentifiedRetrievals(db: DbOrTrx, tenderId: string, batch = 500) {
  let before: { at: Date; id: string } | undefined;
  for (;;) {
    const page = await identifiedRetrievals(db, tenderId, { limit: batch, ...(before ? { before } : {}) });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < batch) return;
    before = { at: last.retrievedAt, id: last.id };
  }
}

export async function countIdentifiedRetrievals(db: DbOrTrx, tenderId: string): Promise<number> {
  const row = await db
    .selectFrom('retrievals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tender_id', '=', tenderId)
    .where((eb) => eb.or([eb('user_id', 'is not', null), eb('organisation_id', 'is not', null)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Anonymous downloads as totals per DCE version: never a row, never personal data. */
export interface AnonymousCount {
  dceVersion: number;
  downloads: number;
}

export async function anonymousRetrievalCounts(db: DbOrTrx, tenderId: string): Promise<AnonymousCount[]> {
  const rows = await db
    .selectFrom('retrievals')
    .select(['dce_version', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tender_id', '=', tenderId)
    .where('user_id', 'is', null)
    .where('organisation_id', 'is', null)
    .groupBy('dce_version')
    .orderBy('dce_version')
    .execute();
  return rows.map((r) => ({ dceVersion: r.dce_version, downloads: Number(r.n) }));
}
