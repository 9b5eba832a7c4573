/**
 * Alerts: saved searches matched against every published tender (through tender events), the
 * notifications they produce (in-app, live over Server-Sent Events, and by mail), corrigenda and
 * answers for followed tenders, one-click unsubscribe. The search page's link comes through the
 * search module's result slots (no import of this module by search).
 */
export { alertsSubscribers, matchableTender } from './events.js';
export { type AlertMatch, type MatchableDocument, matchDocument } from './matchDocument.js';
export { alertsMessages } from './messages.js';
export { alertsRoutes } from './routes.js';
export { sendDigests, startAlertsDigestWorker } from './sendDigests.js';
