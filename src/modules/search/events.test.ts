import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { giveKeyedCommittee } from '../../../test/support/submissions.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { startWorker } from '../../app/worker.js';
import { dispatchPendingEvents, recordEvent } from '../../platform/events/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDocument, signedInAs } from '../tenders/publication/testFixtures.js';
import { searchSubscribers } from './indexTenders.js';
import { searchTenders } from './searchTenders.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});

afterAll(async () => {
  await app?.close();
  await rt?.close();
});

describe('search fed by domain events', () => {
  it('makes a tender published through the buyer pages searchable as soon as the worker dispatches its event', async () => {
    // A runtime and worker of its own: a running dispatcher would race the explicit dispatches of the
    // other tests for the same events.
    const rt = await createTestRuntime();
    const app = await buildServer(rt);
    await startWorker(rt);
    try {
      await publishThenSearch(rt, app);
    } finally {
      await app.close();
      await rt.close();
    }
  });

  it('follows a cancellation: the tender leaves the default results, and a rolled-back change sends nothing', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published', title: 'Achat de vélos cargos' });
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: tender.id }));
    await dispatchPendingEvents(rt.db, searchSubscribers);
    expect((await searchTenders(rt.db, { q: 'vélos cargos' })).total).toBe(1);

    await rt.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('tenders').set({ status: 'cancelled' }).where('id', '=', tender.id).execute();
        await recordEvent(trx, 'tender.cancelled', { id: tender.id });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await rt.db.selectFrom('domain_events').where('type', '=', 'tender.cancelled').execute()).toHaveLength(0);

    await rt.db.transaction().execute(async (trx) => {
      await trx.updateTable('tenders').set({ status: 'cancelled' }).where('id', '=', tender.id).execute();
      await recordEvent(trx, 'tender.cancelled', { id: tender.id });
    });
    await dispatchPendingEvents(rt.db, searchSubscribers);
    expect((await searchTenders(rt.db, { q: 'vélos cargos' })).total).toBe(0);
    const cancelled = await searchTenders(rt.db, { q: 'vélos cargos', status: ['cancelled'] });
    expect(cancelled.items.map((h) => h.publicStatus)).toEqual(['cancelled']);
  });
});

async function publishThenSearch(rt: Runtime, app: FastifyInstance): Promise<void> {
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Commune de Saint-Ouen' });
  const { browser } = await signedInAs(rt, app, 'buyer_agent', buyer);
  const tender = await createTender(rt, {
    buyerId: buyer.id,
    title: 'Réhabilitation du conservatoire de musique',
    submissionDeadline: new Date(Date.now() + 40 * 24 * 3600 * 1000),
  });
  await addDocument(rt, tender.id);
  // publication needs a keyed opening committee (submissions module, through a publication check)
  await giveKeyedCommittee(rt, tender, buyer.id, { members: 2, threshold: 2 });
  // a draft is never indexed
  expect((await searchTenders(rt.db, { q: 'conservatoire' })).total).toBe(0);

  const res = await browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
  expect(res.statusCode).toBe(303);
  const published = Date.now();
  const events = await rt.db.selectFrom('domain_events').selectAll().where('aggregate_id', '=', tender.id).execute();
  expect(events.map((e) => e.type)).toEqual(['tender.published']);

  let found = 0;
  // a bounded wait, not a speed check: freshness is measured by bench/search-freshness.ts
  while (Date.now() - published < 10_000) {
    found = (await searchTenders(rt.db, { q: 'conservatoires' })).total;
    if (found > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(found).toBe(1);
  const row = await rt.db
    .selectFrom('domain_events')
    .select('dispatched_at')
    .where('aggregate_id', '=', tender.id)
    .executeTakeFirstOrThrow();
  expect(row.dispatched_at).not.toBeNull();
}
