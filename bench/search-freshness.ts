/**
 * Freshness of the search index: a buyer publishes a tender through the real use case
 * (`publishTender`), the event dispatcher of the worker hands the `tender.published` event to the
 * search module, and a company polls the search (every 10 ms) until the tender comes back.
 * Reports, over several publications, the time from the publish call to the first search that
 * returns it. Target: ≤ 1 s. Prints one JSON line.
 *
 *   npx tsx bench/search-freshness.ts --engine=postgres [--count=10] [--background=20000]
 *   npx tsx bench/search-freshness.ts --engine=pglite
 *
 * `--background` puts that many generated tenders in the index first, so the search is not on
 * an empty table. The searches go through the in-memory index, as a web process answers them
 * (`--memory=0`: PostgreSQL alone). PostgreSQL: a fresh database `halle_bench_<ts>`, dropped at the end.
 */
import { startMemorySearch } from '../src/modules/search/memorySearch.js';
import type { Db } from '../src/platform/db/kysely.js';
import { type EventSubscriber, startEventDispatcher } from '../src/platform/events/outbox.js';
import type { SessionPrincipal } from '../src/platform/http/principal.js';
import { createOrganisation, createUser } from '../test/support/factories.js';
import { createTender } from '../test/support/tenders.js';
import { dropDatabase, openBenchRuntime, stageTenders } from './lib/bench-db.js';
import { buildSearchIndex } from './lib/search-index.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const engine = args.get('engine') === 'pglite' ? 'pglite' : 'postgres';
const count = Number(args.get('count') ?? 10);
const background = Number(args.get('background') ?? 20_000);
const withMemory = args.get('memory') !== '0';
const dbName = engine === 'postgres' ? `halle_bench_${Date.now()}` : undefined;
const log = (m: string) => process.stderr.write(`[search-freshness ${engine}] ${m}\n`);
const day = 24 * 3600 * 1000;

// imported by path: the search module is built in parallel and its index may not load yet
const searchPath = '../src/modules/search/searchTenders.js';
const indexerPath = '../src/modules/search/indexTenders.js';
const publishPath = '../src/modules/tenders/publication/publishTender.js';
const docsPath = '../src/modules/tenders/publication/testFixtures.js';

type SearchFn = (
  db: Db,
  input: { q?: string; status?: string[]; facets?: boolean },
  options?: { now?: Date },
) => Promise<{ items: { tenderId: string }[] }>;

const rt = await openBenchRuntime(engine, dbName);
let failed = false;
let dispatcher: { stop(): Promise<void> } | undefined;
let memory: { stop(): void } | undefined;
try {
  const { searchTenders } = (await import(searchPath)) as { searchTenders: SearchFn };
  const { searchSubscribers } = (await import(indexerPath)) as { searchSubscribers: readonly EventSubscriber[] };
  const { publishTender } = (await import(publishPath)) as {
    publishTender: (rt: unknown, p: SessionPrincipal, reference: string) => Promise<{ id: string }>;
  };
  const { addDocument } = (await import(docsPath)) as {
    addDocument: (rt: unknown, tenderId: string) => Promise<unknown>;
  };

  if (background > 0) {
    const corpusNow = new Date();
    corpusNow.setUTCHours(0, 0, 0, 0);
    await stageTenders(rt, background, corpusNow);
    await buildSearchIndex(rt);
  }
  // the web process's copy of the index, following the change log (as `halle serve` starts it)
  memory = withMemory ? await startMemorySearch(rt.db, { waitBelow: Number.POSITIVE_INFINITY }) : undefined;
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Saint-Denis', department: '93' });
  const user = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
  const principal: SessionPrincipal = {
    kind: 'session',
    sessionId: 'bench',
    user: { id: user.id, email: user.email, name: 'Camille Martin', emailVerified: true },
    memberships: [
      {
        organisationId: buyer.id,
        organisationName: 'Ville de Saint-Denis',
        organisationKind: 'buyer',
        role: 'buyer_agent',
      },
    ],
    activeOrganisationId: buyer.id,
  } as SessionPrincipal;

  // the worker's dispatcher, as the worker role starts it, with the search module's subscribers
  dispatcher = await startEventDispatcher({
    db: rt.db,
    pool: rt.database.pool,
    engine: rt.database.engine,
    subscribers: searchSubscribers,
    logger: rt.logger,
  });

  const latencies: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < count; i++) {
    // a word no generated tender holds, so the search answers with this tender only
    const word = `zorglub${String.fromCharCode(97 + (i % 26))}${i}`;
    const deadline = new Date(Date.now() + 30 * day);
    const tender = await createTender(rt, {
      buyerId: buyer.id,
      title: `Fourniture de panneaux ${word} pour la signalétique des écoles`,
      submissionDeadline: deadline,
      questionsDeadline: new Date(deadline.getTime() - 5 * day),
    });
    await addDocument(rt, tender.id);
    const t0 = performance.now();
    await publishTender(rt, principal, tender.reference);
    let found = false;
    while (performance.now() - t0 < 5000) {
      const result = await searchTenders(rt.db, { q: word, facets: true });
      if (result.items.some((h) => h.tenderId === tender.id)) {
        found = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (found) latencies.push(performance.now() - t0);
    else timeouts++;
    await new Promise((resolve) => setTimeout(resolve, 100 + ((i * 37) % 200)));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  const out = {
    bench: 'search-freshness',
    engine,
    backgroundTenders: background,
    inMemoryIndex: withMemory,
    publications: count,
    timeouts,
    ms: { p50: q(0.5), p95: q(0.95), max: Math.round(sorted[sorted.length - 1] ?? 0) },
    targetMs: 1000,
    meetsTarget: timeouts === 0 && (sorted[sorted.length - 1] ?? Infinity) <= 1000,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  failed = true;
  log(`failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  await dispatcher?.stop();
  memory?.stop();
  await rt.close();
  if (dbName) {
    await dropDatabase(dbName);
    log(`dropped ${dbName}`);
  }
}
if (failed) process.exitCode = 1;
