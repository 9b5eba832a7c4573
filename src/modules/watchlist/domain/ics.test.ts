import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtc } from './ics.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** Undoes folding as a calendar reader does (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('ICS text escaping', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('drops control characters', () => {
    expect(escapeText('x\u0007y')).toBe('xy');
  });
});

describe('ICS line folding', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:court')).toBe('SUMMARY:court');
  });

  it('folds long French lines at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'Réfection énergétique des écoles élémentaires — îlot Jean-Jaurès, lot 2 '.repeat(4)}😀é`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // a split UTF-8 sequence would decode to the replacement character
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });

  it('fills the lines as far as a character allows', () => {
    // 74 ASCII octets then "é" (2 octets): it cannot fit in the first line's last octet
    const line = `${'a'.repeat(74)}é${'b'.repeat(10)}`;
    const [first, second] = foldLine(line).split('\r\n');
    expect(first).toBe('a'.repeat(74));
    expect(second).toBe(` é${'b'.repeat(10)}`);
  });
});

describe('ICS calendar', () => {
  const now = new Date('2026-11-28T10:00:00.123Z');
  const ics = buildCalendar(
    [
      {
        uid: '0190aaaa-0000-7000-8000-000000000001-deadline@halle',
        start: new Date('2026-12-15T11:00:00Z'),
        summary: '2026-0042 — Travaux, lot 1; entretien',
        description: 'Acheteur : Ville de Saint-Denis\nDate limite : 15 décembre 2026',
        url: 'https://halle.example/consultations/2026-0042',
      },
    ],
    { name: 'Mon panier', prodId: '-//Halle//Panier//FR', now },
  );

  it('is a VCALENDAR with CRLF line endings and the required properties', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Halle//Panier//FR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('CALSCALE:GREGORIAN\r\n');
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('writes each event in UTC with a stable UID and escaped text', () => {
    const text = unfold(ics);
    expect(text).toContain('UID:0190aaaa-0000-7000-8000-000000000001-deadline@halle\r\n');
    expect(text).toContain('DTSTAMP:20261128T100000Z\r\n');
    expect(text).toContain('DTSTART:20261215T110000Z\r\n');
    expect(text).toContain('SUMMARY:2026-0042 — Travaux\\, lot 1\\; entretien\r\n');
    expect(text).toContain('DESCRIPTION:Acheteur : Ville de Saint-Denis\\nDate limite : 15 décembre 2026\r\n');
    expect(text).toContain('URL:https://halle.example/consultations/2026-0042\r\n');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text.match(/END:VEVENT/g)).toHaveLength(1);
  });

  it('formats instants as UTC without milliseconds', () => {
    expect(formatUtc(new Date('2026-03-29T00:30:00.999Z'))).toBe('20260329T003000Z');
  });
});
