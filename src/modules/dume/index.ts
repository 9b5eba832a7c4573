/**
 * ESPD (DUME): the request generated from a tender for its buyer, the company's response filled in
 * from its profile, exported as ESPD-EDM 2.1.1 XML and as PDF, and imported from an ESPD response.
 * Other modules import only this file.
 */
export { dumeMessages } from './messages.js';
export { dumeRoutes } from './routes.js';
