import { parisLocalToUtc, toParisInputs } from '../../../platform/i18n/paris-time.js';

/**
 * The next instant, strictly after `now`, at which the Paris wall clock reads `hour`:00. On the
 * spring change an hour that does not exist (02:00) moves to the next one that does.
 */
export function nextDigestAt(now: Date, hour: number): Date {
  const today = toParisInputs(now).date;
  for (let offset = 0; offset < 3; offset++) {
    const day = new Date(`${today}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + offset);
    const date = day.toISOString().slice(0, 10);
    for (let h = hour; h <= Math.min(hour + 1, 23); h++) {
      try {
        const at = parisLocalToUtc(date, `${String(h).padStart(2, '0')}:00`);
        if (at.getTime() > now.getTime()) return at;
        break;
      } catch {
        // 02:00 on the spring change: try 03:00
      }
    }
  }
  throw new Error('no digest time found');
}
