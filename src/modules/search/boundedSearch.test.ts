import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { countCap, facetSample, searchTenders } from './searchTenders.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  // 1,200 open tenders straight in the index (more than the cap), 3 of them about "ascenseurs";
  // one in ten is in the Rhône, so a department filter gives a small, exact result set
  await sql`
    INSERT INTO search_documents (tender_id, reference, title, description, cpv_codes, cpv_divisions, buyer_name,
      department, procedure_type, main_category, social_clause, status, published_at, submission_deadline)
    SELECT gen_random_uuid(), 'REF-' || i,
      CASE WHEN i <= 3 THEN 'Maintenance des ascenseurs ' || i ELSE 'Travaux de voirie ' || i END,
      'Travaux', ARRAY['45000000'], ARRAY['45'], 'Ville ' || (i % 7),
      CASE WHEN i % 10 = 0 THEN '69' ELSE '93' END, 'open',
      CASE WHEN i % 2 = 0 THEN 'works' ELSE 'services' END, i % 3 = 0, 'published',
      now() - make_interval(mins => i), now() + interval '40 days'
    FROM generate_series(1, 1200) AS i`.execute(rt.db);
});

afterAll(async () => {
  await app?.close();
  await rt?.close();
});

describe('searchTenders on broad queries', () => {
  it('counts up to the cap only, and takes the facets from a sample marked approximate', async () => {
    const result = await searchTenders(rt.db, { q: 'travaux' });
    expect(result.total).toBe(countCap);
    expect(result.totalIsLowerBound).toBe(true);
    expect(result.facetsApproximate).toBe(true);
    expect(result.items).toHaveLength(20);
    // the sample is bounded: no facet counts more rows than it holds
    const categories = result.facets?.category.reduce((n, c) => n + c.count, 0) ?? 0;
    expect(categories).toBeGreaterThan(0);
    expect(categories).toBeLessThanOrEqual(facetSample + 1);
    // pages beyond the counted ones still answer
    const far = await searchTenders(rt.db, { q: 'travaux', page: 55 });
    expect(far.items).toHaveLength(20);
    expect(far.pageCount).toBeGreaterThanOrEqual(55);
  });

  it('stays exact on small result sets', async () => {
    const result = await searchTenders(rt.db, { q: 'ascenseurs' });
    expect(result.total).toBe(3);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.facetsApproximate).toBe(false);
    expect(result.facets?.category).toEqual([
      { value: 'services', count: 2 },
      { value: 'works', count: 1 },
    ]);
    const rhone = await searchTenders(rt.db, { department: ['69'], category: ['works'] });
    expect(rhone.total).toBe(120);
    expect(rhone.totalIsLowerBound).toBe(false);
  });

  it('says "more than 1,000" on the page and in the API', async () => {
    const page = await new TestBrowser(app).get('/recherche?q=travaux');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Plus de 1\u202f000 consultations trouvées');
    expect(page.body).toContain('≈');
    const api = await new TestBrowser(app).get('/api/v1/search/tenders?q=travaux');
    const body = JSON.parse(api.body);
    expect(body.total).toBe(1000);
    expect(body.totalIsLowerBound).toBe(true);
    expect(body.facetsApproximate).toBe(true);
    const narrow = JSON.parse((await new TestBrowser(app).get('/api/v1/search/tenders?q=ascenseurs')).body);
    expect(narrow).toMatchObject({ total: 3, totalIsLowerBound: false, facetsApproximate: false });
  });
});
