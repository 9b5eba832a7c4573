/**
 * Document vault (coffre-fort) of companies: typed documents with a validity date in the blob
 * store, expiry reminders, and what submissions need to attach a document. Import only this file.
 */
export { type ExpiryStatus, expiryStatus, vaultDocumentTypes } from './domain/expiry.js';
export {
  type AttachableVaultDocument,
  attachableVaultDocuments,
  vaultDocumentForSubmission,
  vaultExpiryWarning,
} from './forSubmission.js';
export { vaultMessages } from './messages.js';
export { startVaultReminderWorker } from './reminderJobs.js';
export { vaultRoutes } from './routes.js';
export { sendExpiryReminders } from './sendExpiryReminders.js';
