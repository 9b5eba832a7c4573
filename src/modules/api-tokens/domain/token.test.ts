import { describe, expect, it } from 'vitest';
import { endOfParisDay, formatToken, isUuid, looksLikeToken, tokenStatus, visiblePrefix } from './token.js';

describe('token format', () => {
  it('recognises only well-formed tokens', () => {
    const token = formatToken('AbCd-_12', 'x'.repeat(43));
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken(`${token}x`)).toBe(false);
    expect(looksLikeToken(token.replace('halle_', 'halla_'))).toBe(false);
    expect(looksLikeToken(formatToken('short', 'x'.repeat(43)))).toBe(false);
    expect(looksLikeToken(formatToken('AbCd-_12', `${'x'.repeat(42)}!`))).toBe(false);
    expect(visiblePrefix('AbCd-_12')).toBe('halle_AbCd-_12_…');
  });

  it('tells active, revoked and expired tokens apart', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(tokenStatus({ revoked_at: null, expires_at: null }, now)).toBe('active');
    expect(tokenStatus({ revoked_at: null, expires_at: new Date('2026-05-01T12:00:01Z') }, now)).toBe('active');
    expect(tokenStatus({ revoked_at: null, expires_at: now }, now)).toBe('expired');
    expect(tokenStatus({ revoked_at: now, expires_at: null }, now)).toBe('revoked');
  });

  it('checks identifiers before they reach the database', () => {
    expect(isUuid('01a222ae-d683-7409-84d1-d32c9417193b')).toBe(true);
    expect(isUuid('01a222ae-d683-7409-84d1-d32c9417193')).toBe(false);
    expect(isUuid("1' OR 1=1")).toBe(false);
  });
});

describe('endOfParisDay', () => {
  it('ends the day at 23:59:59 Paris time, in winter and in summer', () => {
    expect(endOfParisDay('2026-01-15')?.toISOString()).toBe('2026-01-15T22:59:59.000Z');
    expect(endOfParisDay('2026-07-14')?.toISOString()).toBe('2026-07-14T21:59:59.000Z');
  });

  it('is right on the days the clocks change', () => {
    // 29 March 2026: clocks go forward at 02:00; the day ends in summer time.
    expect(endOfParisDay('2026-03-29')?.toISOString()).toBe('2026-03-29T21:59:59.000Z');
    // 28 March 2026: the next midnight is still winter time.
    expect(endOfParisDay('2026-03-28')?.toISOString()).toBe('2026-03-28T22:59:59.000Z');
    // 25 October 2026: clocks go back at 03:00; the day ends in winter time.
    expect(endOfParisDay('2026-10-25')?.toISOString()).toBe('2026-10-25T22:59:59.000Z');
    expect(endOfParisDay('2026-10-24')?.toISOString()).toBe('2026-10-24T21:59:59.000Z');
  });

  it('rejects text that is not a real date', () => {
    expect(endOfParisDay('2026-02-30')).toBeUndefined();
    expect(endOfParisDay('2026-13-01')).toBeUndefined();
    expect(endOfParisDay('31/12/2026')).toBeUndefined();
    expect(endOfParisDay('')).toBeUndefined();
    expect(endOfParisDay('2024-02-29')?.toISOString()).toBe('2024-02-29T22:59:59.000Z');
  });
});
