import { describe, expect, it } from 'vitest';
import { nextDigestAt } from './digestTime.js';

describe('the next digest time, in Europe/Paris', () => {
  it('is today at the hour when it is still ahead, tomorrow otherwise', () => {
    // 05:00 UTC in winter is 06:00 in Paris: 07:00 Paris (06:00 UTC) is still ahead
    expect(nextDigestAt(new Date('2026-01-15T05:00:00Z'), 7).toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-01-15T06:00:00Z'), 7).toISOString()).toBe('2026-01-16T06:00:00.000Z');
    // summer time: 07:00 Paris is 05:00 UTC
    expect(nextDigestAt(new Date('2026-07-01T12:00:00Z'), 7).toISOString()).toBe('2026-07-02T05:00:00.000Z');
  });

  it('follows the daylight-saving changes', () => {
    // the night of the spring change (29 March 2026): 07:00 Paris is 05:00 UTC
    expect(nextDigestAt(new Date('2026-03-28T20:00:00Z'), 7).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    // 02:00 does not exist that night: 03:00 instead
    expect(nextDigestAt(new Date('2026-03-28T20:00:00Z'), 2).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // autumn change (25 October 2026): back to UTC+1
    expect(nextDigestAt(new Date('2026-10-24T20:00:00Z'), 7).toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });
});
