/**
 * Partnering exchange (bourse à la cotraitance et à la sous-traitance) on published tenders, with
 * its part of the notice page (a tenders notice slot). Other modules import only this file.
 */
export { partneringMessages } from './messages.js';
export { partneringRoutes } from './routes.js';
