/**
 * Search at scale: a fixed set of 50 searches (first page + facet counts) against N generated
 * tenders, and the naive `ILIKE '%word%'` scan (with its count) on the same data as the ratio to
 * beat. Prints one JSON line on stdout (progress on stderr).
 *
 *   npx tsx bench/search-queries.ts --engine=postgres --rows=1000000 [--keep] [--db=halle_bench_…]
 *   npx tsx bench/search-queries.ts --engine=pglite --rows=100000
 *
 * Options: --impl=memory|module|reference|variant (memory: the module's `searchTenders` answered by the web
 * process's in-memory index, as served; module: PostgreSQL alone; default memory),
 * --runs=3 measured passes after one warm-up pass, --no-naive to skip the ILIKE baseline.
 * PostgreSQL: a fresh database `halle_bench_<ts>` (BENCH_DATABASE_URL names the server), dropped at
 * the end unless --keep; --db reuses a kept one (generation and indexing are skipped when done).
 * PGlite: in memory. Targets: p95 ≤ 50 ms (server, 1 M), ≤ 150 ms (PGlite, 100 k).
 */

import { startMemorySearch } from '../src/modules/search/memorySearch.js';
import type { Db } from '../src/platform/db/kysely.js';
import { dropDatabase, openBenchRuntime, stagedCount, stageTenders } from './lib/bench-db.js';
import { naiveSearch, referenceSearch } from './lib/reference-search.js';
import { type BenchQuery, type BenchSearchInput, benchQueries } from './lib/search-bench-queries.js';
import { buildSearchIndex, indexedCount } from './lib/search-index.js';
import { variantSearch } from './lib/variant-search.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const engine = args.get('engine') === 'pglite' ? 'pglite' : 'postgres';
const rows = Number(args.get('rows') ?? (engine === 'postgres' ? 1_000_000 : 100_000));
const keep = args.has('keep');
const runs = Number(args.get('runs') ?? 3);
const dbName = engine === 'postgres' ? (args.get('db') ?? `halle_bench_${Date.now()}`) : undefined;
const log = (m: string) => process.stderr.write(`[search-bench ${engine}] ${m}\n`);

type SearchFn = (db: Db, input: BenchSearchInput, now: Date) => Promise<{ total: number }>;

/** The search module's function when it exists (it lands in parallel with this benchmark). */
async function moduleSearch(): Promise<SearchFn | undefined> {
  // by file, not through the module's index: the module's routes land later than its query
  const modulePath = '../src/modules/search/searchTenders.js';
  try {
    const mod = (await import(modulePath)) as {
      searchTenders?: (db: Db, input: unknown, options?: { now?: Date }) => Promise<{ total: number }>;
    };
    const fn = mod.searchTenders;
    if (typeof fn !== 'function') return undefined;
    return (db, input, now) => fn(db, input, { now });
  } catch {
    return undefined;
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}
const r1 = (n: number) => Math.round(n * 10) / 10;
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: r1(quantile(s, 0.5)), p95: r1(quantile(s, 0.95)), max: r1(s[s.length - 1] ?? 0) };
}

async function measure(fn: SearchFn, db: Db, queries: BenchQuery[], now: Date, passes: number) {
  const perQuery = new Map<string, { times: number[]; total: number; kind: string }>();
  for (let pass = 0; pass < passes; pass++) {
    for (const query of queries) {
      const t = performance.now();
      const result = await fn(db, query.input, now);
      const ms = performance.now() - t;
      const entry = perQuery.get(query.name) ?? { times: [], total: result.total, kind: query.kind };
      entry.times.push(ms);
      perQuery.set(query.name, entry);
    }
  }
  const all = [...perQuery.values()].flatMap((e) => e.times);
  const byKind: Record<string, ReturnType<typeof stats>> = {};
  for (const kind of new Set(queries.map((q) => q.kind))) {
    byKind[kind] = stats([...perQuery.values()].filter((e) => e.kind === kind).flatMap((e) => e.times));
  }
  const slowest = [...perQuery.entries()]
    .map(([name, e]) => ({ name, total: e.total, medianMs: stats(e.times).p50 }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 8);
  return { ...stats(all), samples: all.length, byKind, slowest, perQuery };
}

const started = performance.now();
const now = new Date();
// the corpus is generated relative to midnight so that a kept database stays coherent all day
const corpusNow = new Date(now);
corpusNow.setUTCHours(0, 0, 0, 0);
const rt = await openBenchRuntime(engine, dbName);
let failed = false;
try {
  const staged = await stageTenders(rt, rows, corpusNow, log);
  const tStaged = performance.now();
  let indexMs = 0;
  if (staged > 0 || (await indexedCount(rt)) !== (await stagedCount(rt))) {
    await buildSearchIndex(rt, log);
    indexMs = performance.now() - tStaged;
  }
  const setupMs = performance.now() - started;
  log(`ready: ${rows} tenders (generated ${staged} now) in ${Math.round(setupMs)} ms`);

  const forced = args.get('impl') ?? 'memory';
  const fromModule = forced === 'reference' || forced === 'variant' ? undefined : await moduleSearch();
  if ((forced === 'module' || forced === 'memory') && !fromModule) throw new Error('searchTenders is not exported');
  const impl = forced === 'memory' ? 'memory' : fromModule ? 'module' : forced === 'variant' ? 'variant' : 'reference';
  let memory: { loadMs: number; rssBeforeMb: number; rssAfterMb: number; heapUsedMb: number } | undefined;
  let stopMemory: (() => void) | undefined;
  if (impl === 'memory') {
    const mb = (n: number) => Math.round(n / 1048576);
    const rssBefore = process.memoryUsage().rss;
    const t = performance.now();
    // the bench waits for the whole load, as a web process does before it answers from memory
    const started = await startMemorySearch(rt.db, { waitBelow: Number.POSITIVE_INFINITY });
    stopMemory = started.stop;
    global.gc?.();
    const usage = process.memoryUsage();
    memory = {
      loadMs: Math.round(performance.now() - t),
      rssBeforeMb: mb(rssBefore),
      rssAfterMb: mb(usage.rss),
      heapUsedMb: mb(usage.heapUsed),
    };
    log(
      `in-memory index: ${started.memory.index.size} tenders loaded in ${memory.loadMs} ms, rss ${memory.rssAfterMb} MB`,
    );
  }
  const search: SearchFn =
    fromModule ??
    (impl === 'variant'
      ? (db, input, n) => variantSearch(db, input, n)
      : (db, input, n) => referenceSearch(db, input, n));
  log(`implementation: ${impl}`);

  await measure(search, rt.db, benchQueries, now, 1); // warm-up: caches, plans, JIT
  const searched = await measure(search, rt.db, benchQueries, now, runs);
  log(`search p50 ${searched.p50} ms, p95 ${searched.p95} ms, max ${searched.max} ms`);

  let naive: ReturnType<typeof stats> | undefined;
  if (!args.has('no-naive')) {
    const n = await measure((db, input, t) => naiveSearch(db, input, t), rt.db, benchQueries, now, 1);
    naive = { p50: n.p50, p95: n.p95, max: n.max };
    log(`naive ILIKE p50 ${n.p50} ms, p95 ${n.p95} ms`);
  }
  const target = engine === 'postgres' ? 50 : 150;
  const out = {
    bench: 'search-queries',
    engine,
    rows,
    impl,
    queries: benchQueries.length,
    runs,
    search: { p50: searched.p50, p95: searched.p95, max: searched.max, samples: searched.samples },
    targetP95Ms: target,
    meetsTarget: searched.p95 <= target,
    byKind: searched.byKind,
    slowest: searched.slowest,
    ...(naive
      ? {
          naiveIlike: naive,
          ratio: { p50: r1(naive.p50 / Math.max(searched.p50, 0.1)), p95: r1(naive.p95 / Math.max(searched.p95, 0.1)) },
        }
      : {}),
    totals: Object.fromEntries([...searched.perQuery.entries()].map(([k, e]) => [k, e.total])),
    setupMs: Math.round(setupMs),
    indexMs: Math.round(indexMs),
    database: keep ? dbName : undefined,
    memory,
  };
  stopMemory?.();
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  failed = true;
  log(`failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  await rt.close();
  if (engine === 'postgres' && dbName && !keep) {
    await dropDatabase(dbName);
    log(`dropped ${dbName}`);
  }
}
if (failed) process.exitCode = 1;
