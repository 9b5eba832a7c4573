import type { ComponentChildren } from 'preact';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { PageContext } from '../../../web/context.js';

/**
 * Parts other modules add to the notice page (the watchlist's button), without the tenders module
 * importing them: they register here when their routes are set up, and this module stays below them
 * in the dependency graph. Keyed by name, so registering twice (several servers in one process) replaces.
 */
export type NoticeSlot = (
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string },
) => Promise<ComponentChildren>;

const slots = new Map<string, NoticeSlot>();

export function addNoticeSlot(name: string, slot: NoticeSlot): void {
  slots.set(name, slot);
}

export async function renderNoticeSlots(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string },
): Promise<ComponentChildren[]> {
  return Promise.all([...slots.values()].map((slot) => slot(db, ctx, tender)));
}
