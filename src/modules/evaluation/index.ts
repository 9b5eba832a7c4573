/**
 * Evaluation of offers and award decisions: admissibility of candidatures, classification of offers,
 * scores and price formulas, automatic ranking, the presentation report, decisions per lot with the
 * rejection and award letters (through messaging) and the award notice. Records `lot.awarded`,
 * `lot.unsuccessful` and `lot.cancelled` for other modules (contracts).
 */

export { assessBids, type BidAssessment } from './assessBids.js';
export { decideLot, type LotDecisionInput } from './decideLot.js';
export { standstillDays, standstillEndsAt } from './domain/standstill.js';
export { evaluationMessages } from './messages.js';
export { evaluationRoutes } from './routes.js';
export { type ScoringGrid, scoreLot } from './scoreLot.js';
export { startEvaluation } from './startEvaluation.js';
