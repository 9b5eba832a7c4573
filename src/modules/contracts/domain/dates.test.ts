import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, durationMonths, endDate, isIsoDate, parisToday, periodOf } from './dates.js';
import { dueReminder } from './reminders.js';

describe('contract dates', () => {
  it('ends the day before the same date N months later, clamped to the month end', () => {
    expect(endDate('2026-01-01', 12)).toBe('2026-12-31');
    expect(endDate('2026-03-15', 1)).toBe('2026-04-14');
    expect(endDate('2026-01-31', 1)).toBe('2026-02-27');
  });

  it('property: the duration of [start, endDate(start, n)] is n months', () => {
    const start = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (s, n) => {
        expect(durationMonths(s, endDate(s, n))).toBe(n);
      }),
    );
  });

  it('reads dates, quarters and Paris days', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(periodOf('2026-05-10')).toBe('2026-T2');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // 23:30 UTC on 31 December is already the next year in Paris
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('end reminders', () => {
  it('sends each threshold once, the closest to the end when several are due together', () => {
    expect(dueReminder('2027-01-31', '2026-10-01', [90, 30], [])).toEqual({ send: null, mark: [] });
    expect(dueReminder('2027-01-31', '2026-11-02', [90, 30], [])).toEqual({ send: 90, mark: [90] });
    expect(dueReminder('2027-01-31', '2026-12-01', [90, 30], [90])).toEqual({ send: null, mark: [] });
    expect(dueReminder('2027-01-31', '2027-01-05', [90, 30], [90])).toEqual({ send: 30, mark: [30] });
    expect(dueReminder('2027-01-31', '2027-01-05', [90, 30], [])).toEqual({ send: 30, mark: [30, 90] });
    // an ended contract is not reminded
    expect(dueReminder('2027-01-31', '2027-02-01', [90, 30], [])).toEqual({ send: null, mark: [] });
  });
});
