/** Tenders (consultations): drafting, documents, publication, corrigenda, questions, registers. */
export { type TenderEvent, transition } from './domain/lifecycle.js';
export { tendersMessages } from './messages.js';
export { startTenderClosingWorker } from './publication/closingJobs.js';
export { tendersRoutes } from './routes.js';
