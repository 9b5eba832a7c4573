/**
 * SIGNATURE (stable, for the watchlist/feeds and benchmark engineers; exported from `src/modules/search/index.ts`):
 *
 *   export async function searchTenders(db: DbOrTrx, input: SearchInput, options?: { now?: Date }): Promise<SearchResult>
 *
 *   interface SearchInput {
 *     q?: string;                        // raw user text; capped at 200 chars, websearch syntax ("…", -mot)
 *     cpv?: string[];                    // CPV divisions, two digits: ['45', '90']
 *     department?: string[];             // '93', '2A'
 *     procedure?: ProcedureType[];       // 'open' | 'adapted' | …
 *     category?: MainCategory[];         // 'works' | 'goods' | 'services'
 *     buyer?: string[];                  // buyer organisation ids (uuid)
 *     clause?: ('social' | 'environmental' | 'reserved')[];
 *     deadline?: '7' | '30';             // submission deadline within the next 7 / 30 days
 *     status?: ('open' | 'closed' | 'awarded' | 'cancelled')[];  // none = open + closed + awarded
 *     sort?: 'relevance' | 'deadline' | 'published';             // default relevance (published when q is empty)
 *     page?: number;                     // 1..500, 20 per page
 *     facets?: boolean;                  // default true; false skips facet counts (feeds)
 *   }
 *   interface SearchResult {
 *     total: number; page: number; pageSize: 20; pageCount: number; query: string; // query = the cleaned q
 *     totalIsLowerBound: boolean;        // more than 1,000 matches: total = 1000 means "plus de 1 000"
 *     facetsApproximate: boolean;        // facet counts taken from the first 1,000 rows (broad queries)
 *     truncated: boolean; input: NormalisedInput;                 // the cleaned input (for URLs)
 *     items: SearchHit[];                // { tenderId, reference, source, sourceUrl, title, titleSegments, buyerId,
 *                                        //   buyerName, department, procedure, category, cpvCodes, status,
 *                                        //   publicStatus, publishedAt, submissionDeadline,
 *                                        //   excerpt: {text, highlighted}[], rank }
 *     facets: Facets | null;             // { cpv, department, procedure, category, buyer, clause, deadline, status }: {value, label?, count}[]
 *     fuzzy: boolean;                    // true when trigram fallback produced (some of) the results
 *     suggestions: string[];             // buyer names close to q (no-result page)
 *   }
 */
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { departmentName } from '../organisations/index.js';
import { cpvLabel } from '../tenders/index.js';
import { highlightStart, highlightStop, type Segment, toSegments } from './domain/highlight.js';
import { type NormalisedInput, normaliseInput, pageSize, type SearchInput, type StatusValue } from './domain/query.js';
import { needsPositions, parseTsquery, type QueryNode, serializeTsquery, withCorrections } from './domain/tsquery.js';
import { type MemorySearch, memorySearchFor } from './memorySearch.js';

export type { Segment } from './domain/highlight.js';
export type { SearchInput } from './domain/query.js';

export interface SearchHit {
  tenderId: string;
  reference: string;
  source: string;
  sourceUrl: string | null;
  title: string;
  /** the title with the matched words marked */
  titleSegments: Segment[];
  buyerId: string | null;
  buyerName: string;
  department: string | null;
  procedure: string;
  category: string;
  cpvCodes: string[];
  /** the tender's own status ('published', 'closed', 'awarded', …) */
  status: string;
  /** what the public filters on: open (published, deadline ahead), closed, awarded, cancelled */
  publicStatus: StatusValue;
  publishedAt: Date;
  submissionDeadline: Date | null;
  excerpt: Segment[];
  rank: number;
}

export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

export interface Facets {
  cpv: FacetValue[];
  department: FacetValue[];
  procedure: FacetValue[];
  category: FacetValue[];
  buyer: FacetValue[];
  clause: FacetValue[];
  deadline: FacetValue[];
  status: FacetValue[];
}

export interface SearchResult {
  /** exact up to `countCap`; beyond it, `countCap` with `totalIsLowerBound` */
  total: number;
  /** true when there are more than `countCap` matches: `total` is then a lower bound */
  totalIsLowerBound: boolean;
  /** true when the facet counts come from a sample of the matches (broad queries) */
  facetsApproximate: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  /** the cleaned text actually searched */
  query: string;
  truncated: boolean;
  input: NormalisedInput;
  items: SearchHit[];
  facets: Facets | null;
  fuzzy: boolean;
  suggestions: string[];
}

type Dimension =
  | 'cpv'
  | 'department'
  | 'procedure'
  | 'category'
  | 'buyer'
  | 'clause'
  | 'deadline'
  | 'status'
  | 'published';
type Fragment = RawBuilder<unknown>;

const config = sql`'french_unaccent'::regconfig`;
// ts_rank_cd weights, in the order {D, C, B, A}: title, then lots and CPV, buyer, description
const weights = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;
const headlineOptions = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
const titleOptions = `StartSel=${highlightStart}, StopSel=${highlightStop}, HighlightAll=true`;
/** below this many full-text matches, trigram similarity adds the near misses (typos) */
const fuzzyBelow = 5;
/** the total is counted exactly up to this many matches; beyond, it is shown as "more than" */
export const countCap = 1_000;
/** facet counts come from at most this many rows (marked approximate when reached) */
export const facetSample = 1_000;

function publicStatusOf(now: Date): Fragment {
  return sql`CASE
    WHEN status = 'published' AND (submission_deadline IS NULL OR submission_deadline > ${now}::timestamptz) THEN 'open'
    WHEN status IN ('published', 'closed', 'opened', 'evaluation') THEN 'closed'
    WHEN status = 'awarded' THEN 'awarded'
    ELSE 'cancelled' END`;
}

function statusPredicate(value: StatusValue, now: Date): Fragment {
  switch (value) {
    case 'open':
      return sql`(status = 'published' AND (submission_deadline IS NULL OR submission_deadline > ${now}::timestamptz))`;
    case 'closed':
      return sql`(status IN ('closed', 'opened', 'evaluation') OR (status = 'published' AND submission_deadline <= ${now}::timestamptz))`;
    case 'awarded':
      return sql`(status = 'awarded')`;
    case 'cancelled':
      return sql`(status IN ('cancelled', 'unsuccessful'))`;
  }
}

function deadlinePredicate(days: number, now: Date): Fragment {
  return sql`(submission_deadline > ${now}::timestamptz AND submission_deadline <= ${now}::timestamptz + make_interval(days => ${days}::int))`;
}

/** One condition per filter, so each facet can be counted without its own filter. */
function filterConditions(input: NormalisedInput, now: Date): Map<Dimension, Fragment> {
  const conditions = new Map<Dimension, Fragment>();
  if (input.cpv.length > 0) conditions.set('cpv', sql`cpv_divisions && ${input.cpv}::text[]`);
  if (input.department.length > 0) conditions.set('department', sql`department = ANY(${input.department}::text[])`);
  if (input.procedure.length > 0) conditions.set('procedure', sql`procedure_type = ANY(${input.procedure}::text[])`);
  if (input.category.length > 0) conditions.set('category', sql`main_category = ANY(${input.category}::text[])`);
  if (input.buyer.length > 0) conditions.set('buyer', sql`buyer_id = ANY(${input.buyer}::uuid[])`);
  if (input.clause.length > 0) {
    const parts = input.clause.map((c) =>
      c === 'social' ? sql`social_clause` : c === 'environmental' ? sql`environmental_clause` : sql`reserved_contract`,
    );
    conditions.set('clause', sql`(${sql.join(parts, sql` OR `)})`);
  }
  if (input.deadline) conditions.set('deadline', deadlinePredicate(Number(input.deadline), now));
  // without a status filter, cancelled and unsuccessful tenders stay out of the way
  const statuses: StatusValue[] = input.status.length > 0 ? input.status : ['open', 'closed', 'awarded'];
  conditions.set(
    'status',
    sql`(${sql.join(
      statuses.map((s) => statusPredicate(s, now)),
      sql` OR `,
    )})`,
  );
  return conditions;
}

function whereOf(text: Fragment | null, conditions: Map<Dimension, Fragment>, without?: Dimension): Fragment {
  const parts: Fragment[] = text ? [text] : [];
  for (const [dimension, condition] of conditions) if (dimension !== without) parts.push(condition);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`true`;
}

async function rows<T>(db: DbOrTrx, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** Counts the matches up to `limit` + 1 rows: the scan stops there instead of visiting every match. */
async function countUpTo(db: DbOrTrx, where: Fragment, limit: number): Promise<number> {
  const [row] = await rows(
    db,
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents WHERE ${where} LIMIT ${limit + 1}) s`,
  );
  return Number(row?.n ?? 0);
}

function byCountThenValue(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/**
 * All facet counts in ONE scan. Each facet is counted without its own filter, so the scanned set
 * is "text AND all filters but at most one": every row carries one flag per filter, and a row
 * counts for facet d when every filter other than d holds. The set is capped at `facetSample`
 * rows (the ones passing every filter first, then by the page's order): when the cap is reached,
 * the counts come from that sample and are marked approximate.
 */
async function computeFacets(
  db: DbOrTrx,
  text: Fragment | null,
  conditions: Map<Dimension, Fragment>,
  input: NormalisedInput,
  now: Date,
  rank: Fragment,
  order: Fragment,
): Promise<{ facets: Facets; approximate: boolean }> {
  const active = [...conditions.keys()];
  const flag = (d: Dimension) => sql.ref(`c_${d}`);
  const flags = active.map((d) => sql`coalesce((${conditions.get(d)}), false) AS ${flag(d)}`);
  // a row counts for facet d when every other filter holds
  const keepFor = (d: Dimension): Fragment => {
    const others = active.filter((o) => o !== d).map((o) => sql`m.${flag(o)}`);
    return others.length > 0 ? sql`(${sql.join(others, sql` AND `)})` : sql`true`;
  };
  const misses = sql.join(
    active.map((d) => sql`(NOT ${flag(d)})::int`),
    sql` + `,
  );
  const result = await rows(
    db,
    sql<{ dim: string; value: string; label: string | null; n: number; sampled: number }>`
      WITH m AS MATERIALIZED (
        SELECT * FROM (
          SELECT tender_id, published_at, submission_deadline, department, procedure_type, main_category, buyer_id,
            buyer_name, cpv_divisions, social_clause, environmental_clause, reserved_contract,
            ${publicStatusOf(now)} AS public_status, ${deadlinePredicate(7, now)} AS within_7,
            ${deadlinePredicate(30, now)} AS within_30, ${rank}::float8 AS rank, ${sql.join(flags, sql`, `)}
          FROM search_documents WHERE ${text ?? sql`true`}
        ) s
        WHERE ${misses} <= 1
        ORDER BY ${misses}, ${order} LIMIT ${facetSample + 1}
      )
      SELECT f.dim, f.value, min(f.label) AS label, count(*)::int AS n, (SELECT count(*)::int FROM m) AS sampled
      FROM m CROSS JOIN LATERAL (
        VALUES ('department'::text, m.department::text, NULL::text, ${keepFor('department')}),
          ('procedure', m.procedure_type, NULL, ${keepFor('procedure')}),
          ('category', m.main_category, NULL, ${keepFor('category')}),
          ('buyer', m.buyer_id::text, m.buyer_name, ${keepFor('buyer')}),
          ('status', m.public_status, NULL, ${keepFor('status')}),
          ('clause', 'social', NULL, ${keepFor('clause')} AND coalesce(m.social_clause, false)),
          ('clause', 'environmental', NULL, ${keepFor('clause')} AND coalesce(m.environmental_clause, false)),
          ('clause', 'reserved', NULL, ${keepFor('clause')} AND coalesce(m.reserved_contract, false)),
          ('deadline', '7', NULL, ${keepFor('deadline')} AND coalesce(m.within_7, false)),
          ('deadline', '30', NULL, ${keepFor('deadline')} AND coalesce(m.within_30, false))
        UNION ALL
        SELECT 'cpv', d, NULL, ${keepFor('cpv')} FROM unnest(m.cpv_divisions) AS d
      ) AS f(dim, value, label, keep)
      WHERE f.keep AND f.value IS NOT NULL
      GROUP BY f.dim, f.value`,
  );
  const approximate = Number(result[0]?.sampled ?? 0) > facetSample;
  return {
    approximate,
    facets: shapeFacets(
      result.map((r) => ({ dim: r.dim, value: String(r.value), label: r.label, count: Number(r.n) })),
      input,
    ),
  };
}

/** Counted facet values, in the shape and order the page and the API show (both search paths). */
function shapeFacets(
  result: readonly { dim: string; value: string; label: string | null; count: number }[],
  input: NormalisedInput,
): Facets {
  const of = (d: Dimension): FacetValue[] =>
    result
      .filter((r) => r.dim === d)
      .map((r) => ({ value: r.value, count: r.count, ...(r.label !== null ? { label: r.label } : {}) }));
  const countOf = (d: Dimension, value: string) => of(d).find((f) => f.value === value)?.count ?? 0;
  // the 10 biggest buyers, and always the selected ones so they can be unticked
  const selected = (f: FacetValue) => (input.buyer.includes(f.value) ? 1 : 0);
  const buyer = of('buyer')
    .sort(
      (a, b) =>
        selected(b) - selected(a) ||
        b.count - a.count ||
        (a.label ?? '').localeCompare(b.label ?? '', 'fr') ||
        (a.value < b.value ? -1 : 1),
    )
    .slice(0, 10 + input.buyer.length);
  return {
    cpv: of('cpv')
      .sort(byCountThenValue)
      .slice(0, 100)
      .map((f) => ({ ...f, label: cpvLabel(`${f.value}000000`, 'fr') ?? f.value })),
    department: of('department')
      .sort(byCountThenValue)
      .slice(0, 120)
      .map((f) => ({ ...f, label: departmentName(f.value) ?? f.value })),
    procedure: of('procedure').sort(byCountThenValue).slice(0, 20),
    category: of('category').sort(byCountThenValue).slice(0, 10),
    buyer,
    clause: ['social', 'environmental', 'reserved'].map((value) => ({ value, count: countOf('clause', value) })),
    deadline: ['7', '30'].map((value) => ({ value, count: countOf('deadline', value) })),
    status: of('status').sort(byCountThenValue).slice(0, 10),
  };
}

interface HitRow {
  tender_id: string;
  reference: string;
  source: string;
  source_url: string | null;
  title: string;
  title_marked: string;
  buyer_id: string | null;
  buyer_name: string;
  department: string | null;
  procedure_type: string;
  main_category: string;
  cpv_codes: string[];
  status: string;
  public_status: StatusValue;
  published_at: Date;
  submission_deadline: Date | null;
  excerpt_marked: string;
  rank: number;
}

const excerptSource = sql`CASE WHEN description <> '' THEN description ELSE lots_text END`;

/** What a result shows, with the searched words marked in its title and excerpt. */
function hitColumns(input: NormalisedInput, now: Date, searched?: string): Fragment {
  // the words actually searched: the typed ones, or with their corrections
  const tsquery = searched ? sql`${searched}::tsquery` : sql`websearch_to_tsquery(${config}, ${input.q}::text)`;
  return sql`tender_id, reference, source, source_url, title, buyer_id, buyer_name, department,
    procedure_type, main_category, cpv_codes, status, ${publicStatusOf(now)} AS public_status,
    published_at, submission_deadline, rank,
    ${input.q ? sql`ts_headline(${config}, title, ${tsquery}, ${titleOptions}::text)` : sql`title`} AS title_marked,
    ${
      input.q
        ? sql`ts_headline(${config}, left(${excerptSource}, 5000), ${tsquery}, ${headlineOptions}::text)`
        : sql`left(${excerptSource}, 240)`
    } AS excerpt_marked`;
}

function toHit(h: HitRow): SearchHit {
  return {
    tenderId: h.tender_id,
    reference: h.reference,
    source: h.source,
    sourceUrl: h.source_url,
    title: h.title,
    titleSegments: toSegments(h.title_marked),
    buyerId: h.buyer_id,
    buyerName: h.buyer_name,
    department: h.department,
    procedure: h.procedure_type,
    category: h.main_category,
    cpvCodes: h.cpv_codes,
    status: h.status,
    publicStatus: h.public_status,
    publishedAt: h.published_at,
    submissionDeadline: h.submission_deadline,
    excerpt: toSegments(h.excerpt_marked ?? ''),
    rank: Number(h.rank),
  };
}

/** Quotes and minus ask for exact terms: near matches (typos) would undo an exclusion. */
function usesOperators(q: string): boolean {
  return /["]|(^|\s)-\S/.test(q);
}

/**
 * What `websearch_to_tsquery` makes of a query text, remembered for the most recent texts: the
 * answer depends only on the text and the (fixed) search configuration, and popular searches repeat.
 */
const parsedQueries = new Map<string, string>();
const parsedQueriesKept = 2000;

async function readTsquery(db: DbOrTrx, q: string): Promise<string> {
  const known = parsedQueries.get(q);
  if (known !== undefined) {
    // most recently used last, so that the oldest is dropped first
    parsedQueries.delete(q);
    parsedQueries.set(q, known);
    return known;
  }
  const [row] = await rows(db, sql<{ q: string }>`SELECT websearch_to_tsquery(${config}, ${q}::text)::text AS q`);
  const text = row?.q ?? '';
  parsedQueries.set(q, text);
  if (parsedQueries.size > parsedQueriesKept) parsedQueries.delete(parsedQueries.keys().next().value as string);
  return text;
}

/**
 * The same search answered by this process's in-memory index: exact totals and facet counts, then
 * the page's rows read from PostgreSQL by id. Few matches widen rare words to their known near
 * spellings (typos). Returns null when PostgreSQL must answer instead: phrases (they need word
 * positions), and no match at all (buyer suggestions by trigrams).
 */
async function searchInMemory(
  db: DbOrTrx,
  memory: MemorySearch,
  input: NormalisedInput,
  now: Date,
): Promise<SearchResult | null> {
  // the words as PostgreSQL reads them, while the index catches up with the change log
  const [parsed] = await Promise.all([input.q ? readTsquery(db, input.q) : Promise.resolve(null), memory.sync()]);
  let text: QueryNode | null = null;
  if (input.q) {
    text = parseTsquery(parsed ?? '');
    if (!text || needsPositions(text)) return null;
  }
  const offset = (input.page - 1) * pageSize;
  const run = (tree: QueryNode | null) =>
    memory.index.search({
      text: tree,
      filters: input,
      now: now.getTime(),
      sort: input.sort,
      offset,
      limit: pageSize,
      facets: input.facets,
    });
  let found = run(text);
  let fuzzy = false;
  let searched: string | undefined;
  if (text && found.total < fuzzyBelow && input.q && !usesOperators(input.q)) {
    // few matches: rare or unknown words get their known near spellings (typos), once
    const corrected = withCorrections(text, (lexeme) =>
      memory.index.frequency(lexeme) < fuzzyBelow ? memory.index.corrections(lexeme) : [],
    );
    const wider = run(corrected);
    if (wider.total > found.total) {
      found = wider;
      fuzzy = true;
      searched = serializeTsquery(corrected);
    }
  }
  // nothing at all: PostgreSQL suggests buyers by trigram similarity
  if (input.q && found.total === 0) return null;
  const ids = found.hits.map((h) => h.tenderId);
  const details =
    ids.length === 0
      ? []
      : await rows(
          db,
          sql<HitRow>`SELECT ${hitColumns(input, now, searched)} FROM (SELECT *, 0::float8 AS rank FROM search_documents
            WHERE tender_id = ANY(${ids}::uuid[])) d`,
        );
  const byId = new Map(details.map((d) => [d.tender_id, d]));
  const items: SearchHit[] = [];
  for (const hit of found.hits) {
    const row = byId.get(hit.tenderId);
    // removed between the two reads: the next search will not count it either
    if (row) items.push({ ...toHit(row), rank: hit.score });
  }
  return {
    total: found.total,
    totalIsLowerBound: false,
    facetsApproximate: false,
    page: input.page,
    pageSize,
    pageCount: Math.min(Math.ceil(found.total / pageSize), 500),
    query: input.q,
    truncated: input.truncated,
    input,
    items,
    facets: found.facets ? shapeFacets(found.facets, input) : null,
    fuzzy,
    suggestions: [],
  };
}

/**
 * Searches the public tenders: French full text (stemming, accents and case ignored, weighted
 * ranking), trigram fallback for typos when full text finds little, filters with facet counts
 * (each facet counted without its own filter), sorts and pages. Every value is a bound parameter.
 */
export async function searchTenders(db: DbOrTrx, raw: SearchInput, options: SearchOptions = {}): Promise<SearchResult> {
  // inside a caller's transaction, its settings stay the caller's business
  if (db.isTransaction) return runSearch(db, raw, options);
  const memory = memorySearchFor(db);
  if (memory) {
    const answer = await searchInMemory(db, memory, normaliseInput(raw), options.now ?? new Date());
    if (answer) return answer;
  }
  return db.transaction().execute(async (trx) => {
    // sorts and the facet sample stay in memory rather than spilling to disk; LOCAL ends with the transaction
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return runSearch(trx, raw, options);
  });
}

/** `publishedSince`: only tenders published at or after it (the preview of an alert over 30 days). */
export interface SearchOptions {
  now?: Date;
  publishedSince?: Date;
}

async function runSearch(db: DbOrTrx, raw: SearchInput, options: SearchOptions): Promise<SearchResult> {
  const now = options.now ?? new Date();
  const input = normaliseInput(raw);
  const conditions = filterConditions(input, now);
  if (options.publishedSince) conditions.set('published', sql`published_at >= ${options.publishedSince}::timestamptz`);
  const tsquery = sql`websearch_to_tsquery(${config}, ${input.q}::text)`;
  const plain = sql`unaccent(lower(${input.q}::text))`;

  let text: Fragment | null = null;
  let fuzzy = false;
  let total: number;
  if (input.q) {
    text = sql`document @@ ${tsquery}`;
    total = await countUpTo(db, whereOf(text, conditions), countCap);
    if (total < fuzzyBelow && !usesOperators(input.q)) {
      const withTypos = sql`(document @@ ${tsquery} OR ${plain} <% title_plain OR ${plain} <% buyer_plain)`;
      const fuzzyTotal = await countUpTo(db, whereOf(withTypos, conditions), countCap);
      if (fuzzyTotal > total) {
        text = withTypos;
        total = fuzzyTotal;
        fuzzy = true;
      }
    }
  } else {
    total = await countUpTo(db, whereOf(null, conditions), countCap);
  }

  const totalIsLowerBound = total > countCap;
  if (totalIsLowerBound) total = countCap;

  const rank = input.q
    ? fuzzy
      ? sql`ts_rank_cd(${weights}, document, ${tsquery}) + 0.1 * greatest(word_similarity(${plain}, title_plain), word_similarity(${plain}, buyer_plain))`
      : sql`ts_rank_cd(${weights}, document, ${tsquery})`
    : sql`0`;
  const order =
    input.sort === 'deadline'
      ? sql`submission_deadline ASC NULLS LAST, tender_id`
      : input.sort === 'published'
        ? sql`published_at DESC, tender_id DESC`
        : sql`rank DESC, published_at DESC, tender_id DESC`;
  const offset = (input.page - 1) * pageSize;
  const hits =
    total > offset || totalIsLowerBound
      ? await rows(
          db,
          sql<HitRow>`
          WITH hits AS (
            SELECT *, ${rank}::float8 AS rank FROM search_documents WHERE ${whereOf(text, conditions)}
            ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}
          )
          SELECT ${hitColumns(input, now)}
          FROM hits ORDER BY ${order}`,
        )
      : [];

  const facetResult = input.facets ? await computeFacets(db, text, conditions, input, now, rank, order) : null;

  let suggestions: string[] = [];
  if (input.q && total === 0) {
    const similar = await rows(
      db,
      sql<{ name: string }>`
        SELECT buyer_name AS name FROM search_documents
        WHERE buyer_name <> '' AND word_similarity(${plain}, buyer_plain) > 0.35
        GROUP BY buyer_name ORDER BY max(word_similarity(${plain}, buyer_plain)) DESC, buyer_name LIMIT 5`,
    );
    suggestions = similar.map((s) => s.name);
  }

  return {
    total,
    totalIsLowerBound,
    facetsApproximate: facetResult?.approximate ?? false,
    page: input.page,
    pageSize,
    // beyond the cap the real page count is unknown: one more page than the counted ones, at least the current one
    pageCount: totalIsLowerBound
      ? Math.min(Math.max(Math.ceil(total / pageSize) + 1, input.page), 500)
      : Math.min(Math.ceil(total / pageSize), 500),
    query: input.q,
    truncated: input.truncated,
    input,
    items: hits.map(toHit),
    facets: facetResult?.facets ?? null,
    fuzzy,
    suggestions,
  };
}
