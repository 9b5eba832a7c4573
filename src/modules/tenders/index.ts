/** Tenders (consultations): drafting, documents, publication, corrigenda, questions, registers. */

export { addRegisterSlot, type RegisterSlot } from './clarifications/registerSlots.js';
export { identifiedRetrievers } from './clarifications/retrievers.js';
export { type TenderEvent, transition } from './domain/lifecycle.js';
export { centsToInput, eurosToCents, formatEuros } from './domain/money.js';
export { createDraftInTransaction } from './drafting/createDraftFromIntention.js';
export { addManageSlot, type ManageSlot } from './drafting/manageSlots.js';
export { cpvLabel } from './drafting/reference.js';
export { tendersMessages } from './messages.js';
export { startTenderClosingWorker } from './publication/closingJobs.js';
export { addNoticeSlot } from './publication/noticeSlots.js';
export { addPublicationCheck, type PublicationCheck } from './publication/publicationChecks.js';
export { publishPermanentTender } from './publication/publishPermanentTender.js';
export {
  listPublicTenderIds,
  loadTendersForIndex,
  type TenderForIndex,
} from './publication/tendersForIndex.js';
export type { TenderTextSearch } from './publication/textSearch.js';
export { tendersRoutes } from './routes.js';
