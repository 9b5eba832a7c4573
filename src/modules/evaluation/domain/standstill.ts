import { parisLocalToUtc, toParisInputs } from '../../../platform/i18n/paris-time.js';

/**
 * The standstill period (délai de suspension, Code de la commande publique R2182-1): the contract
 * may not be signed before 11 days have passed since the rejection letters were sent to the
 * unsuccessful bidders, 16 days when that notification was not sent electronically. Our letters go
 * through the secure messaging, so the platform always uses 11; the 16-day rule stays explicit for
 * letters sent another way. Pure.
 *
 * Counting: calendar days on the Europe/Paris calendar. Sent on day J, the period covers days J+1 to
 * J+n in full; it ends at midnight (Paris) at the end of day J+n, so the contract can be signed from
 * day J+n+1. A daylight-saving change in between does not move that midnight.
 */
export function standstillDays(sentElectronically: boolean): number {
  return sentElectronically ? 11 : 16;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant the period ends: 00:00 Europe/Paris of day J+n+1. */
export function standstillEndsAt(sentAt: Date, sentElectronically = true): Date {
  const { date } = toParisInputs(sentAt);
  return parisLocalToUtc(addDays(date, standstillDays(sentElectronically) + 1), '00:00');
}

/** The last day of the period (J+n) as YYYY-MM-DD on the Paris calendar, for letters and pages. */
export function standstillLastDay(endsAt: Date): string {
  return toParisInputs(new Date(endsAt.getTime() - 1)).date;
}
