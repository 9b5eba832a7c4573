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
