/**
 * A variant of the search query shape, to measure what bounded work buys on broad queries:
 * - the total is counted up to a cap (1,000): beyond it the page shows the planner's estimate ("about");
 * - beyond the cap, facet counts come from the first 1,000 matches scaled to the estimated
 *   total (marked approximate), in ONE scan (GROUPING SETS) instead of one scan per facet;
 * - beyond the cap, relevance is "title matches first, most recent first": a walk of the
 *   `published_at` index that stops after 20 hits, instead of ranking every match;
 * - below the cap everything is exact (ranked with ts_rank_cd, exact facets in one scan).
 * Facets are not disjunctive here (each is counted under all filters): enough to measure costs.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../src/platform/db/kysely.js';
import type { BenchResult } from './reference-search.js';
import type { BenchSearchInput } from './search-bench-queries.js';

const cap = 1_000;
const day = 24 * 3600 * 1000;

function conditions(input: BenchSearchInput, now: Date): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  const statuses = input.status?.length ? input.status : ['open', 'closed', 'awarded'];
  const byStatus: Record<string, RawBuilder<unknown>> = {
    open: sql`(status = 'published' AND submission_deadline > ${now})`,
    closed: sql`(status IN ('closed', 'opened', 'evaluation') OR (status = 'published' AND submission_deadline <= ${now}))`,
    awarded: sql`status = 'awarded'`,
    cancelled: sql`status IN ('cancelled', 'unsuccessful')`,
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

export async function variantSearch(db: Db, input: BenchSearchInput, now: Date): Promise<BenchResult> {
  const q = (input.q ?? '').trim();
  const query = sql`websearch_to_tsquery('french_unaccent', ${q})`;
  const where = conditions(input, now);
  if (q !== '') where.push(sql`document @@ ${query}`);
  const cond = sql.join(where, sql` AND `);
  const [counted] = (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents WHERE ${cond} LIMIT ${cap + 1}) s`.execute(db)
  ).rows;
  const capped = (counted?.n ?? 0) > cap;
  let total = counted?.n ?? 0;
  if (capped) {
    // the planner's estimate, for the scale of the approximate facets (never shown as exact)
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT 1 FROM search_documents WHERE ${cond}`.execute(db);
    const m = /rows=(\d+)/.exec(plan.rows[0]?.['QUERY PLAN'] ?? '');
    total = Math.max(cap + 1, Number(m?.[1] ?? cap + 1));
  }
  const page = Math.max(1, input.page ?? 1);
  const order =
    input.sort === 'deadline'
      ? sql`submission_deadline ASC, tender_id`
      : input.sort === 'published' || q === '' || capped
        ? sql`published_at DESC, tender_id`
        : sql`ts_rank_cd(document, ${query}) DESC, published_at DESC, tender_id`;
  // beyond the cap: title matches first, by recency (an index walk that stops early)
  const titleFirst = capped && q !== '' && input.sort !== 'deadline' && input.sort !== 'published';
  // PostgreSQL has no setweight(tsquery): every lexeme of the query gets the title weight (:A)
  const titleQuery = sql`regexp_replace(${query}::text, '(''(?:[^'']|'''')*'')', '\\1:A', 'g')::tsquery`;
  const pageWhere = titleFirst ? sql`${cond} AND document @@ ${titleQuery}` : cond;
  const items = await sql`
    SELECT p.tender_id, p.reference, p.title, p.buyer_name, p.department, p.status, p.published_at,
      p.submission_deadline,
      ${q === '' ? sql`left(p.description, 200)` : sql`ts_headline('french_unaccent', left(p.description, 5000), ${query}, 'MaxFragments=2, MaxWords=20, MinWords=8')`} AS excerpt
    FROM (SELECT * FROM search_documents WHERE ${pageWhere} ORDER BY ${order} LIMIT 20 OFFSET ${(page - 1) * 20}) p`.execute(
    db,
  );
  const facets = await sql<Record<string, unknown>>`
    WITH m AS MATERIALIZED (
      SELECT department, procedure_type, main_category, buyer_id, cpv_divisions, status, social_clause,
        environmental_clause, reserved_contract FROM search_documents WHERE ${cond} LIMIT ${cap})
    SELECT department, procedure_type, main_category, status, buyer_id::text AS buyer_id, NULL AS division,
      count(*)::int AS n, sum(social_clause::int)::int AS social, sum(environmental_clause::int)::int AS env
    FROM m GROUP BY GROUPING SETS ((department), (procedure_type), (main_category), (status), (buyer_id), ())
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, d, count(*)::int, 0, 0 FROM m, unnest(m.cpv_divisions) AS d GROUP BY d`.execute(
    db,
  );
  const scale = capped ? total / cap : 1;
  return {
    total,
    items: items.rows,
    facets: facets.rows.map((r) => ({ ...r, n: Math.round(Number(r.n) * scale), approximate: capped })),
  };
}
