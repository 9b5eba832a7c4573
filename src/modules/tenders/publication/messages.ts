/** Strings of tenders / publication. */
export const publicationMessages = {} as const;
