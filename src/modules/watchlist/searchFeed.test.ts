import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { indexTender } from '../search/index.js';
import { searchInputOf } from './searchFeed.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('search feed (Atom)', () => {
  it('reads the query string of /recherche, repeated values included', () => {
    const input = searchInputOf(new URLSearchParams('q=toiture&department=93&department=75&deadline=30'));
    expect(input).toMatchObject({ q: 'toiture', department: ['93', '75'], deadline: '30', sort: 'published' });
    expect(input.facets).toBe(false);
  });

  it('lists the matching published tenders, never drafts, as well-formed escaped Atom', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil & <Co>' });
    const roof = await createTender(rt, {
      buyerId: buyer.id,
      status: 'published',
      title: 'Réfection des toitures "terrasses" de l’école',
      submissionDeadline: new Date('2027-02-10T11:00:00Z'),
    });
    const other = await createTender(rt, { buyerId: buyer.id, status: 'published', title: 'Fourniture de papier' });
    const draft = await createTender(rt, {
      buyerId: buyer.id,
      status: 'draft',
      title: 'Réfection des toitures du stade',
    });
    for (const t of [roof, other, draft]) await indexTender(rt.db, t.id);

    const res = await new TestBrowser(app).get('/recherche/flux.atom?q=toitures&sort=published');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = res.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(xml).toContain(`<id>urn:uuid:${roof.id}</id>`);
    expect(xml).toContain(`/consultations/${roof.reference}"/>`);
    expect(xml).toContain('Réfection des toitures &quot;terrasses&quot; de l’école');
    expect(xml).toContain('Acheteur : Ville de Montreuil &amp; &lt;Co&gt;. Date limite de remise : 10 février 2027');
    expect(xml).not.toContain(other.id);
    expect(xml).not.toContain(draft.id);
    expect(xml).not.toContain('<Co>');
    expect(xml).toContain(`href="${rt.config.publicUrl}/recherche/flux.atom?q=toitures&amp;sort=published"`);
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml.match(/<\/entry>/g)).toHaveLength(1);
  });

  it('answers a feed, not an error, for hostile input', async () => {
    const browser = new TestBrowser(app);
    for (const q of ['"unbalanced', '-', 'x'.repeat(5000), '😀', "'; DROP TABLE tenders; --"]) {
      const res = await browser.get(`/recherche/flux.atom?q=${encodeURIComponent(q)}&page=999999&status=nope`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('</feed>');
    }
  });
});
