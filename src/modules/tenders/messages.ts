import { clarificationsMessages } from './clarifications/messages.js';
import { documentsMessages } from './documents/messages.js';
import { draftingMessages } from './drafting/messages.js';
import { publicationMessages } from './publication/messages.js';

/** Strings of the tenders module, one file per capability. */
export const tendersMessages = {
  ...draftingMessages,
  ...documentsMessages,
  ...publicationMessages,
  ...clarificationsMessages,
};
