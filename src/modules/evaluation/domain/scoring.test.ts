import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Criterion,
  type OfferToRank,
  parseAmountCents,
  parseScore,
  priceFormulas,
  priceRatio,
  rankOffers,
  type Scale,
} from './scoring.js';

const price: Criterion = { id: 'p', label: 'Prix', kind: 'price', weightBp: 6000 };
const quality: Criterion = { id: 'q', label: 'Valeur technique', kind: 'quality', weightBp: 4000 };
const scale20: Scale = { mode: 'scale', max: 20 };

const offer = (id: string, amountCents: number | null, q: number | null, position = 1): OfferToRank => ({
  submissionId: id,
  companyName: `Société ${id}`,
  registerPosition: position,
  amountCents,
  scores: { q },
});

describe('price formulas', () => {
  it('computes the three documented formulas exactly', () => {
    expect(priceRatio('proportional', 200, 100, 300)).toBe(0.5);
    expect(priceRatio('linear_min', 150, 100, 300)).toBe(0.5);
    expect(priceRatio('linear_min', 300, 100, 300)).toBe(0);
    expect(priceRatio('linear_min_max', 200, 100, 300)).toBe(0.5);
    expect(priceRatio('linear_min_max', 100, 100, 100)).toBe(1);
  });

  it('gives 1 to the lowest price, stays in [0, 1] and never rewards a higher price', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...priceFormulas),
        fc.array(fc.integer({ min: 1, max: 10_000_000_000 }), { minLength: 1, maxLength: 30 }),
        (formula, amounts) => {
          const min = Math.min(...amounts);
          const max = Math.max(...amounts);
          expect(priceRatio(formula, min, min, max)).toBe(1);
          const sorted = [...amounts].sort((a, b) => a - b);
          let previous = Number.POSITIVE_INFINITY;
          for (const a of sorted) {
            const r = priceRatio(formula, a, min, max);
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
            expect(r).toBeLessThanOrEqual(previous);
            previous = r;
          }
        },
      ),
    );
  });
});

describe('score input', () => {
  it('accepts marks in range with at most two decimals, refuses the rest', () => {
    expect(parseScore('15,5', quality, scale20)).toEqual({ ok: true, centi: 1550 });
    expect(parseScore('20', quality, scale20)).toEqual({ ok: true, centi: 2000 });
    expect(parseScore('', quality, scale20)).toEqual({ ok: true, centi: null });
    expect(parseScore('20.01', quality, scale20)).toEqual({ ok: false, problem: 'out_of_range' });
    expect(parseScore('-1', quality, scale20)).toEqual({ ok: false, problem: 'out_of_range' });
    expect(parseScore('douze', quality, scale20)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseScore('1e3', quality, scale20)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseScore('3.333', quality, scale20)).toEqual({ ok: false, problem: 'too_precise' });
    // points mode: out of the criterion's weight (40 % → 40 points)
    expect(parseScore('40', quality, { mode: 'points', max: 20 })).toEqual({ ok: true, centi: 4000 });
    expect(parseScore('40.5', quality, { mode: 'points', max: 20 })).toEqual({ ok: false, problem: 'out_of_range' });
  });

  it('reads amounts in euros into integer cents', () => {
    expect(parseAmountCents('12 345,67')).toBe(1_234_567);
    expect(parseAmountCents('1 000 €')).toBe(100_000);
    expect(parseAmountCents('12345.6')).toBe(1_234_560);
    expect(parseAmountCents('0')).toBeNull();
    expect(parseAmountCents('abc')).toBeNull();
    expect(parseAmountCents('-5')).toBeNull();
  });
});

describe('ranking', () => {
  it('weights the scores and the price, and ranks from the highest total', () => {
    const ranking = rankOffers([price, quality], scale20, 'proportional', [
      offer('a', 100_000_00, 10),
      offer('b', 80_000_00, 8_00),
      offer('c', 120_000_00, 20_00),
    ]);
    if (!ranking.complete) throw new Error('incomplete');
    // a: 60 × 0.8 + 40 × 10/2000 = 48.2 ; b: 60 + 16 = 76 ; c: 40 + 40 = 80
    expect(ranking.offers.map((o) => [o.submissionId, o.rank, o.total])).toEqual([
      ['c', 1, 80],
      ['b', 2, 76],
      ['a', 3, 48.2],
    ]);
  });

  it('reports what is missing instead of ranking', () => {
    const ranking = rankOffers([price, quality], scale20, 'proportional', [offer('a', null, 10), offer('b', 5, null)]);
    expect(ranking).toEqual({
      complete: false,
      missing: [
        { submissionId: 'a', criterionId: null },
        { submissionId: 'b', criterionId: 'q' },
      ],
    });
  });

  it('shows ties and breaks them by the lower price, then the earlier deposit', () => {
    const ranking = rankOffers([quality], scale20, 'proportional', [
      offer('late', 100, 10_00, 3),
      offer('early', 100, 10_00, 2),
      offer('cheap', 90, 10_00, 9),
    ]);
    if (!ranking.complete) throw new Error('incomplete');
    expect(ranking.offers.map((o) => [o.submissionId, o.rank, o.tied, o.tieBreak])).toEqual([
      ['cheap', 1, true, 'price'],
      ['early', 2, true, 'deposit'],
      ['late', 3, true, 'deposit'],
    ]);
  });

  const offersArb = fc
    .uniqueArray(
      fc.record({
        id: fc.uuid(),
        amount: fc.integer({ min: 1, max: 1_000_000_000 }),
        q: fc.integer({ min: 0, max: 2000 }),
        e: fc.integer({ min: 0, max: 2000 }),
      }),
      { minLength: 1, maxLength: 40, selector: (o) => o.id },
    )
    .map((xs) =>
      xs.map(
        (x, i): OfferToRank => ({
          submissionId: x.id,
          companyName: x.id,
          registerPosition: i + 1,
          amountCents: x.amount,
          scores: { q: x.q, e: x.e },
        }),
      ),
    );
  const criteria: Criterion[] = [
    { id: 'p', label: 'Prix', kind: 'price', weightBp: 5000 },
    { id: 'q', label: 'Technique', kind: 'quality', weightBp: 3500 },
    { id: 'e', label: 'Environnement', kind: 'environmental', weightBp: 1500 },
  ];

  it('is a deterministic ordering: ranks 1..n, totals in [0, 100], same result whatever the input order', () => {
    fc.assert(
      fc.property(offersArb, fc.constantFrom(...priceFormulas), fc.integer(), (offers, formula, seed) => {
        const a = rankOffers(criteria, scale20, formula, offers);
        const shuffled = [...offers].sort((x, y) => (hash(x.submissionId, seed) - hash(y.submissionId, seed)) | 0);
        const b = rankOffers(criteria, scale20, formula, shuffled);
        if (!a.complete || !b.complete) throw new Error('incomplete');
        expect(b.offers).toEqual(a.offers);
        expect(a.offers.map((o) => o.rank)).toEqual(offers.map((_, i) => i + 1));
        for (const [i, o] of a.offers.entries()) {
          expect(o.total).toBeGreaterThanOrEqual(0);
          expect(o.total).toBeLessThanOrEqual(100 + 1e-9);
          const next = a.offers[i + 1];
          if (next) expect(o.totalMicro).toBeGreaterThanOrEqual(next.totalMicro);
          expect(o.tied).toBe(a.offers.filter((x) => x.totalMicro === o.totalMicro).length > 1);
        }
      }),
    );
  });

  it('never ranks an offer lower for a better score or a lower price, all else equal', () => {
    fc.assert(
      fc.property(offersArb, fc.constantFrom(...priceFormulas), (offers, formula) => {
        const first = offers[0] as OfferToRank;
        const before = rankOffers(criteria, scale20, formula, offers);
        const improved = offers.map((o) =>
          o === first
            ? {
                ...o,
                scores: { ...o.scores, q: 2000 },
                amountCents: Math.max(1, Math.floor((o.amountCents as number) / 2)),
              }
            : o,
        );
        const after = rankOffers(criteria, scale20, formula, improved);
        if (!before.complete || !after.complete) throw new Error('incomplete');
        const rankOf = (r: typeof before, id: string) => r.offers.find((o) => o.submissionId === id)?.rank as number;
        expect(rankOf(after, first.submissionId)).toBeLessThanOrEqual(rankOf(before, first.submissionId));
      }),
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 2654435761);
  return h;
}
