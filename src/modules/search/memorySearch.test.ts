import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/support/runtime.js';
import type { Runtime } from '../../platform/runtime.js';
import type { SearchInput } from './domain/query.js';
import { memorySearchFor, startMemorySearch } from './memorySearch.js';
import { searchTenders } from './searchTenders.js';

let rt: Runtime;
let stop: () => void;

const words = ['Travaux de voirie', 'Nettoyage des locaux', 'Réfection de la toiture', 'Maintenance des ascenseurs'];
const places = ['de l’école Jean-Jaurès', 'du gymnase', 'de la médiathèque', 'des écoles maternelles'];

beforeAll(async () => {
  rt = await createTestRuntime();
  // 1,500 tenders straight in the index, varied on every facet, some without deadline, some cancelled
  await sql`
    INSERT INTO search_documents (tender_id, reference, title, description, lots_text, cpv_codes, cpv_divisions,
      buyer_id, buyer_name, department, procedure_type, main_category, social_clause, environmental_clause,
      reserved_contract, status, published_at, submission_deadline)
    SELECT gen_random_uuid(), 'MEM-' || i,
      (${words}::text[])[1 + i % 4] || ' ' || (${places}::text[])[1 + (i / 4) % 4] || ' ' || i,
      CASE WHEN i % 5 = 0 THEN 'Désamiantage préalable des locaux' ELSE 'Consultation de travaux' END,
      CASE WHEN i % 7 = 0 THEN 'Lot 1 : peinture' ELSE '' END,
      ARRAY['45000000'], CASE WHEN i % 3 = 0 THEN ARRAY['45', '90'] ELSE ARRAY['45'] END,
      ('00000000-0000-0000-0000-00000000000' || (i % 6))::uuid, 'Ville ' || (i % 6),
      (ARRAY['93', '75', '92', '2A'])[1 + i % 4], (ARRAY['open', 'adapted', 'restricted'])[1 + i % 3],
      (ARRAY['works', 'services', 'goods'])[1 + i % 3], i % 2 = 0, i % 5 = 0, i % 11 = 0,
      (ARRAY['published', 'published', 'published', 'closed', 'awarded', 'cancelled'])[1 + i % 6],
      now() - make_interval(mins => i),
      CASE WHEN i % 13 = 0 THEN NULL ELSE now() + make_interval(days => (i % 60) - 10) END
    FROM generate_series(1, 1500) AS i`.execute(rt.db);
  ({ stop } = await startMemorySearch(rt.db));
});

afterAll(async () => {
  stop?.();
  await rt?.close();
});

/** PostgreSQL alone answers inside a transaction: the in-memory index is for the web process's own handle. */
async function inPostgres(input: SearchInput, now: Date) {
  return rt.db.transaction().execute((trx) => searchTenders(trx, input, { now }));
}

const cases: SearchInput[] = [
  { q: 'désamiantage' },
  { q: 'desamiantage', department: ['93'] },
  { q: 'école', status: ['open'] },
  { q: 'écoles -maternelles' },
  { q: 'nettoyage or ascenseurs', category: ['services'] },
  { q: 'peinture', clause: ['environmental'] },
  { q: 'toiture', deadline: '30', sort: 'deadline' },
  { q: 'ville 3' },
  { q: 'gymnase', cpv: ['90'], procedure: ['adapted'], sort: 'published' },
  { status: ['cancelled'], sort: 'deadline' },
  { department: ['2A'], clause: ['reserved'] },
  { buyer: ['00000000-0000-0000-0000-000000000002'], status: ['closed', 'awarded'] },
];

describe('the in-memory index of a web process', () => {
  it('is attached to the process’s database handle once loaded', () => {
    const memory = memorySearchFor(rt.db);
    expect(memory?.ready).toBe(true);
    expect(memory?.index.size).toBe(1500);
  });

  it('gives the same totals, facet counts and pages as PostgreSQL', async () => {
    const now = new Date();
    for (const input of cases) {
      const expected = await inPostgres(input, now);
      const actual = await searchTenders(rt.db, input, { now });
      expect(expected.totalIsLowerBound, JSON.stringify(input)).toBe(false);
      expect(actual.total, JSON.stringify(input)).toBe(expected.total);
      // PostgreSQL counts facets over a sample when more than 1,000 rows take part: compare exact ones only
      if (!expected.facetsApproximate) expect(actual.facets, JSON.stringify(input)).toEqual(expected.facets);
      const ids = (r: typeof actual) => r.items.map((h) => h.tenderId);
      if (input.sort === 'deadline' || input.sort === 'published' || !input.q) {
        expect(ids(actual), JSON.stringify(input)).toEqual(ids(expected));
      } else {
        // relevance: the same best matches, ranked by the index's own weights
        expect(new Set(ids(actual)).size).toBe(actual.items.length);
        expect(actual.items.length).toBe(expected.items.length);
      }
    }
  });

  it('counts broad matches exactly where PostgreSQL stops at the cap', async () => {
    const [row] = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents
        WHERE document @@ websearch_to_tsquery('french_unaccent', 'travaux')`.execute(rt.db)
    ).rows;
    expect(row?.n).toBeGreaterThan(1000);
    const result = await searchTenders(rt.db, { q: 'travaux', status: ['open', 'closed', 'awarded', 'cancelled'] });
    expect(result.total).toBe(row?.n);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.facetsApproximate).toBe(false);
    expect(result.facets?.status.reduce((n, f) => n + f.count, 0)).toBe(row?.n);
    const capped = await inPostgres({ q: 'travaux', status: ['open', 'closed', 'awarded', 'cancelled'] }, new Date());
    expect(capped.totalIsLowerBound).toBe(true);
  });

  it('follows every write to the index, by whoever, at the next search', async () => {
    const id = '10000000-0000-4000-8000-000000000001';
    await sql`INSERT INTO search_documents (tender_id, reference, title, procedure_type, main_category, status,
      published_at, submission_deadline)
      VALUES (${id}, 'MEM-X', 'Acquisition de défibrillateurs', 'open', 'goods', 'published', now(),
        now() + interval '20 days')`.execute(rt.db);
    const found = await searchTenders(rt.db, { q: 'défibrillateur' });
    expect(found.items.map((h) => h.tenderId)).toEqual([id]);
    expect(found.fuzzy).toBe(false);

    await sql`UPDATE search_documents SET title = 'Acquisition de tensiomètres' WHERE tender_id = ${id}`.execute(rt.db);
    expect((await searchTenders(rt.db, { q: 'tensiomètres' })).items.map((h) => h.tenderId)).toEqual([id]);
    expect((await searchTenders(rt.db, { q: 'défibrillateur' })).items).toEqual([]);

    await sql`DELETE FROM search_documents WHERE tender_id = ${id}`.execute(rt.db);
    expect((await searchTenders(rt.db, { q: 'tensiomètres' })).total).toBe(0);
    expect(memorySearchFor(rt.db)?.index.has(id)).toBe(false);
  });

  it('leaves phrases and typos to PostgreSQL, which knows word positions and trigrams', async () => {
    const phrase = await searchTenders(rt.db, { q: '"réfection de la toiture"' });
    expect(phrase.total).toBe(375);
  });

  it('widens a mistyped rare word to its known spellings, and marks what it found', async () => {
    const exact = await searchTenders(rt.db, { q: 'ascenseurs', status: ['open', 'closed', 'awarded', 'cancelled'] });
    const typo = await searchTenders(rt.db, { q: 'ascensseurs', status: ['open', 'closed', 'awarded', 'cancelled'] });
    expect(exact.total).toBe(375);
    expect(typo.fuzzy).toBe(true);
    expect(typo.total).toBe(exact.total);
    expect(typo.items[0]?.titleSegments.some((seg) => seg.highlighted && /ascenseurs/i.test(seg.text))).toBe(true);
    // an excluded word is never widened, and a word that is not there at all finds nothing
    expect((await searchTenders(rt.db, { q: 'zzyzzyva' })).total).toBe(0);
  });
});
