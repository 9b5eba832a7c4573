/** Strings of tenders / clarifications. */
export const clarificationsMessages = {} as const;
