import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndexedTender, parseTsvector, TenderMemoryIndex } from './memoryIndex.js';
import { needsPositions, parseTsquery } from './tsquery.js';

function tender(id: number, words: Record<string, number>, extra: Partial<IndexedTender> = {}): IndexedTender {
  return {
    tenderId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    publishedAt: 1_700_000_000_000 + id * 1000,
    deadline: 1_900_000_000_000 + id,
    status: 'published',
    department: '93',
    procedure: 'open',
    category: 'works',
    buyerId: null,
    buyerName: '',
    cpvDivisions: ['45'],
    socialClause: false,
    environmentalClause: false,
    reservedContract: false,
    lexemes: new Map(Object.entries(words)),
    ...extra,
  };
}

const query = (text: string | null, extra: Partial<Parameters<TenderMemoryIndex['search']>[0]> = {}) => ({
  text: text === null ? null : parseTsquery(text),
  filters: { cpv: [], department: [], procedure: [], category: [], buyer: [], clause: [], deadline: null, status: [] },
  now: 1_800_000_000_000,
  sort: 'relevance' as const,
  offset: 0,
  limit: 20,
  facets: true,
  ...extra,
});

describe('parseTsquery', () => {
  it('reads what websearch_to_tsquery prints, with its precedence', () => {
    expect(parseTsquery("'travaux' & !'peintur'")).toEqual({
      kind: 'and',
      left: { kind: 'term', lexeme: 'travaux', prefix: false },
      right: { kind: 'not', node: { kind: 'term', lexeme: 'peintur', prefix: false } },
    });
    expect(parseTsquery("'a' | 'b' & 'c'")).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(parseTsquery("'l''ecol':*")).toEqual({ kind: 'term', lexeme: "l'ecol", prefix: true });
    expect(needsPositions(parseTsquery("'group' <-> 'scolair'") as never)).toBe(true);
    expect(needsPositions(parseTsquery("( 'a' | 'b' ) & 'c'") as never)).toBe(false);
    expect(parseTsquery('')).toBeNull();
    expect(() => parseTsquery("'a' &")).toThrow();
    expect(() => parseTsquery("'a")).toThrow();
  });
});

describe('parseTsvector', () => {
  it('keeps the best weight of each lexeme', () => {
    expect(parseTsvector("'ecol':3,7A 'l''ile':2 'travaux':1B,4C 'nu'")).toEqual(
      new Map([
        ['ecol', 1],
        ["l'ile", 0.1],
        ['travaux', 0.4],
        ['nu', 0.1],
      ]),
    );
    expect(() => parseTsvector('ecol:1')).toThrow();
  });
});

describe('TenderMemoryIndex', () => {
  it('matches, excludes, ranks by weight then recency, and pages', () => {
    const index = new TenderMemoryIndex();
    index.upsert(tender(1, { travaux: 0.1, toitur: 1 }));
    index.upsert(tender(2, { travaux: 1 }));
    index.upsert(tender(3, { travaux: 1, peintur: 0.4 }));
    index.upsert(tender(4, { nettoyag: 1 }));
    const all = index.search(query("'travaux'"));
    expect(all.total).toBe(3);
    // equal weights: the newest first
    expect(all.hits.map((h) => h.tenderId.slice(-1))).toEqual(['3', '2', '1']);
    expect(index.search(query("'travaux' & !'peintur'")).hits.map((h) => h.tenderId.slice(-1))).toEqual(['2', '1']);
    expect(index.search(query("'toitur' | 'nettoyag'")).total).toBe(2);
    expect(index.search(query("'travaux'", { offset: 2, limit: 20 })).hits).toHaveLength(1);
    expect(index.search(query("'travau':*")).total).toBe(3);
  });

  it('counts each facet without its own filter, and replaces and removes documents', () => {
    const index = new TenderMemoryIndex();
    for (let i = 1; i <= 30; i++) {
      index.upsert(tender(i, { travaux: 1 }, { department: i % 3 === 0 ? '75' : '93', socialClause: i % 2 === 0 }));
    }
    const result = index.search(query("'travaux'", { filters: { ...query(null).filters, department: ['75'] } }));
    expect(result.total).toBe(10);
    const department = result.facets?.filter((f) => f.dim === 'department');
    expect(department).toEqual(
      expect.arrayContaining([
        { dim: 'department', value: '75', label: null, count: 10 },
        { dim: 'department', value: '93', label: null, count: 20 },
      ]),
    );
    expect(result.facets?.find((f) => f.dim === 'clause')).toEqual({
      dim: 'clause',
      value: 'social',
      label: null,
      count: 5,
    });

    index.upsert(tender(3, { nettoyag: 1 }, { department: '75' }));
    index.remove(tender(6, {}).tenderId);
    expect(index.size).toBe(29);
    expect(index.search(query("'travaux'")).total).toBe(28);
    index.compact();
    expect(index.search(query("'travaux'")).total).toBe(28);
    expect(index.search(query("'nettoyag'")).hits.map((h) => h.tenderId)).toEqual([tender(3, {}).tenderId]);
    expect(index.search(query(null, { sort: 'deadline', limit: 1 })).hits[0]?.tenderId).toBe(tender(1, {}).tenderId);
  });

  it('tells open, closed, awarded and cancelled apart with the clock it is given', () => {
    const index = new TenderMemoryIndex();
    index.upsert(tender(1, { a: 1 }, { deadline: 1_700_000_000_000 }));
    index.upsert(tender(2, { a: 1 }, { deadline: null }));
    index.upsert(tender(3, { a: 1 }, { status: 'awarded' }));
    index.upsert(tender(4, { a: 1 }, { status: 'cancelled' }));
    const status = index
      .search(query("'a'", { filters: { ...query(null).filters, status: ['open', 'closed', 'awarded', 'cancelled'] } }))
      .facets?.filter((f) => f.dim === 'status')
      .map((f) => [f.value, f.count]);
    expect(Object.fromEntries(status ?? [])).toEqual({ open: 1, closed: 1, awarded: 1, cancelled: 1 });
    expect(index.search(query("'a'")).total).toBe(3);
  });
});

describe('TenderMemoryIndex.corrections', () => {
  it('finds the known spellings of a mistyped stem, the most frequent first, and leaves short words alone', () => {
    const index = new TenderMemoryIndex();
    index.upsert(tender(1, { restaur: 1, scolair: 1 }));
    index.upsert(tender(2, { restaur: 1 }));
    index.upsert(tender(3, { restau: 1, champigny: 1 }));
    expect(index.corrections('restor')).toEqual(['restaur', 'restau']);
    expect(index.corrections('champigy')).toEqual(['champigny']);
    expect(index.corrections('sco')).toEqual([]);
    expect(index.corrections('zzzzzzzz')).toEqual([]);
  });
});

/**
 * The fast scan (profiles, miss tables, thresholded heap) against the definition, row by row: a
 * result passes every filter; a facet value counts the rows that pass every *other* filter; the
 * page is the best rows by the sort, ties broken by identifier.
 */
describe('TenderMemoryIndex against a brute-force reference', () => {
  const now = 1_800_000_000_000;
  const day = 86_400_000;
  const departments = ['75', '92', '93', null] as const;
  const procedures = ['open', 'adapted', 'restricted'];
  const categories = ['works', 'goods', 'services'];
  const statuses = ['published', 'closed', 'awarded', 'cancelled', 'evaluation'];
  const words = ['travaux', 'ecol', 'nettoyag', 'toitur'];
  const allStatuses = ['open', 'closed', 'awarded', 'cancelled'] as const;

  const publicStatus = (t: IndexedTender) =>
    t.status === 'published'
      ? t.deadline === null || t.deadline > now
        ? 'open'
        : 'closed'
      : t.status === 'awarded'
        ? 'awarded'
        : t.status === 'cancelled'
          ? 'cancelled'
          : 'closed';

  const arbitraryTender = (id: number) =>
    fc
      .record({
        department: fc.constantFrom(...departments),
        procedure: fc.constantFrom(...procedures),
        category: fc.constantFrom(...categories),
        status: fc.constantFrom(...statuses),
        buyer: fc.integer({ min: 0, max: 3 }),
        cpv: fc.uniqueArray(fc.constantFrom('03', '31', '45', '72', '90'), { maxLength: 3 }),
        social: fc.boolean(),
        environmental: fc.boolean(),
        reserved: fc.boolean(),
        deadlineDays: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
        published: fc.integer({ min: 0, max: 5 }),
        words: fc.dictionary(fc.constantFrom(...words), fc.constantFrom(0.1, 0.4, 1)),
      })
      .map((r) =>
        tender(id, r.words, {
          department: r.department,
          procedure: r.procedure,
          category: r.category,
          status: r.status,
          buyerId: `buyer-${r.buyer}`,
          buyerName: `Acheteur ${r.buyer}`,
          cpvDivisions: r.cpv,
          socialClause: r.social,
          environmentalClause: r.environmental,
          reservedContract: r.reserved,
          deadline: r.deadlineDays === null ? null : now + r.deadlineDays * day - 1,
          // few distinct dates: ties on the sort key must fall back to the identifier
          publishedAt: 1_700_000_000_000 + r.published * day,
        }),
      );

  const arbitraryFilters = fc.record({
    cpv: fc.uniqueArray(fc.constantFrom('03', '45', '90', '99'), { maxLength: 2 }),
    department: fc.uniqueArray(fc.constantFrom('75', '93', '01'), { maxLength: 2 }),
    procedure: fc.uniqueArray(fc.constantFrom(...procedures), { maxLength: 2 }),
    category: fc.uniqueArray(fc.constantFrom(...categories), { maxLength: 1 }),
    buyer: fc.uniqueArray(fc.constantFrom('buyer-0', 'buyer-2', 'buyer-9'), { maxLength: 2 }),
    clause: fc.uniqueArray(fc.constantFrom('social' as const, 'environmental' as const, 'reserved' as const), {
      maxLength: 2,
    }),
    deadline: fc.constantFrom(null, '7' as const, '30' as const),
    status: fc.uniqueArray(fc.constantFrom(...allStatuses), { maxLength: 2 }),
  });

  type Filters = Parameters<TenderMemoryIndex['search']>[0]['filters'];
  const passes = (t: IndexedTender, f: Filters, skip: string | null): boolean => {
    const checks: Record<string, () => boolean> = {
      cpv: () => f.cpv.length === 0 || t.cpvDivisions.some((d) => f.cpv.includes(d)),
      department: () => f.department.length === 0 || (t.department !== null && f.department.includes(t.department)),
      procedure: () => f.procedure.length === 0 || f.procedure.includes(t.procedure),
      category: () => f.category.length === 0 || f.category.includes(t.category),
      buyer: () => f.buyer.length === 0 || (t.buyerId !== null && f.buyer.includes(t.buyerId)),
      clause: () =>
        f.clause.length === 0 ||
        (f.clause.includes('social') && t.socialClause) ||
        (f.clause.includes('environmental') && t.environmentalClause) ||
        (f.clause.includes('reserved') && t.reservedContract),
      deadline: () =>
        f.deadline === null ||
        (t.deadline !== null && t.deadline > now && t.deadline <= now + Number(f.deadline) * day),
      status: () => (f.status.length > 0 ? f.status : ['open', 'closed', 'awarded']).includes(publicStatus(t)),
    };
    return Object.entries(checks).every(([dim, check]) => dim === skip || check());
  };

  const referenceFacets = (docs: IndexedTender[], f: Filters) => {
    const counts = new Map<string, number>();
    const add = (dim: string, value: string) => counts.set(`${dim}=${value}`, (counts.get(`${dim}=${value}`) ?? 0) + 1);
    for (const t of docs) {
      if (passes(t, f, 'cpv')) for (const d of t.cpvDivisions) add('cpv', d);
      if (passes(t, f, 'department') && t.department !== null) add('department', t.department);
      if (passes(t, f, 'procedure')) add('procedure', t.procedure);
      if (passes(t, f, 'category')) add('category', t.category);
      if (passes(t, f, 'buyer') && t.buyerId !== null) add('buyer', t.buyerId);
      if (passes(t, f, 'clause')) {
        if (t.socialClause) add('clause', 'social');
        if (t.environmentalClause) add('clause', 'environmental');
        if (t.reservedContract) add('clause', 'reserved');
      }
      if (passes(t, f, 'deadline') && t.deadline !== null && t.deadline > now) {
        if (t.deadline <= now + 7 * day) add('deadline', '7');
        if (t.deadline <= now + 30 * day) add('deadline', '30');
      }
      if (passes(t, f, 'status')) add('status', publicStatus(t));
    }
    return counts;
  };

  it('finds the same rows, page and facet counts', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 300 })
          .chain((size) =>
            fc.tuple(
              fc.tuple(...Array.from({ length: size }, (_, i) => arbitraryTender(i + 1))),
              arbitraryFilters,
              fc.constantFrom(null, 'travaux', 'ecol'),
              fc.constantFrom('relevance' as const, 'deadline' as const, 'published' as const),
              fc.integer({ min: 0, max: 3 }),
              fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 10 }),
            ),
          ),
        ([docs, filters, word, sort, page, removed]) => {
          const index = new TenderMemoryIndex();
          for (const d of docs) index.upsert(d);
          // replaced and removed documents leave dead slots the scan must skip
          for (const d of docs.slice(0, 5)) index.upsert(d);
          for (const r of removed) index.remove(tender(r, {}).tenderId);
          // and compaction renumbers every slot
          if (removed.length % 2 === 1) index.compact();
          const live = docs.filter((d) => !removed.includes(Number(d.tenderId.slice(-12))));
          const matching = live.filter((d) => word === null || d.lexemes.has(word));
          const result = index.search({
            text: word === null ? null : parseTsquery(`'${word}'`),
            filters,
            now,
            sort,
            offset: page * 5,
            limit: 5,
            facets: true,
          });
          const found = matching.filter((d) => passes(d, filters, null));
          expect(result.total).toBe(found.length);
          const score = (d: IndexedTender) => (word === null ? 0 : Math.fround(d.lexemes.get(word) ?? 0));
          const order = [...found].sort((a, b) => {
            if (sort === 'deadline') {
              if ((a.deadline === null) !== (b.deadline === null)) return a.deadline === null ? 1 : -1;
              if (a.deadline !== b.deadline && a.deadline !== null && b.deadline !== null)
                return a.deadline - b.deadline;
              return a.tenderId < b.tenderId ? -1 : 1;
            }
            const byScore = sort === 'relevance' ? score(b) - score(a) : 0;
            return byScore || b.publishedAt - a.publishedAt || (a.tenderId < b.tenderId ? 1 : -1);
          });
          expect(result.hits.map((h) => h.tenderId)).toEqual(
            order.slice(page * 5, page * 5 + 5).map((d) => d.tenderId),
          );
          const facets = new Map(
            (result.facets ?? []).map((f) => [`${f.dim}=${f.value}`, f.count] as [string, number]),
          );
          expect(facets).toEqual(referenceFacets(matching, filters));
        },
      ),
      { numRuns: 300 },
    );
  });
});
