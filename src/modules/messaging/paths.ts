/** The pages of messaging, one place for the routes, the mails and the registers. */
export const messagingPaths = {
  /** the company's messages: every thread of the company */
  companyInbox: '/mon-espace/messages',
  companyThread: (threadId: string) => `/mon-espace/messages/${threadId}`,
  companyAttachment: (threadId: string, attachmentId: string) =>
    `/mon-espace/messages/${threadId}/pieces/${attachmentId}`,
  /** the buyer's messages of one tender */
  buyerTender: (reference: string) => `/mon-espace/consultations/${reference}/messages`,
  buyerNewThread: (reference: string) => `/mon-espace/consultations/${reference}/messages/nouveau`,
  buyerThread: (reference: string, threadId: string) => `/mon-espace/consultations/${reference}/messages/${threadId}`,
  buyerAttachment: (reference: string, threadId: string, attachmentId: string) =>
    `/mon-espace/consultations/${reference}/messages/${threadId}/pieces/${attachmentId}`,
};
