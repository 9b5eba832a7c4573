import type { Locale } from './translator.js';

/**
 * Deadlines are entered and shown as Europe/Paris wall-clock time (what a buyer writes in a
 * notice: "15 décembre 2026 à 12:00"), but stored as instants (timestamptz). This module is the
 * ONE place where the two are converted; it relies on the ICU time zone data of Node (Intl),
 * never on the server's own time zone.
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

export type ParisTimeProblem = 'invalid_date' | 'invalid_time' | 'nonexistent_time';

/** Thrown for a malformed date/time or a wall-clock time skipped by the spring DST change. */
export class ParisTimeError extends Error {
  readonly reason: ParisTimeProblem;
  constructor(reason: ParisTimeProblem, detail: string) {
    super(detail);
    this.name = 'ParisTimeError';
    this.reason = reason;
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const MINUTE = 60_000;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

interface WallClock {
  date: string;
  time: string;
}

function wallClockOf(instant: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(instant)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Converts a Paris wall-clock date and time to the instant it designates.
 *
 * - Paris is UTC+1 (CET) or UTC+2 (CEST), so the instant is one of two candidates; a candidate is
 *   right when formatting it back in Paris gives the same wall clock.
 * - Autumn change (e.g. 2026-10-25 02:30 happens twice): BOTH candidates match. We take the FIRST
 *   occurrence (CEST, UTC+2, the earlier instant): for a deadline, the earlier instant never gives
 *   a company more time than the buyer could have meant, and it is what most calendar software does.
 * - Spring change (e.g. 2026-03-29 02:30 never happens): NO candidate matches. We reject it with a
 *   ParisTimeError('nonexistent_time') rather than silently shifting the deadline by an hour.
 */
export function parisLocalToUtc(date: string, time: string): Date {
  const d = DATE_RE.exec(date);
  if (!d) throw new ParisTimeError('invalid_date', `Invalid date "${date}", expected YYYY-MM-DD`);
  const t = TIME_RE.exec(time);
  if (!t) throw new ParisTimeError('invalid_time', `Invalid time "${time}", expected HH:MM`);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) throw new ParisTimeError('invalid_time', `Invalid time "${time}"`);
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asIfUtc);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new ParisTimeError('invalid_date', `Invalid date "${date}"`);
  }
  // Candidates ordered by instant: UTC+2 (earlier) then UTC+1.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asIfUtc - offsetHours * 60 * MINUTE);
    const back = wallClockOf(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  throw new ParisTimeError(
    'nonexistent_time',
    `${date} ${time} does not exist in Europe/Paris (clocks jump forward one hour at the spring change)`,
  );
}

/** Same as parisLocalToUtc, but returns the problem instead of throwing (convenient for forms). */
export function tryParisLocalToUtc(
  date: string,
  time: string,
): { ok: true; value: Date } | { ok: false; reason: ParisTimeProblem } {
  try {
    return { ok: true, value: parisLocalToUtc(date, time) };
  } catch (error) {
    if (error instanceof ParisTimeError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** The Paris wall clock of an instant, in the formats of <input type="date"> and <input type="time">. */
export function toParisInputs(instant: Date): { date: string; time: string } {
  return wallClockOf(instant);
}

const zoneLabel: Record<Locale, string> = { fr: 'heure de Paris', en: 'Paris time' };

/** "15 décembre 2026 à 12:00 (heure de Paris)" — deadlines always say which clock they follow. */
export function formatParisDateTime(instant: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: PARIS_TIME_ZONE,
  }).format(instant);
  return `${text} (${zoneLabel[locale]})`;
}

/** "15 décembre 2026" in Paris (the calendar day of an instant as seen in France). */
export function formatParisDate(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: PARIS_TIME_ZONE,
  }).format(instant);
}
