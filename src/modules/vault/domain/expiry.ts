import type { VaultDocumentType } from '../../../platform/db/schema.js';

/** Types of vault documents, in the order a buyer usually asks for them. */
export const vaultDocumentTypes: readonly VaultDocumentType[] = [
  'kbis',
  'urssaf',
  'tax',
  'insurance',
  'reference',
  'certification',
  'other',
];

/** Reminders go out this many days before a document stops being valid. */
export const reminderDays = 30;

export type ExpiryStatus = 'none' | 'valid' | 'expiring' | 'expired';

/** Calendar date (YYYY-MM-DD) in Paris: validity dates are calendar dates, not instants. */
export function parisDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A document valid until D is still valid on D and expired from D + 1; it is "expiring" during the
 * reminder window before. Without a date (a reference, a Kbis kept for its content) it never expires.
 */
export function expiryStatus(validUntil: string | null, today: string): ExpiryStatus {
  if (validUntil === null) return 'none';
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, reminderDays)) return 'expiring';
  return 'valid';
}

/** The last validity date that is due for a reminder today. */
export function reminderHorizon(today: string): string {
  return addDays(today, reminderDays);
}
