/**
 * Secure messaging (messagerie sécurisée) between a tender's buyer and each company: threads,
 * messages with attachments, delivery and read receipts, e-mail notices. Import only this file.
 */
export type { MessageCategory } from './domain/rules.js';
export { messagingMessages } from './messages.js';
export { type MessageToPost, postMessageInTransaction } from './postMessage.js';
