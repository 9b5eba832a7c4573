import { describe, expect, it } from 'vitest';
import {
  formatParisDateTime,
  ParisTimeError,
  parisLocalToUtc,
  toParisInputs,
  tryParisLocalToUtc,
} from './paris-time.js';

describe('parisLocalToUtc', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(parisLocalToUtc('2026-12-15', '12:00').toISOString()).toBe('2026-12-15T11:00:00.000Z');
    expect(parisLocalToUtc('2026-07-14', '12:00').toISOString()).toBe('2026-07-14T10:00:00.000Z');
  });

  it('handles the night of the autumn change (25 October 2026)', () => {
    expect(parisLocalToUtc('2026-10-25', '01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    // 02:30 happens twice (CEST then CET): the first occurrence is chosen.
    expect(parisLocalToUtc('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parisLocalToUtc('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(parisLocalToUtc('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('handles the night of the spring change (29 March 2026) and rejects the skipped hour', () => {
    expect(parisLocalToUtc('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(parisLocalToUtc('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(() => parisLocalToUtc('2026-03-29', '02:30')).toThrow(ParisTimeError);
    expect(tryParisLocalToUtc('2026-03-29', '02:00')).toEqual({ ok: false, reason: 'nonexistent_time' });
  });

  it('rejects malformed or impossible dates and times', () => {
    expect(tryParisLocalToUtc('2026-02-30', '12:00')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(tryParisLocalToUtc('15/12/2026', '12:00')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(tryParisLocalToUtc('2026-12-15', '24:00')).toEqual({ ok: false, reason: 'invalid_time' });
    expect(tryParisLocalToUtc('2026-12-15', '12h00')).toEqual({ ok: false, reason: 'invalid_time' });
  });
});

describe('toParisInputs', () => {
  it('gives back the Paris wall clock, also on both sides of the DST changes', () => {
    expect(toParisInputs(new Date('2026-12-15T11:00:00Z'))).toEqual({ date: '2026-12-15', time: '12:00' });
    expect(toParisInputs(new Date('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(toParisInputs(new Date('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(toParisInputs(new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '03:00' });
    expect(toParisInputs(new Date('2026-06-30T22:30:00Z'))).toEqual({ date: '2026-07-01', time: '00:30' });
  });

  it('round-trips with parisLocalToUtc for every half hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const instant = new Date(t);
      const { date, time } = toParisInputs(instant);
      const back = parisLocalToUtc(date, time);
      // Only the second occurrence of the repeated autumn hour maps back one hour earlier.
      expect([0, 3_600_000]).toContain(t - back.getTime());
      if (t - back.getTime() !== 0) expect(date).toBe('2026-10-25');
    }
  });
});

describe('formatParisDateTime', () => {
  it('shows the time zone', () => {
    const instant = parisLocalToUtc('2026-12-15', '12:00');
    expect(formatParisDateTime(instant, 'fr')).toBe('15 décembre 2026 à 12:00 (heure de Paris)');
    expect(formatParisDateTime(instant, 'en')).toBe('15 December 2026 at 12:00 (Paris time)');
  });
});
