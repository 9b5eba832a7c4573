/** Strings of the api-tokens module. */
export const apiTokensMessages = {
  'apiTokens.title': { fr: 'TODO', en: 'TODO' },
} as const;
