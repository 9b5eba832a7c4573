import type { ComponentChildren } from 'preact';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { PageContext } from '../../web/context.js';
import type { SearchHit } from './searchTenders.js';

/**
 * Parts other modules add beside each search result (the watchlist's button), without search
 * importing them. A slot receives the whole page of hits at once so it answers with one query,
 * not one per result; it returns what to show per tender id (nothing for the others).
 */
export type ResultSlot = (
  db: DbOrTrx,
  ctx: PageContext,
  hits: readonly SearchHit[],
  /** the search page's own URL (path and query), where a form in the slot comes back to */
  back: string,
) => Promise<ReadonlyMap<string, ComponentChildren>>;

const slots = new Map<string, ResultSlot>();

/** Keyed by name, so registering twice (several servers in one process) replaces. */
export function addResultSlot(name: string, slot: ResultSlot): void {
  slots.set(name, slot);
}

export async function renderResultSlots(
  db: DbOrTrx,
  ctx: PageContext,
  hits: readonly SearchHit[],
  back: string,
): Promise<Map<string, ComponentChildren[]>> {
  const byTender = new Map<string, ComponentChildren[]>();
  if (hits.length === 0) return byTender;
  const rendered = await Promise.all([...slots.values()].map((slot) => slot(db, ctx, hits, back)));
  for (const parts of rendered) {
    for (const [tenderId, part] of parts) {
      const list = byTender.get(tenderId) ?? [];
      list.push(part);
      byTender.set(tenderId, list);
    }
  }
  return byTender;
}

/**
 * Parts other modules add above the search results (the alerts module's "create an alert" link),
 * without the search module importing them; keyed by name, so registering twice replaces. A slot
 * receives the shareable query string of the current search (keywords and filters).
 */
export type SearchResultSlot = (ctx: PageContext, queryString: string) => ComponentChildren;

const pageSlots = new Map<string, SearchResultSlot>();

export function addSearchResultSlot(name: string, slot: SearchResultSlot): void {
  pageSlots.set(name, slot);
}

export function renderSearchResultSlots(ctx: PageContext, queryString: string): ComponentChildren[] {
  return [...pageSlots.values()].map((slot) => slot(ctx, queryString));
}
