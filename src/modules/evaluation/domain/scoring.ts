import type { CriterionKind, PriceFormula, ScaleMode } from '../../../platform/db/schema.js';

/**
 * Scoring and ranking of the regular offers of one lot. Pure: no I/O.
 *
 * Every total is out of 100 points: a criterion of weight w (basis points, 10000 = 100 %) brings
 * at most w / 100 points. Non-price criteria are scored by the buyer in hundredths of a point:
 * - scale mode ('scale', max M): a mark s in [0, M] (e.g. out of 10 or 20), worth s / M × w / 100;
 * - points mode ('points'): the criterion is scored directly in points, s in [0, w / 100].
 * The price criterion is computed from the offer amounts P (integer cents, excl. VAT), Pmin and Pmax
 * being the lowest and highest amounts among the regular offers of the lot, as a ratio r in [0, 1]
 * worth r × w / 100 points:
 * - 'proportional'    r = Pmin / P                     (the lowest price gets 1; half as cheap, 1/2)
 * - 'linear_min'      r = max(0, 1 − (P − Pmin) / Pmin) (1 at Pmin, 0 at 2 × Pmin and above)
 * - 'linear_min_max'  r = (Pmax − P) / (Pmax − Pmin)    (1 at Pmin, 0 at Pmax; 1 for all when Pmin = Pmax)
 */

export interface Criterion {
  id: string;
  label: string;
  kind: CriterionKind;
  weightBp: number;
}

export interface Scale {
  mode: ScaleMode;
  /** the mark every criterion is scored out of, in scale mode */
  max: number;
}

export const priceFormulas: readonly PriceFormula[] = ['proportional', 'linear_min', 'linear_min_max'];

/** The highest score a criterion accepts, in hundredths of a point. */
export function maxScoreCenti(criterion: Criterion, scale: Scale): number {
  return scale.mode === 'points' ? criterion.weightBp : scale.max * 100;
}

export type ScoreProblem = 'not_a_number' | 'out_of_range' | 'too_precise';

/**
 * A score as typed by a person ("15", "15,5", "7.25") into hundredths of a point, checked against
 * the criterion's range [0, max]. Empty text: no score yet (null).
 */
export function parseScore(
  text: string,
  criterion: Criterion,
  scale: Scale,
): { ok: true; centi: number | null } | { ok: false; problem: ScoreProblem } {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return { ok: true, centi: null };
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, problem: 'not_a_number' };
  const [, decimals = ''] = cleaned.split('.');
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, problem: 'not_a_number' };
  if (value < 0) return { ok: false, problem: 'out_of_range' };
  if (decimals.replace(/0+$/, '').length > 2) return { ok: false, problem: 'too_precise' };
  const centi = Math.round(value * 100);
  if (centi > maxScoreCenti(criterion, scale)) return { ok: false, problem: 'out_of_range' };
  return { ok: true, centi };
}

/** An amount as typed ("12 345,67", "12345.6", "1 000 €") into integer cents; null when not one. */
export function parseAmountCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match?.[1]) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 && Number.isSafeInteger(cents) ? cents : null;
}

/** The price ratio r in [0, 1] of an amount, given the lowest and highest regular amounts. */
export function priceRatio(formula: PriceFormula, amount: number, min: number, max: number): number {
  if (amount <= 0 || min <= 0 || amount < min || amount > max) throw new RangeError('amount outside [min, max]');
  switch (formula) {
    case 'proportional':
      return min / amount;
    case 'linear_min':
      return Math.max(0, 1 - (amount - min) / min);
    case 'linear_min_max':
      return max === min ? 1 : (max - amount) / (max - min);
  }
}

export interface OfferToRank {
  submissionId: string;
  companyName: string;
  /** position in the deposits register: the earlier deposit wins a perfect tie */
  registerPosition: number;
  amountCents: number | null;
  /** criterion id → hundredths of a point (non-price criteria only); missing = not scored */
  scores: Readonly<Record<string, number | null | undefined>>;
}

export interface RankedOffer {
  submissionId: string;
  companyName: string;
  amountCents: number;
  /** criterion id → weighted points (out of the criterion's weight / 100) */
  points: Record<string, number>;
  /** out of 100 */
  total: number;
  /** total in millionths of a point: what ranking compares (no floating-point ties) */
  totalMicro: number;
  rank: number;
  /** another offer has exactly the same total: the order between them comes from the tie-break */
  tied: boolean;
  /** how a tie was broken for this offer, when tied */
  tieBreak: 'price' | 'deposit' | null;
}

export type MissingScore = { submissionId: string; criterionId: string | null };

export type Ranking = { complete: true; offers: RankedOffer[] } | { complete: false; missing: MissingScore[] };

/**
 * Ranks the regular offers of a lot. Complete only when every offer has an amount (if a criterion
 * is about price) and a score for every other criterion. Order: total (millionths of a point) from
 * highest; equal totals are tied and shown as such, then ordered deterministically by the lower
 * amount, then the earlier deposit (register position), then the submission id. Ranks are 1..n.
 */
export function rankOffers(
  criteria: readonly Criterion[],
  scale: Scale,
  formula: PriceFormula,
  offers: readonly OfferToRank[],
): Ranking {
  const missing: MissingScore[] = [];
  for (const o of offers) {
    if (o.amountCents === null || o.amountCents <= 0) missing.push({ submissionId: o.submissionId, criterionId: null });
    for (const c of criteria) {
      if (c.kind === 'price') continue;
      const s = o.scores[c.id];
      if (s === null || s === undefined) missing.push({ submissionId: o.submissionId, criterionId: c.id });
    }
  }
  if (missing.length > 0) return { complete: false, missing };
  const amounts = offers.map((o) => o.amountCents as number);
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  const scored = offers.map((o) => {
    const points: Record<string, number> = {};
    let totalMicro = 0;
    for (const c of criteria) {
      const weightPoints = c.weightBp / 100;
      let p: number;
      if (c.kind === 'price') {
        p = priceRatio(formula, o.amountCents as number, min, max) * weightPoints;
      } else {
        const s = o.scores[c.id] as number;
        p = scale.mode === 'points' ? s / 100 : (s / (scale.max * 100)) * weightPoints;
      }
      const micro = Math.round(p * 1e6);
      points[c.id] = micro / 1e6;
      totalMicro += micro;
    }
    return { o, points, totalMicro };
  });
  scored.sort(
    (a, b) =>
      b.totalMicro - a.totalMicro ||
      (a.o.amountCents as number) - (b.o.amountCents as number) ||
      a.o.registerPosition - b.o.registerPosition ||
      (a.o.submissionId < b.o.submissionId ? -1 : a.o.submissionId > b.o.submissionId ? 1 : 0),
  );
  const totals = new Map<number, number>();
  for (const s of scored) totals.set(s.totalMicro, (totals.get(s.totalMicro) ?? 0) + 1);
  const ranked = scored.map((s, i): RankedOffer => {
    const tied = (totals.get(s.totalMicro) ?? 0) > 1;
    const sameTotal = scored.filter((x) => x.totalMicro === s.totalMicro);
    const sameAmount = sameTotal.filter((x) => x.o.amountCents === s.o.amountCents).length > 1;
    return {
      submissionId: s.o.submissionId,
      companyName: s.o.companyName,
      amountCents: s.o.amountCents as number,
      points: s.points,
      total: s.totalMicro / 1e6,
      totalMicro: s.totalMicro,
      rank: i + 1,
      tied,
      tieBreak: tied ? (sameAmount ? 'deposit' : 'price') : null,
    };
  });
  return { complete: true, offers: ranked };
}
