/** Search: the public index of tenders, fed by tender events, its query, page and API. */
export type { NormalisedInput, SearchInput } from './domain/query.js';
export { hasFilters, maxQueryLength, normaliseInput, toQueryString } from './domain/query.js';
export { indexTender, reindexSearch, searchSubscribers } from './indexTenders.js';
export { searchMessages } from './messages.js';
export { addResultSlot, addSearchResultSlot, type ResultSlot } from './resultSlots.js';
export { searchRoutes } from './routes.js';
export {
  type Facets,
  type FacetValue,
  type SearchHit,
  type SearchResult,
  type Segment,
  searchTenders,
} from './searchTenders.js';
export { tenderTextSearch } from './tenderTextSearch.js';
