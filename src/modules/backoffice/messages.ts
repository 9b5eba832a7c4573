/** Strings of the backoffice module. */
export const backofficeMessages = {
  'backoffice.title': { fr: 'TODO', en: 'TODO' },
} as const;
