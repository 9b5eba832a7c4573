import type { Runtime } from '../../platform/runtime.js';
import { searchTenders } from '../search/index.js';
import { parseAlertQuery, searchInputOf } from './alertQuery.js';

const previewDays = 30;

/**
 * How many tenders the search would have matched over the last 30 days, whatever their status now:
 * counted by the search module on its own index (capped at 1,000, then "more than").
 */
export async function previewAlert(
  rt: Runtime,
  address: string,
  now = new Date(),
): Promise<{ count: number; lowerBound: boolean; queryString: string }> {
  const query = await parseAlertQuery(rt.db, address);
  const { input } = searchInputOf(`?${query.queryString}`);
  const result = await searchTenders(
    rt.db,
    { ...input, status: ['open', 'closed', 'awarded', 'cancelled'], facets: false, sort: 'published' },
    { now, publishedSince: new Date(now.getTime() - previewDays * 24 * 3600 * 1000) },
  );
  return { count: result.total, lowerBound: result.totalIsLowerBound, queryString: query.queryString };
}
