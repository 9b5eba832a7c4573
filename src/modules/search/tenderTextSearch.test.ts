import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { reindexSearch } from './indexTenders.js';

let rt: Runtime;
let app: FastifyInstance;
const refs: Record<string, string> = {};

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Pantin' });
  for (const [key, title, status] of [
    ['roof', 'Réfection de la toiture du gymnase Hasenfratz', 'published'],
    ['roofs', 'Réfections des toitures des écoles maternelles', 'closed'],
    ['cleaning', 'Nettoyage des locaux de la mairie', 'published'],
    ['draft', 'Réfection de la toiture de la médiathèque', 'draft'],
  ] as const) {
    refs[key] = (await createTender(rt, { buyerId: buyer.id, title, status })).reference;
  }
  await reindexSearch(rt.db);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function list(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/tenders?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { reference: string }[]; total: number };
}

describe('GET /api/v1/tenders?q= (through the search index)', () => {
  it('finds published tenders by French full text, stemmed and accent-insensitive, never drafts', async () => {
    const found = await list(`q=${encodeURIComponent('refection toiture')}`);
    const references = found.items.map((i) => i.reference).sort();
    expect(references).toEqual([refs.roof, refs.roofs].sort());
    expect(found.total).toBe(2);
    expect(references).not.toContain(refs.draft);
  });

  it('combines the text with the status filter', async () => {
    const open = await list(`q=toiture&status=published`);
    expect(open.items.map((i) => i.reference)).toEqual([refs.roof]);
    const closed = await list(`q=toiture&status=closed`);
    expect(closed.items.map((i) => i.reference)).toEqual([refs.roofs]);
  });

  it('keeps the plain listing without q, and answers hostile queries without a 500', async () => {
    const all = await list('');
    expect(all.total).toBe(3);
    for (const q of ['"unbalanced', '-', 'x'.repeat(4000), "'; DROP TABLE tenders; --", '🏗️']) {
      await list(`q=${encodeURIComponent(q)}`);
    }
  });
});
