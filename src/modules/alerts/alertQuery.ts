import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { AppError } from '../../platform/errors.js';
import { hasFilters, maxQueryLength, normaliseInput, type SearchInput, toQueryString } from '../search/index.js';
import { type AlertFilters, lexemeCover, matchKeys, parseTsquery } from './domain/cover.js';

/**
 * A saved search, read from any /recherche address (or its query string) with the search module's
 * own parsing, then made strict: where the search page silently drops what it does not understand,
 * an alert refuses it, because a person relies on it to be told.
 */
export interface AlertQuery {
  /** the normalised /recherche query string (keywords and filters; no sort, page, status, deadline) */
  queryString: string;
  keywords: string;
  filters: AlertFilters;
  /** tsquery text of the keywords, null without keywords */
  tsquery: string | null;
  matchKeys: string[];
}

const listParams = ['cpv', 'department', 'procedure', 'category', 'buyer', 'clause'] as const;

function invalid(messageKey: string): AppError {
  return new AppError('validation', { messageKey, fields: [{ field: 'recherche', message: messageKey }] });
}

/** The search input of an address: the part after '?', or the whole text when it is a query string. */
export function searchInputOf(address: string): { input: SearchInput; raw: URLSearchParams } {
  const text = address.trim();
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text.startsWith('/') ? '' : text;
  const raw = new URLSearchParams(query.split('#')[0] ?? '');
  const input: SearchInput = { q: raw.get('q') ?? undefined };
  for (const name of listParams) input[name] = raw.getAll(name);
  return { input, raw };
}

export async function parseAlertQuery(db: DbOrTrx, address: string): Promise<AlertQuery> {
  if (address.length > 4000) throw invalid('alerts.error.query_too_long');
  const { input, raw } = searchInputOf(address);
  if (Array.from(raw.get('q') ?? '').length > maxQueryLength) throw invalid('alerts.error.query_too_long');
  const normalised = normaliseInput(input);
  for (const name of listParams) {
    const given = new Set(
      raw
        .getAll(name)
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v !== ''),
    );
    if (given.size > normalised[name].length) throw invalid('alerts.error.filter_invalid');
  }
  const filters: AlertFilters = {
    cpv: normalised.cpv,
    department: normalised.department,
    procedure: normalised.procedure,
    category: normalised.category,
    buyer: normalised.buyer,
    clause: normalised.clause,
  };
  const keywords = normalised.q;
  if ((raw.get('q') ?? '').trim() !== '' && !keywords) throw invalid('alerts.error.query_no_words');
  if (!keywords && !hasFilters({ ...normalised, status: [], deadline: null }))
    throw invalid('alerts.error.query_empty');

  let tsquery: string | null = null;
  let lexemes: string[] | null = null;
  if (keywords) {
    const result = await sql<{
      q: string;
    }>`SELECT websearch_to_tsquery('french_unaccent'::regconfig, ${keywords}::text)::text AS q`.execute(db);
    tsquery = result.rows[0]?.q ?? '';
    // only stop words ("de la", "pour les"): nothing a tender could be matched on
    if (tsquery.trim() === '') throw invalid('alerts.error.query_no_words');
    const tree = parseTsquery(tsquery);
    lexemes = tree ? lexemeCover(tree) : null;
  }
  const keys = matchKeys(lexemes, filters);
  // e.g. "-nettoyage" alone: it would match almost every tender
  if (!keys) throw invalid('alerts.error.query_only_excludes');
  if (keys.length > 200) throw invalid('alerts.error.query_too_long');
  return {
    queryString: toQueryString({
      ...normalised,
      status: [],
      deadline: null,
      sort: keywords ? 'relevance' : 'published',
      page: 1,
    }),
    keywords,
    filters,
    tsquery,
    matchKeys: keys,
  };
}
