import type { ComponentChildren } from 'preact';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { PageContext } from '../../../web/context.js';

/**
 * Links other modules add to the actions of a tender's management page (messaging's "messages"),
 * without the tenders module importing them. The page is its buyer's only (checked before the
 * slots run); a slot returns list items (`<li>`), or null when it has nothing to offer now.
 * Keyed by name, so registering twice (several servers in one process) replaces.
 */
export type ManageSlot = (
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string; buyerId: string },
) => Promise<ComponentChildren>;

const slots = new Map<string, ManageSlot>();

export function addManageSlot(name: string, slot: ManageSlot): void {
  slots.set(name, slot);
}

export async function renderManageSlots(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string; buyerId: string },
): Promise<ComponentChildren[]> {
  return Promise.all([...slots.values()].map((slot) => slot(db, ctx, tender)));
}
