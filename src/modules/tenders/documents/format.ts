import type { Locale } from '../../../platform/i18n/translator.js';
import type { T } from '../../../web/i18n.js';

/**
 * A size as people read it: "1,2 Mo", "830 Ko", "12 octets". Decimal units (1 Mo = 10⁶ octets),
 * as the French "mégaoctet" means; one decimal under 100, none above.
 */
export function formatSize(bytes: number, t: T, locale: Locale): string {
  const number = (n: number) =>
    new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: n < 100 ? 1 : 0 }).format(n);
  if (bytes < 1000) return t(bytes === 1 ? 'documents.size.byte' : 'documents.size.bytes', { n: number(bytes) });
  if (bytes < 1e6) return t('documents.size.kb', { n: number(bytes / 1e3) });
  if (bytes < 1e9) return t('documents.size.mb', { n: number(bytes / 1e6) });
  return t('documents.size.gb', { n: number(bytes / 1e9) });
}

/** The first characters of a fingerprint, enough to compare by eye; the full one goes in a title. */
export function shortSha256(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
