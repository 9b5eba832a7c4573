/**
 * Two baselines over `search_documents`, for the benchmark only:
 * - `referenceSearch`: the query shape the issue describes (ranked full text with
 *   `websearch_to_tsquery('french_unaccent', …)`, first page, total and facet counts), used until
 *   the search module's `searchTenders` exists, and to compare variants;
 * - `naiveSearch`: what a naive implementation does (`ILIKE '%word%'` on title and description,
 *   with a count): the figure to beat.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../src/platform/db/kysely.js';
import type { BenchSearchInput } from './search-bench-queries.js';

export interface BenchResult {
  total: number;
  items: unknown[];
  facets?: unknown;
}

const day = 24 * 3600 * 1000;

function filters(input: BenchSearchInput, now: Date): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  const statuses = input.status && input.status.length > 0 ? input.status : ['open', 'closed', 'awarded'];
  const byStatus: Record<string, RawBuilder<unknown>> = {
    open: sql`(status = 'published' AND submission_deadline > ${now})`,
    closed: sql`(status IN ('closed', 'opened', 'evaluation', 'unsuccessful') OR (status = 'published' AND submission_deadline <= ${now}))`,
    awarded: sql`status = 'awarded'`,
    cancelled: sql`status = 'cancelled'`,
  };
  where.push(
    sql`(${sql.join(
      statuses.map((s) => byStatus[s] ?? sql`false`),
      sql` OR `,
    )})`,
  );
  if (input.department?.length) where.push(sql`department = ANY(${input.department}::text[])`);
  if (input.procedure?.length) where.push(sql`procedure_type = ANY(${input.procedure}::text[])`);
  if (input.category?.length) where.push(sql`main_category = ANY(${input.category}::text[])`);
  if (input.cpv?.length) where.push(sql`cpv_divisions && ${input.cpv}::text[]`);
  for (const c of input.clause ?? []) {
    if (c === 'social') where.push(sql`social_clause`);
    if (c === 'environmental') where.push(sql`environmental_clause`);
    if (c === 'reserved') where.push(sql`reserved_contract`);
  }
  if (input.deadline) {
    const until = new Date(now.getTime() + Number(input.deadline) * day);
    where.push(sql`(status = 'published' AND submission_deadline > ${now} AND submission_deadline <= ${until})`);
  }
  return where;
}

const publicStatus = (now: Date) => sql`CASE
  WHEN status = 'published' AND submission_deadline > ${now} THEN 'open'
  WHEN status = 'awarded' THEN 'awarded' WHEN status = 'cancelled' THEN 'cancelled' ELSE 'closed' END`;

export async function referenceSearch(db: Db, input: BenchSearchInput, now: Date): Promise<BenchResult> {
  const q = (input.q ?? '').trim();
  const where = filters(input, now);
  const query = sql`websearch_to_tsquery('french_unaccent', ${q})`;
  if (q !== '') where.push(sql`document @@ ${query}`);
  const cond = sql.join(where, sql` AND `);
  const page = Math.max(1, input.page ?? 1);
  const order =
    input.sort === 'deadline'
      ? sql`submission_deadline ASC, tender_id`
      : input.sort === 'published' || q === ''
        ? sql`published_at DESC, tender_id`
        : sql`ts_rank_cd(document, ${query}) DESC, published_at DESC, tender_id`;
  const items = await sql<Record<string, unknown>>`
    SELECT p.tender_id, p.reference, p.title, p.buyer_name, p.department, p.status, p.published_at,
      p.submission_deadline,
      ${q === '' ? sql`left(p.description, 200)` : sql`ts_headline('french_unaccent', p.description, ${query}, 'MaxFragments=2, MaxWords=20, MinWords=8')`} AS excerpt
    FROM (SELECT * FROM search_documents WHERE ${cond} ORDER BY ${order} LIMIT 20 OFFSET ${(page - 1) * 20}) p`.execute(
    db,
  );
  const facets = await sql<Record<string, unknown>>`
    WITH m AS MATERIALIZED (
      SELECT department, procedure_type, main_category, buyer_id, cpv_divisions, social_clause,
        environmental_clause, reserved_contract, ${publicStatus(now)} AS pstatus
      FROM search_documents WHERE ${cond})
    SELECT 'f' AS kind, department, procedure_type, main_category, pstatus, buyer_id::text AS buyer_id,
      NULL AS division, count(*)::int AS n,
      GROUPING(department, procedure_type, main_category, pstatus, buyer_id)::int AS g,
      sum(social_clause::int)::int AS social, sum(environmental_clause::int)::int AS env,
      sum(reserved_contract::int)::int AS reserved
    FROM m GROUP BY GROUPING SETS ((department), (procedure_type), (main_category), (pstatus), (buyer_id), ())
    UNION ALL
    SELECT 'c', NULL, NULL, NULL, NULL, NULL, d, count(*)::int, 0, 0, 0, 0 FROM m, unnest(m.cpv_divisions) AS d
    GROUP BY d`.execute(db);
  const totalRow = facets.rows.find((r) => r.kind === 'f' && r.g === 31);
  return { total: Number(totalRow?.n ?? 0), items: items.rows, facets: facets.rows };
}

/** Words of the query as ILIKE patterns (websearch operators and quotes dropped). */
function words(q: string): string[] {
  return q
    .replace(/["()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '-' && w.toLowerCase() !== 'or' && !w.startsWith('-'))
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export async function naiveSearch(db: Db, input: BenchSearchInput, now: Date): Promise<BenchResult> {
  const where = filters(input, now);
  for (const w of words(input.q ?? '')) where.push(sql`(title ILIKE ${w} OR description ILIKE ${w})`);
  const cond = sql.join(where, sql` AND `);
  const page = Math.max(1, input.page ?? 1);
  const items = await sql`SELECT tender_id, reference, title, buyer_name, published_at FROM search_documents
    WHERE ${cond} ORDER BY published_at DESC LIMIT 20 OFFSET ${(page - 1) * 20}`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents WHERE ${cond}`.execute(db);
  return { total: total.rows[0]?.n ?? 0, items: items.rows };
}
