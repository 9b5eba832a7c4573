/** Strings of tenders / documents. */
export const documentsMessages = {} as const;
