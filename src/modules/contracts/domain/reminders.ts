import { addDays } from './dates.js';

/**
 * Which end reminder a contract gets today. Thresholds are days before the end (90, 30…); each is
 * sent once per end date. When several are due at once (a contract notified late, a worker that
 * was down), only the closest to the end is mailed and the others are marked as done. Pure.
 */
export function dueReminder(
  endsOn: string,
  today: string,
  thresholds: readonly number[],
  alreadySent: readonly number[],
): { send: number | null; mark: number[] } {
  if (endsOn < today) return { send: null, mark: [] };
  const due = thresholds.filter((d) => addDays(endsOn, -d) <= today && !alreadySent.includes(d));
  if (due.length === 0) return { send: null, mark: [] };
  return { send: Math.min(...due), mark: [...due].sort((a, b) => a - b) };
}

/** Whole days from `today` to `endsOn`. */
export function daysUntil(endsOn: string, today: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
