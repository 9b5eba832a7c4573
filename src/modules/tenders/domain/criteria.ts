import type { CriterionKind } from '../../../platform/db/schema.js';

/** Award criteria: weights are basis points (10000 = 100 %) so that 12.5 % or 33.33 % are exact. */

export const criterionKinds: readonly CriterionKind[] = ['price', 'quality', 'environmental', 'social', 'other'];
export const fullWeight = 10_000;

/** "60", "12,5", "33.33", "12,5 %" → basis points; null when not a percentage with ≤ 2 decimals in ]0, 100]. */
export function percentToBasisPoints(text: string): number | null {
  const cleaned = text.replace(/\s|%/g, '').replace(',', '.');
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match?.[1]) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp <= fullWeight ? bp : null;
}

/** 1250 → "12,5" (fr) / "12.5" (en): no trailing zeros, as people write it. */
export function basisPointsToPercent(bp: number, locale: 'fr' | 'en'): string {
  const text = (bp / 100).toFixed(2).replace(/\.?0+$/, '');
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export function sumOfWeights(weights: readonly number[]): number {
  return weights.reduce((a, b) => a + b, 0);
}

/** The weights of one scope (common criteria, or one lot's) must add up to exactly 100 %. */
export function weightsAreComplete(weights: readonly number[]): boolean {
  return weights.length > 0 && sumOfWeights(weights) === fullWeight;
}
