import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, percentToBasisPoints, weightsAreComplete } from './criteria.js';
import { centsToInput, eurosToCents, formatEuros } from './money.js';

describe('criteria weights', () => {
  it('reads percentages with decimals into basis points', () => {
    expect(percentToBasisPoints('60')).toBe(6000);
    expect(percentToBasisPoints('12,5')).toBe(1250);
    expect(percentToBasisPoints('33.33 %')).toBe(3333);
    expect(percentToBasisPoints('100')).toBe(10000);
    for (const bad of ['0', '100.01', '12.345', '-5', 'abc', '']) expect(percentToBasisPoints(bad)).toBeNull();
  });

  it('writes them back as people do, and sums exactly', () => {
    expect(basisPointsToPercent(1250, 'fr')).toBe('12,5');
    expect(basisPointsToPercent(6000, 'en')).toBe('60');
    expect(weightsAreComplete([3333, 3333, 3334])).toBe(true);
    expect(weightsAreComplete([6000, 3000])).toBe(false);
    expect(weightsAreComplete([])).toBe(false);
  });
});

describe('money', () => {
  it('reads euros typed the French or English way into cents', () => {
    expect(eurosToCents('1 850 000')).toBe(185_000_000);
    expect(eurosToCents('1 850 000,50 €')).toBe(185_000_050);
    expect(eurosToCents('1,850,000.50')).toBe(185_000_050);
    expect(eurosToCents('1.850.000,5')).toBe(185_000_050);
    expect(eurosToCents('12500.5')).toBe(1_250_050);
    // a comma before exactly three digits is an English thousands separator
    expect(eurosToCents('12,345')).toBe(1_234_500);
    for (const bad of ['', 'douze', '12,3456', '-5', '1e6', '12.345,678']) expect(eurosToCents(bad)).toBeNull();
  });

  it('formats cents', () => {
    expect(formatEuros(185_000_000, 'fr').replace(/\s/g, ' ')).toBe('1 850 000 €');
    expect(centsToInput(185_000_050, 'fr')).toBe('1850000,50');
  });
});
