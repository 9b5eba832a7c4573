/** 1234567 → "12 345,67 €" (fr) / "€12,345.67" (en); whole euros without decimals. Pure. */
const formats = new Map<string, Intl.NumberFormat>();

export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  const whole = cents % 100 === 0;
  const key = `${locale}-${whole}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formats.set(key, format);
  }
  return format.format(cents / 100);
}

/** 76.2 → "76,20" (fr) / "76.20" (en): points with two decimals. */
export function formatPoints(points: number, locale: 'fr' | 'en'): string {
  const text = points.toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Hundredths of a point back into the text of a form field: 1550 → "15,5". */
export function centiToInput(centi: number, locale: 'fr' | 'en'): string {
  const text = (centi / 100).toFixed(2).replace(/\.?0+$/, '');
  return locale === 'fr' ? text.replace('.', ',') : text;
}
