/**
 * Evaluating a large lot: one lot with BIDS counted bids (default 200) and 6 award criteria (price
 * and five others), every bid admitted, classified regular, priced and scored. Then, ITERATIONS
 * times (default 50): the ranking computed alone (pure domain), the ranking with its data loaded
 * from the database (what every page does), and the ranking page rendered through HTTP for a
 * signed-in buyer agent. Prints one JSON line with p50/p95 in ms. Target: page under 200 ms.
 *
 *   npx tsx bench/evaluation-ranking.ts                          (embedded PGlite, in memory)
 *   npx tsx bench/evaluation-ranking.ts --engine=postgres        (a fresh database on the server)
 */
import { performance } from 'node:perf_hooks';
import { buildServer } from '../src/app/server.js';
import { rankOffers } from '../src/modules/evaluation/domain/scoring.js';
import { assessBids, scoreLot, startEvaluation } from '../src/modules/evaluation/index.js';
import { rankingOf } from '../src/modules/evaluation/ranking.js';
import { lotsOf, lotView } from '../src/modules/evaluation/repo.js';
import { uuidv7 } from '../src/platform/ids.js';
import { TestBrowser } from '../test/support/browser.js';
import { openedTenderWithBids } from '../test/support/evaluation.js';
import { createUser } from '../test/support/factories.js';
import { agentPrincipal } from '../test/support/submissions.js';
import { dropDatabase, openBenchRuntime } from './lib/bench-db.js';
import { percentile } from './submissions-support.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const engine = args.get('engine') === 'postgres' ? 'postgres' : 'pglite';
const bids = Number(args.get('bids') ?? 200);
const iterations = Number(args.get('iterations') ?? 50);
const dbName = engine === 'postgres' ? `halle_bench_evaluation_${Date.now()}` : undefined;
const log = (m: string) => process.stderr.write(`[evaluation-bench ${engine}] ${m}\n`);

/** A small deterministic PRNG (mulberry32): the same scores on every run. */
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

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 100) / 100;
  return { p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)) };
};

const rt = await openBenchRuntime(engine, dbName);
try {
  log(`creating a lot with ${bids} bids`);
  const tender = await openedTenderWithBids(rt, { companies: bids, withUsers: false });
  await rt.db.deleteFrom('award_criteria').where('tender_id', '=', tender.id).execute();
  const labels = ['Prix', 'Valeur technique', 'Délais', 'Environnement', 'Insertion sociale', 'Service après-vente'];
  const weights = [4000, 2000, 1000, 1000, 1000, 1000];
  await rt.db
    .insertInto('award_criteria')
    .values(
      labels.map((label, i) => ({
        id: uuidv7(),
        tender_id: tender.id,
        lot_id: null,
        position: i + 1,
        label,
        kind: i === 0 ? ('price' as const) : i === 3 ? ('environmental' as const) : ('quality' as const),
        weight_bp: weights[i] as number,
      })),
    )
    .execute();
  const agent = await createUser(rt, { memberships: [{ organisationId: tender.buyerId, role: 'buyer_agent' }] });
  const principal = agentPrincipal(agent, tender.buyerId);
  await startEvaluation(rt, principal, { reference: tender.reference });
  await assessBids(rt, principal, {
    reference: tender.reference,
    lotNumber: 1,
    bids: tender.bids.map((b) => ({
      submissionId: b.submissionId,
      admissibility: 'complete',
      admissibilityReason: '',
      replyBy: null,
      classification: 'regular',
      classificationReason: '',
    })),
  });
  const criteria = await rt.db
    .selectFrom('award_criteria')
    .select(['id', 'kind'])
    .where('tender_id', '=', tender.id)
    .orderBy('position')
    .execute();
  const rnd = prng(42);
  const scores: Record<string, string> = {};
  const amounts: Record<string, string> = {};
  for (const b of tender.bids) {
    amounts[b.submissionId] = String(50_000 + Math.floor(rnd() * 150_000));
    for (const c of criteria)
      if (c.kind !== 'price') scores[`${b.submissionId}:${c.id}`] = String(Math.floor(rnd() * 41) / 2);
  }
  await scoreLot(rt, principal, {
    reference: tender.reference,
    lotNumber: 1,
    grid: { scaleMode: 'scale', scaleMax: '20', priceFormula: 'linear_min_max', amounts, scores },
  });

  const [lot] = await lotsOf(rt.db, tender.id);
  if (!lot) throw new Error('no lot');
  const view = await lotView(rt.db, tender.id, lot);
  const setup = view.setup;
  if (!setup || !rankingOf(view).ready) throw new Error('the lot is not ready');

  const app = await buildServer(rt);
  const browser = new TestBrowser(app);
  await browser.signIn(agent.email, agent.password);
  const url = `/mon-espace/consultations/${tender.reference}/analyse/lots/1/classement`;
  const first = await browser.get(url);
  if (first.statusCode !== 200 || !first.body.includes('<strong>'))
    throw new Error(`ranking page: ${first.statusCode}`);

  const compute: number[] = [];
  const loaded: number[] = [];
  const page: number[] = [];
  log(`${iterations} iterations`);
  for (let i = 0; i < iterations; i++) {
    let t0 = performance.now();
    rankOffers(
      setup.criteria,
      { mode: setup.scaleMode, max: setup.scaleMax },
      setup.priceFormula,
      view.bids.map((b) => ({
        submissionId: b.submissionId,
        companyName: b.companyName,
        registerPosition: b.registerPosition,
        amountCents: b.amountCents,
        scores: b.scores,
      })),
    );
    compute.push(performance.now() - t0);
    t0 = performance.now();
    rankingOf(await lotView(rt.db, tender.id, lot));
    loaded.push(performance.now() - t0);
    t0 = performance.now();
    const res = await browser.get(url);
    page.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`ranking page: ${res.statusCode}`);
  }
  await app.close();
  const pageStats = stats(page);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'evaluation-ranking',
      engine,
      bids,
      criteria: criteria.length,
      iterations,
      rankingComputeMs: stats(compute),
      rankingWithLoadMs: stats(loaded),
      rankingPageMs: pageStats,
      pageBytes: first.body.length,
      targetMs: 200,
      withinTarget: pageStats.p95 < 200,
    })}\n`,
  );
} finally {
  await rt.close();
  if (dbName) await dropDatabase(dbName);
}
