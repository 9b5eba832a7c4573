import type { TenderTextSearch } from '../tenders/index.js';
import { searchTenders } from './searchTenders.js';

/** The tenders API's states, folded into the search index's public states. */
const statusOf = {
  published: 'open',
  closed: 'closed',
  opened: 'closed',
  evaluation: 'closed',
  awarded: 'awarded',
  unsuccessful: 'cancelled',
  cancelled: 'cancelled',
} as const;

/** What `GET /api/v1/tenders?q=` runs: the search index, ranked by relevance, ids only. */
export const tenderTextSearch: TenderTextSearch = async (db, { q, page, status }) => {
  const result = await searchTenders(db, {
    q,
    page,
    sort: 'relevance',
    facets: false,
    ...(status ? { status: [statusOf[status]] } : { status: ['open', 'closed', 'awarded', 'cancelled'] }),
  });
  return { ids: result.items.map((hit) => hit.tenderId), total: result.total, pageSize: result.pageSize };
};
