import { formatParisDateTime } from '../../platform/i18n/paris-time.js';
import type { Locale } from '../../platform/i18n/translator.js';
import type { Runtime } from '../../platform/runtime.js';
import type { T } from '../../web/i18n.js';
import { type SearchInput, searchTenders } from '../search/index.js';
import { type AtomEntry, buildAtomFeed } from './domain/atom.js';

const listKeys = ['cpv', 'department', 'procedure', 'category', 'buyer', 'clause', 'status'] as const;

/**
 * The search of `/recherche` from the same query string. Loose like the page: unknown or repeated
 * values are cleaned by the search module, never an error. Without an explicit sort, a feed lists
 * the newest publications first (what a feed reader expects), and only the first page.
 */
export function searchInputOf(query: URLSearchParams): SearchInput {
  const input: SearchInput = { facets: false, page: 1, sort: query.get('sort') ?? 'published' };
  const q = query.get('q');
  if (q !== null) input.q = q;
  const deadline = query.get('deadline');
  if (deadline !== null) input.deadline = deadline;
  for (const key of listKeys) {
    const values = query.getAll(key);
    if (values.length) input[key] = values;
  }
  return input;
}

/** The Atom feed of a search: one entry per tender, linked to its notice. */
export async function searchFeed(
  rt: Runtime,
  input: { queryString: string; t: T; locale: Locale; now?: Date },
): Promise<string> {
  const { t, locale } = input;
  const params = new URLSearchParams(input.queryString.slice(0, 4000));
  params.delete('page');
  const result = await searchTenders(rt.db, searchInputOf(params));
  const base = rt.config.publicUrl;
  const search = params.toString();
  const suffix = search ? `?${search}` : '';
  const items: AtomEntry[] = result.items.map((hit) => ({
    id: hit.tenderId,
    title: `${hit.reference} — ${hit.title}`,
    url:
      hit.source === 'halle' || !hit.sourceUrl
        ? `${base}/consultations/${encodeURIComponent(hit.reference)}`
        : hit.sourceUrl,
    summary: t('watchlist.atom.summary', {
      buyer: hit.buyerName,
      deadline: hit.submissionDeadline
        ? formatParisDateTime(hit.submissionDeadline, locale)
        : t('watchlist.atom.no_deadline'),
    }),
    updated: hit.publishedAt,
    published: hit.publishedAt,
    author: hit.buyerName,
  }));
  return buildAtomFeed(items, {
    id: `${base}/recherche/flux.atom${suffix}`,
    title: result.query ? t('watchlist.atom.title_query', { query: result.query }) : t('watchlist.atom.title'),
    selfUrl: `${base}/recherche/flux.atom${suffix}`,
    alternateUrl: `${base}/recherche${suffix}`,
    now: input.now ?? new Date(),
    generator: 'Halle',
    lang: locale,
  });
}
