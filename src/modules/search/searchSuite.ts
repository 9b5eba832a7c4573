import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { searchReindexCommand } from '../../cli/searchReindex.js';
import { nextReference } from '../../platform/db/references.js';
import type { MainCategory, ProcedureType, TenderStatus } from '../../platform/db/schema.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { type NormalisedInput, statusValues } from './domain/query.js';
import { indexTender } from './indexTenders.js';
import { searchTenders } from './searchTenders.js';

/**
 * The search behaviour, asserted on both ways of answering: PostgreSQL alone, and the in-memory
 * index of the web process (`memorySearch.ts`), which must give the same results and counts.
 * `search.test.ts` and `search.memory.test.ts` run it.
 */
export function searchSuite(options: { memory: boolean }): void {
  const day = 24 * 3600 * 1000;
  let rt: Runtime;
  let app: FastifyInstance;
  let montreuil: { id: string };
  let lyon: { id: string };

  interface TenderValues {
    buyerId: string;
    title: string;
    description?: string;
    status?: TenderStatus;
    department?: string;
    procedure?: ProcedureType;
    category?: MainCategory;
    cpv?: string[];
    deadlineInDays?: number;
    social?: boolean;
    environmental?: boolean;
    reserved?: boolean;
    lotTitle?: string;
  }

  /** A tender straight in the database, then indexed as the event subscriber does. */
  async function addTender(v: TenderValues): Promise<{ id: string; reference: string }> {
    const id = uuidv7();
    const status = v.status ?? 'published';
    const reference = await rt.db.transaction().execute(async (trx) => {
      const ref = await nextReference(trx, 'tender');
      await trx
        .insertInto('tenders')
        .values({
          id,
          reference: ref,
          buyer_id: v.buyerId,
          status,
          title: v.title,
          description: v.description ?? '',
          procedure_type: v.procedure ?? 'open',
          main_category: v.category ?? 'works',
          cpv_codes: v.cpv ?? ['45000000'],
          department: v.department ?? '93',
          submission_deadline: new Date(Date.now() + (v.deadlineInDays ?? 40) * day),
          social_clause_insertion: v.social ?? false,
          environmental_clause: v.environmental ?? false,
          reserved_contract: v.reserved ? 'siae' : null,
          published_at: status === 'draft' ? null : new Date(Date.now() - 3600_000),
        })
        .execute();
      await trx
        .insertInto('lots')
        .values({ id: uuidv7(), tender_id: id, number: 1, title: v.lotTitle ?? 'Lot unique', cpv_codes: [] })
        .execute();
      return ref;
    });
    await indexTender(rt.db, id);
    return { id, reference };
  }

  beforeAll(async () => {
    rt = await createTestRuntime({ SEARCH_MEMORY_INDEX: options.memory ? '1' : '0' });
    app = await buildServer(rt);
    montreuil = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
    lyon = await createOrganisation(rt, { kind: 'buyer', name: 'Métropole de Lyon' });
    await addTender({
      buyerId: montreuil.id,
      title: 'Réfection de la toiture du gymnase',
      department: '93',
      social: true,
    });
    await addTender({
      buyerId: montreuil.id,
      title: 'Construction de l’École maternelle Paul-Éluard',
      description: 'Travaux de gros œuvre et de second œuvre pour une école de huit classes.',
      department: '93',
      procedure: 'restricted',
      environmental: true,
      deadlineInDays: 5,
    });
    await addTender({
      buyerId: lyon.id,
      title: 'Nettoyage des locaux administratifs',
      category: 'services',
      cpv: ['90910000'],
      department: '69',
      procedure: 'adapted',
      reserved: true,
      deadlineInDays: 20,
      lotTitle: 'Vitrerie des bâtiments',
    });
    await addTender({
      buyerId: lyon.id,
      title: 'Fourniture de denrées alimentaires bio pour les écoles',
      category: 'goods',
      cpv: ['15000000'],
      department: '69',
      environmental: true,
      social: true,
    });
    await addTender({ buyerId: lyon.id, title: 'Entretien des espaces verts', status: 'awarded', department: '69' });
    await addTender({ buyerId: lyon.id, title: 'Maintenance des ascenseurs', status: 'closed', department: '69' });
  });

  afterAll(async () => {
    await app?.close();
    await rt?.close();
  });

  describe('searchTenders', () => {
    it('stems French words: réfections finds a réfection, and the match is highlighted in the title', async () => {
      const result = await searchTenders(rt.db, { q: 'réfections' });
      expect(result.items.map((h) => h.title)).toEqual(['Réfection de la toiture du gymnase']);
      expect(result.items[0]?.titleSegments).toContainEqual({ text: 'Réfection', highlighted: true });
      expect(result.fuzzy).toBe(false);
    });

    it('ignores accents and case: ecole, ÉCOLE and École give the same tenders', async () => {
      const titles = async (q: string) => (await searchTenders(rt.db, { q })).items.map((h) => h.title).sort();
      const expected = await titles('École');
      expect(expected).toEqual([
        'Construction de l’École maternelle Paul-Éluard',
        'Fourniture de denrées alimentaires bio pour les écoles',
      ]);
      expect(await titles('ecole')).toEqual(expected);
      expect(await titles('ÉCOLE')).toEqual(expected);
    });

    it('searches lots and the buyer, ranks the title first, and handles quotes and minus', async () => {
      expect((await searchTenders(rt.db, { q: 'vitrerie' })).items.map((h) => h.title)).toEqual([
        'Nettoyage des locaux administratifs',
      ]);
      expect((await searchTenders(rt.db, { q: 'lyon' })).total).toBe(4);
      expect((await searchTenders(rt.db, { q: '"espaces verts"' })).total).toBe(1);
      const minus = await searchTenders(rt.db, { q: 'école -maternelle' });
      expect(minus.items.map((h) => h.title)).toEqual(['Fourniture de denrées alimentaires bio pour les écoles']);
    });

    it('tolerates typos in buyer names through trigrams, and suggests buyers when nothing matches', async () => {
      const result = await searchTenders(rt.db, { q: 'Montreuill' });
      expect(result.fuzzy).toBe(true);
      expect(result.total).toBe(2);
      expect(new Set(result.items.map((h) => h.buyerName))).toEqual(new Set(['Ville de Montreuil']));
      const none = await searchTenders(rt.db, { q: 'Montreul', status: ['cancelled'] });
      expect(none.total).toBe(0);
      expect(none.suggestions).toContain('Ville de Montreuil');
    });

    it('counts each facet value exactly as many results as that filter gives', async () => {
      const base = { q: '' };
      const all = await searchTenders(rt.db, { ...base, status: [...statusValues] });
      const facets = all.facets;
      if (!facets) throw new Error('facets expected');
      const checks: [keyof NormalisedInput, { value: string; count: number }[]][] = [
        ['cpv', facets.cpv],
        ['department', facets.department],
        ['procedure', facets.procedure],
        ['category', facets.category],
        ['buyer', facets.buyer],
        ['clause', facets.clause],
        ['status', facets.status],
      ];
      let checked = 0;
      for (const [name, values] of checks) {
        for (const v of values) {
          const filtered = await searchTenders(rt.db, { status: [...statusValues], [name]: [v.value] });
          expect(filtered.total, `${name}=${v.value}`).toBe(v.count);
          checked++;
        }
      }
      for (const v of facets.deadline) {
        const filtered = await searchTenders(rt.db, { status: [...statusValues], deadline: v.value });
        expect(filtered.total, `deadline=${v.value}`).toBe(v.count);
      }
      expect(checked).toBeGreaterThan(10);
      expect(facets.deadline).toEqual([
        { value: '7', count: 1 },
        { value: '30', count: 2 },
      ]);
      // with a filter on, the other facets follow it, and its own facet still shows every value
      const in69 = await searchTenders(rt.db, { department: ['69'] });
      expect(in69.total).toBe(4);
      expect(in69.facets?.department.map((d) => d.value).sort()).toEqual(['69', '93']);
      expect(in69.facets?.category.reduce((n, c) => n + c.count, 0)).toBe(4);
    });

    it('never shows drafts; shows cancelled tenders only when asked for', async () => {
      const draft = await addTender({ buyerId: lyon.id, title: 'Projet confidentiel zirconium', status: 'draft' });
      expect((await searchTenders(rt.db, { q: 'zirconium', status: [...statusValues] })).total).toBe(0);
      expect(await rt.db.selectFrom('search_documents').where('tender_id', '=', draft.id).execute()).toHaveLength(0);

      await addTender({ buyerId: lyon.id, title: 'Marché annulé de molybdène', status: 'cancelled' });
      expect((await searchTenders(rt.db, { q: 'molybdène' })).total).toBe(0);
      expect((await searchTenders(rt.db, { q: 'molybdène', status: ['open', 'closed', 'awarded'] })).total).toBe(0);
      const cancelled = await searchTenders(rt.db, { q: 'molybdène', status: ['cancelled'] });
      expect(cancelled.items.map((h) => h.publicStatus)).toEqual(['cancelled']);
    });

    it('sorts by deadline and by publication date, and pages by 20', async () => {
      const byDeadline = await searchTenders(rt.db, { sort: 'deadline', status: ['open'] });
      const deadlines = byDeadline.items.map((h) => h.submissionDeadline?.getTime() ?? 0);
      expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
      expect(byDeadline.items[0]?.title).toBe('Construction de l’École maternelle Paul-Éluard');
      const far = await searchTenders(rt.db, { page: 999 });
      expect(far.page).toBe(500);
      expect(far.items).toEqual([]);
    });
  });

  describe('/recherche and /api/v1/search/tenders', () => {
    it('shows results with buyer, status, deadline and escaped highlighted excerpts', async () => {
      await addTender({
        buyerId: montreuil.id,
        title: 'Mission de contrôle technique',
        description: 'Le bureau <script>alert("x")</script> assure le contrôle technique des ouvrages.',
      });
      const res = await new TestBrowser(app).get('/recherche?q=contr%C3%B4le');
      expect(res.statusCode).toBe(200);
      // ts_headline drops what looks like markup; the rest is text, escaped, matches inside <mark>
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).toContain('alert(&quot;x&quot;)');
      expect(res.body).toContain('<mark>contrôle</mark>');
      // without keywords the excerpt is the raw description, escaped by the page
      const plain = await new TestBrowser(app).get(`/recherche?buyer=${montreuil.id}`);
      expect(plain.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
      expect(plain.body).not.toContain('<script>alert');
      expect(res.body).toContain('Ville de Montreuil');
      expect(res.body).toContain('/consultations/');
      expect(res.body).toContain('En cours');
    });

    it('lands on the latest open tenders with their count, and keeps filters in a shareable URL', async () => {
      const landing = await new TestBrowser(app).get('/recherche');
      expect(landing.statusCode).toBe(200);
      expect(landing.body).toContain('consultations en cours sur la plateforme');
      expect(landing.body).not.toContain('Entretien des espaces verts');
      const filtered = await new TestBrowser(app).get('/recherche?q=nettoyage&department=69&category=services');
      expect(filtered.body).toContain('<mark>Nettoyage</mark> des locaux administratifs');
      expect(filtered.body).toMatch(/name="department" value="69" checked/);
      const empty = await new TestBrowser(app).get('/recherche?q=hippopotame&department=93');
      expect(empty.body).toContain('Aucun résultat');
      expect(empty.body).toContain('retirez des filtres');
    });

    it('answers 200 to bad input on the page and the API', async () => {
      const long = 'travaux '.repeat(700);
      const inputs = [
        'q=%22toiture',
        'q=-',
        'q=%22%22%22',
        `q=${encodeURIComponent(long)}`,
        `q=${encodeURIComponent('🚧 école 🏫')}`,
        `q=${encodeURIComponent("'; DROP TABLE tenders; --")}`,
        `q=${encodeURIComponent('100% _ & | ! :* <->')}`,
        'q=%00%01%1F',
        `q=${encodeURIComponent('!!!???')}`,
        'department=xx&cpv=abc&procedure=bogus&status=nope&sort=weird&page=-3&deadline=9&buyer=not-a-uuid',
        'q=a&q=b&page=abc&clause[]=x',
      ];
      for (const input of inputs) {
        const page = await new TestBrowser(app).get(`/recherche?${input}`);
        expect(page.statusCode, input).toBe(200);
        const api = await new TestBrowser(app).get(`/api/v1/search/tenders?${input}`);
        expect(api.statusCode, input).toBe(200);
      }
      const truncated = await new TestBrowser(app).get(`/recherche?q=${encodeURIComponent(long)}`);
      expect(truncated.body).toContain('raccourcie à 200 caractères');
      expect(await rt.db.selectFrom('tenders').select('id').execute()).not.toHaveLength(0);
    });

    it('gives results, facets and total as JSON', async () => {
      const res = await new TestBrowser(app).get('/api/v1/search/tenders?q=toiture&department=93');
      expect(res.statusCode).toBe(200);
      const body = JSON.parse(res.body);
      expect(body.total).toBe(1);
      expect(body.items[0].title).toBe('Réfection de la toiture du gymnase');
      expect(body.items[0].status).toBe('open');
      expect(body.facets.department).toContainEqual({ value: '93', label: expect.any(String), count: 1 });
    });
  });

  describe('search:reindex', () => {
    it('rebuilds the index from the public tenders, drafts left out', async () => {
      await rt.db.deleteFrom('search_documents').execute();
      await rt.db
        .insertInto('search_documents')
        .values({
          tender_id: uuidv7(),
          reference: '2020-0001',
          title: 'Entrée obsolète',
          procedure_type: 'open',
          main_category: 'works',
          status: 'published',
          published_at: new Date(),
        })
        .execute();
      const out: string[] = [];
      await searchReindexCommand({ rt, out: (text) => out.push(text) }, []);
      const publicCount = await rt.db
        .selectFrom('tenders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '<>', 'draft')
        .executeTakeFirstOrThrow();
      const indexed = await rt.db
        .selectFrom('search_documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(indexed.n)).toBe(Number(publicCount.n));
      expect(out.join('')).toContain(`${publicCount.n} tender(s) indexed, 1 stale`);
      expect((await searchTenders(rt.db, { q: 'réfection' })).total).toBe(1);
    });
  });
}
