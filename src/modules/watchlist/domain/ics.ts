/**
 * iCalendar (RFC 5545) writing, pure: the watched deadlines as a calendar that any calendar
 * software subscribes to. Only what we need: TEXT escaping, line folding, VEVENTs in UTC.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space,
 * which counts in their 75 octets. Cuts fall between code points, never inside a UTF-8 sequence
 * (a French "é" is two octets, an emoji four).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (size + octets > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A UTC DATE-TIME (form #2, "20261215T110000Z"): no time zone definition needed. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export interface CalendarEvent {
  /** globally unique and stable, so a calendar updates the event instead of duplicating it */
  uid: string;
  start: Date;
  summary: string;
  description: string;
  url: string;
}

export interface CalendarMeta {
  name: string;
  /** the product identifier, e.g. "-//Halle//Panier//FR" */
  prodId: string;
  /** when the calendar was produced: DTSTAMP of every event */
  now: Date;
}

/** The whole VCALENDAR, CRLF line endings, every line folded. */
export function buildCalendar(events: CalendarEvent[], meta: CalendarMeta): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${meta.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(meta.name)}`,
  ];
  const stamp = formatUtc(meta.now);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(event.start)}`,
      `DTEND:${formatUtc(event.start)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      // URI values are not TEXT: no escaping, but no line break may slip in either
      `URL:${event.url.replace(/[\r\n]/g, '')}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
