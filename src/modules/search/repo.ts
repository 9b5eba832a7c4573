import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { TenderForIndex } from '../tenders/index.js';
import { highlightStart, highlightStop } from './domain/highlight.js';

/** SQL of the search index (`search_documents`), the only table this module writes. */

// the highlight markers must never come from the indexed text itself
const markers = new RegExp(`[${highlightStart}${highlightStop}]`, 'g');
function clean(text: string): string {
  return text.replace(markers, '');
}

export async function upsertDocuments(db: DbOrTrx, tenders: readonly TenderForIndex[]): Promise<void> {
  // one statement per batch: a full reindex writes thousands of rows
  for (let i = 0; i < tenders.length; i += 200) {
    const rows = tenders.slice(i, i + 200).map((t) => {
      const divisions = [...new Set(t.cpvCodes.map((c) => c.slice(0, 2)).filter((d) => /^\d{2}$/.test(d)))];
      return sql`(
        ${t.id}::uuid, ${t.source}, ${t.sourceUrl}, ${t.reference}, ${clean(t.title)}, ${clean(t.description)},
        ${clean(t.lotsText)}, ${t.cpvCodes}::text[], ${clean(t.cpvLabels)}, ${divisions}::text[], ${t.buyerId}::uuid,
        ${clean(t.buyerName)}, ${t.department}, ${t.procedureType}, ${t.mainCategory}, ${t.socialClause},
        ${t.environmentalClause}, ${t.reservedContract}, ${t.status}, ${t.publishedAt}::timestamptz,
        ${t.submissionDeadline}::timestamptz, unaccent(lower(${t.title})), unaccent(lower(${t.buyerName})), now())`;
    });
    await sql`
      INSERT INTO search_documents (
        tender_id, source, source_url, reference, title, description, lots_text, cpv_codes, cpv_labels,
        cpv_divisions, buyer_id, buyer_name, department, procedure_type, main_category, social_clause,
        environmental_clause, reserved_contract, status, published_at, submission_deadline, title_plain,
        buyer_plain, indexed_at)
      VALUES ${sql.join(rows)}
      ON CONFLICT (tender_id) DO UPDATE SET
        source = excluded.source, source_url = excluded.source_url, reference = excluded.reference,
        title = excluded.title, description = excluded.description, lots_text = excluded.lots_text,
        cpv_codes = excluded.cpv_codes, cpv_labels = excluded.cpv_labels, cpv_divisions = excluded.cpv_divisions,
        buyer_id = excluded.buyer_id, buyer_name = excluded.buyer_name, department = excluded.department,
        procedure_type = excluded.procedure_type, main_category = excluded.main_category,
        social_clause = excluded.social_clause, environmental_clause = excluded.environmental_clause,
        reserved_contract = excluded.reserved_contract, status = excluded.status,
        published_at = excluded.published_at, submission_deadline = excluded.submission_deadline,
        title_plain = excluded.title_plain, buyer_plain = excluded.buyer_plain, indexed_at = excluded.indexed_at
    `.execute(db);
  }
}

export async function deleteDocuments(db: DbOrTrx, tenderIds: readonly string[]): Promise<void> {
  if (tenderIds.length === 0) return;
  await db.deleteFrom('search_documents').where('tender_id', 'in', tenderIds).execute();
}

/** Our own documents that are no longer among `keep` (imported ones are managed by their import). */
export async function deleteHalleDocumentsExcept(db: DbOrTrx, keep: readonly string[]): Promise<number> {
  const result = await db
    .deleteFrom('search_documents')
    .where('source', '=', 'halle')
    .where(sql<boolean>`NOT (tender_id = ANY(${[...keep]}::uuid[]))`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
