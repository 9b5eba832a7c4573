import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../web/context.js';

/**
 * Parts other modules add above the search results (the alerts module's "create an alert" link),
 * without the search module importing them; keyed by name, so registering twice replaces. A slot
 * receives the shareable query string of the current search (keywords and filters).
 */
export type SearchResultSlot = (ctx: PageContext, queryString: string) => ComponentChildren;

const slots = new Map<string, SearchResultSlot>();

export function addSearchResultSlot(name: string, slot: SearchResultSlot): void {
  slots.set(name, slot);
}

export function renderSearchResultSlots(ctx: PageContext, queryString: string): ComponentChildren[] {
  return [...slots.values()].map((slot) => slot(ctx, queryString));
}
