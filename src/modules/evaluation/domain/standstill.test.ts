import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standstillDays, standstillEndsAt, standstillLastDay } from './standstill.js';

describe('standstill period (R2182-1)', () => {
  it('lasts 11 days for electronic letters, 16 otherwise', () => {
    expect(standstillDays(true)).toBe(11);
    expect(standstillDays(false)).toBe(16);
  });

  it('ends at midnight Paris time after the 11th day following sending', () => {
    // sent on 2 March 2026 at 15:00 Paris (14:00 UTC): days 3..13 March; signature from 14 March
    const ends = standstillEndsAt(new Date('2026-03-02T14:00:00Z'));
    expect(ends.toISOString()).toBe('2026-03-13T23:00:00.000Z');
    expect(standstillLastDay(ends)).toBe('2026-03-13');
    expect(standstillEndsAt(new Date('2026-03-02T14:00:00Z'), false).toISOString()).toBe('2026-03-18T23:00:00.000Z');
  });

  it('counts Paris calendar days across daylight saving and late-evening sending', () => {
    // 23:30 Paris on 20 March 2026 is still 20 March in Paris (22:30 UTC); summer time starts 29 March
    const ends = standstillEndsAt(new Date('2026-03-20T22:30:00Z'));
    expect(standstillLastDay(ends)).toBe('2026-03-31');
    expect(ends.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    // 00:30 Paris on 21 March is 23:30 UTC on 20 March: the Paris day counts, not the UTC one
    expect(standstillLastDay(standstillEndsAt(new Date('2026-03-20T23:30:00Z')))).toBe('2026-04-01');
  });

  it('always leaves between 11 and 12 full days, at a Paris midnight', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (sent) => {
          const ends = standstillEndsAt(sent);
          const days = (ends.getTime() - sent.getTime()) / 86_400_000;
          expect(days).toBeGreaterThan(11 - 1 / 24);
          expect(days).toBeLessThanOrEqual(12 + 1 / 24);
          const paris = new Intl.DateTimeFormat('fr-FR', {
            timeZone: 'Europe/Paris',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(ends);
          expect(paris).toBe('00:00');
        },
      ),
    );
  });
});
