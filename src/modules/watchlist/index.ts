/**
 * Watchlist (panier) of company users, its ICS calendar feed, and the Atom feed of any search.
 * The notice page's button comes through the tenders module's notice slots (no import of this
 * module by tenders); the feed uses the search module's `searchTenders`.
 */
export { watchlistMessages } from './messages.js';
export { watchersOf } from './repo.js';
export { watchlistRoutes } from './routes.js';
