/**
 * Fills the search module's `search_documents` table from the bench staging table, the way a
 * bulk import would: secondary indexes dropped, rows inserted in one statement, indexes rebuilt,
 * statistics gathered. The tsvector is the table's own generated column (the real definition).
 */
import { sql } from 'kysely';
import type { Runtime } from '../../src/platform/runtime.js';

export async function indexedCount(rt: Runtime): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents`.execute(rt.db);
  return r.rows[0]?.n ?? 0;
}

export async function buildSearchIndex(rt: Runtime, log: (m: string) => void = () => {}): Promise<void> {
  const server = rt.database.engine === 'postgres';
  const t0 = performance.now();
  if (server) await sql`SET maintenance_work_mem = '512MB'`.execute(rt.db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.tablename = 'search_documents' AND i.indexname NOT IN (
      SELECT c.conname FROM pg_constraint c WHERE c.conrelid = 'search_documents'::regclass)`.execute(rt.db);
  await sql`TRUNCATE search_documents`.execute(rt.db);
  for (const i of indexes.rows) await sql.raw(`DROP INDEX ${i.indexname}`).execute(rt.db);
  // statuses of the tender lifecycle are kept as they are: the search module maps them to its
  // public statuses (open, closed, awarded, cancelled)
  await sql`INSERT INTO search_documents (tender_id, source, reference, title, description, lots_text, cpv_codes,
      cpv_labels, cpv_divisions, buyer_id, buyer_name, department, procedure_type, main_category, social_clause,
      environmental_clause, reserved_contract, status, published_at, submission_deadline, title_plain, buyer_plain)
    SELECT id, source, reference, title, description, lot_titles, cpv_codes, cpv_labels,
      ARRAY(SELECT DISTINCT left(c, 2) FROM unnest(cpv_codes) AS c), buyer_id, buyer_name, department,
      procedure_type, main_category, social_clause, environmental_clause, reserved_contract IS NOT NULL, status,
      published_at, submission_deadline, lower(unaccent(title)), lower(unaccent(buyer_name))
    FROM bench_tenders ORDER BY idx`.execute(rt.db);
  const t1 = performance.now();
  log(`inserted search_documents in ${Math.round(t1 - t0)} ms`);
  for (const i of indexes.rows) {
    const s = performance.now();
    await sql.raw(i.indexdef).execute(rt.db);
    log(`index ${i.indexname} in ${Math.round(performance.now() - s)} ms`);
  }
  await sql`VACUUM ANALYZE search_documents`.execute(rt.db);
  log(`indexes + analyze in ${Math.round(performance.now() - t1)} ms`);
}
