/** The public shell of the site: home page, legal pages, language switch. */
export { siteRoutes } from './routes.js';
