/**
 * Purchase intentions: a buyer announces an upcoming, non-binding need, targets a directory
 * selection, companies express interest, and the intention becomes a draft tender in one step.
 * Publishing records the `intention.published` domain event (payload: id, buyerId, title, cpvCode,
 * estimatedValueCents, expectedOn, targetedCompanyIds) for subscribers such as an alert matcher.
 */
export { type AnnouncedIntention, announcedIntention } from './announcedIntention.js';
export { intentionsMessages } from './messages.js';
export { intentionsRoutes } from './routes.js';
