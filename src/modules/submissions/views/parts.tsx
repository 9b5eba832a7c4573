import type { Locale } from '../../../platform/i18n/translator.js';

/** "1,2 Mo" / "1.2 MB": decimal units, as the French "mégaoctet" means. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['octets', 'ko', 'Mo', 'Go'] : ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${text} ${units[unit]}`;
}

/** A full SHA-256 in a monospace span that wraps, so it can be compared character by character. */
export function Fingerprint({ value }: { value: string }) {
  return <span class="mono hash">{value}</span>;
}
