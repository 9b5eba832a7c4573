/** Strings of tenders / drafting. */
export const draftingMessages = {} as const;
