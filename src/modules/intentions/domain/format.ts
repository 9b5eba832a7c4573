/** Display of intentions' amounts and dates. Pure. */
export function euros(cents: number | null, locale: 'fr' | 'en'): string {
  if (cents === null) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(cents / 100);
}

export function longDate(date: string, locale: 'fr' | 'en'): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}
