import type { ComponentChildren } from 'preact';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { PageContext } from '../../../web/context.js';

/**
 * Registers other modules add to the tender's registers page (messaging's exchanges register),
 * without the tenders module importing them: they register here when their routes are set up.
 * The page is the buyer's only (checked before the slots run). Keyed by name, so registering twice
 * (several servers in one process) replaces.
 */
export type RegisterSlot = (
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; buyerId: string },
) => Promise<ComponentChildren>;

const slots = new Map<string, RegisterSlot>();

export function addRegisterSlot(name: string, slot: RegisterSlot): void {
  slots.set(name, slot);
}

export async function renderRegisterSlots(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; buyerId: string },
): Promise<ComponentChildren[]> {
  return Promise.all([...slots.values()].map((slot) => slot(db, ctx, tender)));
}
