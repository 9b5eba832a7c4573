import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import type { Locale } from '../../../platform/i18n/translator.js';
import type { T } from '../../../web/i18n.js';
import { type CorrigendumField, deadlineFields, type FieldChange } from '../domain/corrigendum.js';

/** How values are shown to people (pages and mails), in their language. */

/** "500 Mo" / "1,5 Go": sizes stated to companies in binary units, as upload limits are computed. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['octets', 'Ko', 'Mo', 'Go', 'To'] : ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** "1 850 000 € HT": money is held in cents, excluding VAT. */
export function formatEuros(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** "60 %" from basis points (6000). */
export function formatWeight(basisPoints: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(basisPoints / 10000);
}

/**
 * Time left before a deadline, to the minute: "12 jours 3 heures", "45 minutes". Computed when the
 * page is rendered (no script on the page); the exact deadline is always shown beside it.
 */
export function formatCountdown(deadline: Date, now: Date, t: T): string | null {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('publication.countdown.days', { days, hours });
  if (hours > 0) return t('publication.countdown.hours', { hours, minutes: mins });
  return t('publication.countdown.minutes', { minutes: Math.max(mins, 1) });
}

export function fieldLabel(field: CorrigendumField, t: T): string {
  return t(`publication.field.${field}`);
}

export function formatChangeValue(
  field: CorrigendumField,
  value: string | number | null,
  t: T,
  locale: Locale,
): string {
  if (value === null || value === '') return t('publication.value.none');
  if (deadlineFields.includes(field) && typeof value === 'string') return formatParisDateTime(new Date(value), locale);
  if (field === 'max_file_size_bytes' && typeof value === 'number') return formatBytes(value, locale);
  if (field === 'description' && typeof value === 'string' && value.length > 300) return `${value.slice(0, 300)}…`;
  return String(value);
}

/** "Date limite de remise des offres : 15 décembre 2026 à 12:00 (heure de Paris) → 22 décembre …" */
export function describeChange(change: FieldChange, t: T, locale: Locale): string {
  return t('publication.change.line', {
    field: fieldLabel(change.field, t),
    before: formatChangeValue(change.field, change.before, t, locale),
    after: formatChangeValue(change.field, change.after, t, locale),
  });
}
