/**
 * Amounts are integer cents (EUR, excluding VAT). People type euros the French way
 * ("1 850 000,50", "1850000", "1 850 000 €") or the English way ("1,850,000.50").
 */
export function eurosToCents(text: string): number | null {
  let cleaned = text.replace(/[\s\u00a0\u202f€]|EUR/gi, '');
  if (!cleaned) return null;
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(cleaned)) cleaned = cleaned.replaceAll(',', '');
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(cleaned)) cleaned = cleaned.replaceAll('.', '');
  cleaned = cleaned.replace(',', '.');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match?.[1]) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 185000050 → "1 850 000,50 €" (fr) / "€1,850,000.50" (en); whole euros without decimals. */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** The value to put back in a form field: "1850000,50" (fr) / "1850000.50" (en). */
export function centsToInput(cents: number, locale: 'fr' | 'en'): string {
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
