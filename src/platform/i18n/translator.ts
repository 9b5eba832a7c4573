export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A catalogue entry holds every locale side by side, so no language can be forgotten. */
export type Catalogue = Record<string, Record<Locale, string>>;

export type Translate<K extends string = string> = (key: K, params?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** `{name}` placeholders are replaced by params; the result is plain text (JSX escapes it). */
export function createTranslator<C extends Catalogue>(catalogue: C, locale: Locale): Translate<keyof C & string> {
  return (key, params) => {
    const entry = catalogue[key];
    let text = entry ? entry[locale] : key;
    if (params) {
      for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    }
    return text;
  };
}

/** Dates and times are shown in Europe/Paris, whatever the server's time zone. */
export function formatDateTime(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(value);
}

export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(date);
}
