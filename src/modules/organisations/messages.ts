/** Strings of the organisations module. */
export const organisationsMessages = {
  'organisations.title': { fr: 'TODO', en: 'TODO' },
} as const;
