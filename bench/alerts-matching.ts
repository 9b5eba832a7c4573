/**
 * Alerts at scale: N stored alerts (keywords and filters built from the same generator as the
 * search benchmarks, so their words are the words of real tender titles), then M generated tenders
 * matched one at a time with the alerts module's `matchDocument` (GIN pre-selection on the alerts'
 * match keys, then the exact test of the candidates), beside the naive evaluation of every alert
 * (the same exact test, without the pre-selection). Prints one JSON line (progress on stderr).
 *
 *   npx tsx bench/alerts-matching.ts --engine=postgres --alerts=100000 --tenders=1000
 *   npx tsx bench/alerts-matching.ts --engine=pglite --alerts=20000 --tenders=200
 *
 * Options: --naive=50 tenders for the naive evaluation (it is slow), --keep, --db=halle_bench_….
 * Target: p95 ≤ 50 ms per tender against 100,000 alerts on the PostgreSQL server.
 */
import { sql } from 'kysely';
import { lexemeCover, matchKeys, parseTsquery } from '../src/modules/alerts/domain/cover.js';
import { type MatchableDocument, matchDocument } from '../src/modules/alerts/index.js';
import type { Db } from '../src/platform/db/kysely.js';
import { uuidv7 } from '../src/platform/ids.js';
import { dropDatabase, openBenchRuntime } from './lib/bench-db.js';
import { createTenderGenerator, type GeneratedTender } from './lib/tender-generator.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const engine = args.get('engine') === 'pglite' ? 'pglite' : 'postgres';
const alertCount = Number(args.get('alerts') ?? (engine === 'postgres' ? 100_000 : 20_000));
const tenderCount = Number(args.get('tenders') ?? (engine === 'postgres' ? 1_000 : 200));
const naiveCount = Number(args.get('naive') ?? 50);
const keep = args.has('keep');
const dbName = engine === 'postgres' ? (args.get('db') ?? `halle_bench_${Date.now()}`) : undefined;
const log = (m: string) => process.stderr.write(`[alerts-bench ${engine}] ${m}\n`);

/** A small deterministic PRNG (mulberry32): the same alerts on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stop = new Set(['travaux', 'marché', 'fourniture', 'prestations', 'services', 'commune', 'ville']);
function wordsOf(t: GeneratedTender): string[] {
  const text = `${t.title} ${t.lotTitles.join(' ')}`;
  return [...new Set(text.split(/[^\p{L}]+/u).filter((w) => w.length >= 5 && !stop.has(w.toLowerCase())))];
}

const departments = ['75', '77', '78', '91', '92', '93', '94', '95'];
const procedures = ['adapted', 'open', 'restricted'];

interface AlertSpec {
  keywords: string;
  department: string[];
  category: string[];
  cpv: string[];
  procedure: string[];
  paused: boolean;
}

function alertSpec(i: number, gen: ReturnType<typeof createTenderGenerator>): AlertSpec {
  const rnd = prng(i * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const source = gen.tender(500_000 + i);
  const words = wordsOf(source);
  // a search without keywords needs a filter (the module refuses one that would match everything)
  const filtersOnly = rnd() < 0.08 || words.length === 0;
  let keywords = '';
  if (!filtersOnly && words.length > 0) {
    const first = pick(words);
    const r = rnd();
    if (r < 0.45) keywords = first;
    else if (r < 0.8) keywords = `${first} ${pick(words)}`;
    else if (r < 0.95) keywords = `${first} or ${pick(wordsOf(gen.tender(700_000 + i)).concat(first))}`;
    else keywords = `${first} -${pick(words)}`;
  }
  return {
    keywords,
    department: filtersOnly || rnd() < 0.4 ? [pick(departments)] : [],
    category: filtersOnly || rnd() < 0.2 ? [source.mainCategory] : [],
    cpv: rnd() < 0.15 ? [source.cpvCodes[0]?.slice(0, 2) ?? '45'] : [],
    procedure: rnd() < 0.1 ? [pick(procedures)] : [],
    paused: rnd() < 0.1,
  };
}

async function seedAlerts(db: Db, count: number): Promise<void> {
  const gen = createTenderGenerator({ now: new Date('2026-11-01T09:00:00Z') });
  const companyId = uuidv7();
  await sql`INSERT INTO organisations (id, kind, name, siret) VALUES (${companyId}::uuid, 'company', 'Bench SAS', '12345678900011')`.execute(
    db,
  );
  const users: string[] = [];
  for (let u = 0; u < 1000; u++) users.push(uuidv7());
  await sql`INSERT INTO users (id, email, name, password_hash, email_verified_at)
    SELECT id, 'bench-' || n || '@exemple.fr', 'Bench ' || n, 'x', now()
    FROM unnest(${users}::uuid[]) WITH ORDINALITY AS u(id, n)`.execute(db);
  const batch = 5000;
  for (let from = 0; from < count; from += batch) {
    const specs = Array.from({ length: Math.min(batch, count - from) }, (_, k) => alertSpec(from + k, gen));
    const tsq = await sql<{ n: number; q: string | null }>`
      SELECT n::int, CASE WHEN k = '' THEN NULL ELSE websearch_to_tsquery('french_unaccent'::regconfig, k)::text END AS q
      FROM unnest(${specs.map((s) => s.keywords)}::text[]) WITH ORDINALITY AS x(k, n)`.execute(db);
    const rows = specs.map((s, k) => {
      const q = tsq.rows[k]?.q ?? null;
      const tree = q ? parseTsquery(q) : null;
      const keys = matchKeys(tree ? lexemeCover(tree) : null, {
        cpv: s.cpv,
        department: s.department,
        procedure: s.procedure,
        category: s.category,
        buyer: [],
        clause: [],
      }) ?? ['k:works'];
      return { ...s, id: uuidv7(), userId: users[(from + k) % users.length] as string, keys };
    });
    await sql`
      INSERT INTO alerts (id, user_id, company_id, name, query_string, keywords, keywords_query, match_keys,
        departments, categories, cpv_divisions, procedures, frequency, paused_at)
      SELECT r.id, r.user_id, ${companyId}::uuid, 'Alerte ' || r.n, '', r.keywords,
        CASE WHEN r.keywords = '' THEN NULL ELSE websearch_to_tsquery('french_unaccent'::regconfig, r.keywords) END,
        string_to_array(r.keys, ' '), coalesce(string_to_array(nullif(r.dep, ''), ' '), '{}'), coalesce(string_to_array(nullif(r.cat, ''), ' '), '{}'),
        coalesce(string_to_array(nullif(r.cpv, ''), ' '), '{}'), coalesce(string_to_array(nullif(r.proc, ''), ' '), '{}'),
        'immediate', CASE WHEN r.paused THEN now() END
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.keywords)}::text[],
        ${rows.map((r) => r.keys.join(' '))}::text[], ${rows.map((r) => r.department.join(' '))}::text[],
        ${rows.map((r) => r.category.join(' '))}::text[], ${rows.map((r) => r.cpv.join(' '))}::text[],
        ${rows.map((r) => r.procedure.join(' '))}::text[], ${rows.map((r) => r.paused)}::boolean[])
        WITH ORDINALITY AS r(id, user_id, keywords, keys, dep, cat, cpv, proc, paused, n)`.execute(db);
    log(`alerts ${Math.min(from + batch, count)}/${count}`);
  }
  // the steady state of a live platform: hint bits set, statistics current
  await sql`VACUUM ANALYZE alerts`.execute(db);
}

function documentOf(t: GeneratedTender): MatchableDocument {
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    texts: [t.title, t.lotTitles.join('\n'), t.cpvLabels, t.buyerName, t.description],
    cpvDivisions: [...new Set(t.cpvCodes.map((c) => c.slice(0, 2)))],
    department: t.department,
    procedure: t.procedureType,
    category: t.mainCategory,
    buyerId: t.buyerId,
    buyerName: t.buyerName,
    clauses: [
      ...(t.socialClause ? (['social'] as const) : []),
      ...(t.environmentalClause ? (['environmental'] as const) : []),
    ],
    submissionDeadline: t.submissionDeadline,
    link: `/consultations/${t.reference}`,
  };
}

/** Every active alert tested against the tender, one by one: no pre-selection. */
async function naiveMatch(db: Db, doc: MatchableDocument): Promise<number> {
  const vector = sql.join(
    doc.texts.map((t) => sql`to_tsvector('french_unaccent'::regconfig, ${t}::text)`),
    sql` || `,
  );
  const r = await sql<{ n: number }>`
    WITH doc AS MATERIALIZED (SELECT ${vector} AS v)
    SELECT count(*)::int AS n FROM alerts a
    WHERE a.paused_at IS NULL
      AND (a.keywords_query IS NULL OR a.keywords_query @@ (SELECT v FROM doc))
      AND (a.cpv_divisions = '{}' OR a.cpv_divisions && ${[...doc.cpvDivisions]}::text[])
      AND (a.departments = '{}' OR ${doc.department}::text = ANY (a.departments))
      AND (a.procedures = '{}' OR ${doc.procedure}::text = ANY (a.procedures))
      AND (a.categories = '{}' OR ${doc.category}::text = ANY (a.categories))
      AND (a.buyer_ids = '{}' OR ${doc.buyerId}::uuid = ANY (a.buyer_ids))
      AND (a.clauses = '{}' OR a.clauses && ${[...doc.clauses]}::text[])`.execute(db);
  return r.rows[0]?.n ?? 0;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
const r1 = (n: number) => Math.round(n * 10) / 10;
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    p50_ms: r1(quantile(s, 0.5)),
    p95_ms: r1(quantile(s, 0.95)),
    p99_ms: r1(quantile(s, 0.99)),
    max_ms: r1(s[s.length - 1] ?? 0),
    mean_ms: r1(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

async function main(): Promise<void> {
  const rt = await openBenchRuntime(engine, dbName);
  try {
    const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM alerts`.execute(rt.db);
    const seedStart = performance.now();
    if ((existing.rows[0]?.n ?? 0) < alertCount) await seedAlerts(rt.db, alertCount);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const gen = createTenderGenerator({ now: new Date('2026-11-01T09:00:00Z') });
    const docs = Array.from({ length: tenderCount }, (_, i) => documentOf(gen.tender(i)));
    // warm-up: caches and plans
    for (const doc of docs.slice(0, 20)) await matchDocument(rt.db, doc);

    const samples: number[] = [];
    let matches = 0;
    const started = performance.now();
    for (const doc of docs) {
      const t0 = performance.now();
      matches += (await matchDocument(rt.db, doc)).length;
      samples.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;

    const naiveSamples: number[] = [];
    let naiveMatches = 0;
    let indexedMatchesOfNaiveSet = 0;
    for (const doc of docs.slice(0, naiveCount)) {
      const t0 = performance.now();
      naiveMatches += await naiveMatch(rt.db, doc);
      naiveSamples.push(performance.now() - t0);
      indexedMatchesOfNaiveSet += (await matchDocument(rt.db, doc)).length;
    }
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM alerts
      WHERE paused_at IS NULL AND match_keys && ARRAY['w:nettoyag', 'd:93']`.execute(rt.db);

    const result = {
      bench: 'alerts-matching',
      engine,
      alerts: alertCount,
      active_alerts: (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM alerts WHERE paused_at IS NULL`.execute(rt.db)
      ).rows[0]?.n,
      tenders: tenderCount,
      seed_seconds: r1(seedSeconds),
      indexed: {
        ...stats(samples),
        throughput_tenders_per_s: r1(tenderCount / seconds),
        matches_per_tender: r1(matches / tenderCount),
      },
      naive_every_alert: {
        tenders: Math.min(naiveCount, tenderCount),
        ...stats(naiveSamples),
        throughput_tenders_per_s: r1(naiveSamples.length / (naiveSamples.reduce((a, b) => a + b, 0) / 1000)),
        matches_per_tender: r1(naiveMatches / Math.max(1, naiveSamples.length)),
      },
      // the pre-selection must not lose a match: same totals on the naive subset
      same_matches_as_naive: naiveMatches === indexedMatchesOfNaiveSet,
      uses_gin_index: plan.rows.some((r) => r['QUERY PLAN'].includes('alerts_match_keys')),
      target_p95_ms: 50,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rt.close();
    if (dbName && !keep) await dropDatabase(dbName);
  }
}

await main();
