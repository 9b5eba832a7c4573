/**
 * Calendar dates of a contract (YYYY-MM-DD strings, Europe/Paris calendar): end from start and
 * duration, duration from start and end, and the quarter a date falls in. Pure.
 */

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The last day of a contract that starts on `start` and lasts `months` months. */
export function endDate(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** Whole months from `start` to `end` (last day included), rounded up as the DECP asks; at least 1. */
export function durationMonths(start: string, end: string): number {
  let months = 1;
  while (endDate(start, months) < end) months++;
  return months;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Paris. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Reporting periods of the insertion clause: quarters, written '2026-T1'. */
export function isPeriod(value: string): boolean {
  return /^\d{4}-T[1-4]$/.test(value);
}

export function periodOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-T${Math.floor((m - 1) / 3) + 1}`;
}
