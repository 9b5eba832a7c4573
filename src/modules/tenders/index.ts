/** Tenders (consultations): drafting, documents, publication, corrigenda, questions, registers. */
export { tendersMessages } from './messages.js';
export { tendersRoutes } from './routes.js';
