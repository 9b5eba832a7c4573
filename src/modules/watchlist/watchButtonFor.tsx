import type { VNode } from 'preact';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { PageContext } from '../../web/context.js';
import { watchlistOwner } from './policies.js';
import { isWatched } from './repo.js';
import { WatchButton } from './views/WatchButton.js';

/**
 * The add/remove button for a notice page, or null when the visitor cannot keep a watchlist
 * (visitors, buyers, platform staff) or the tender is a draft.
 */
export async function watchButtonFor(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string },
): Promise<VNode | null> {
  const owner = watchlistOwner(ctx.principal);
  if (!owner || tender.status === 'draft') return null;
  const watched = await isWatched(db, owner.userId, tender.id);
  return <WatchButton ctx={ctx} reference={tender.reference} watched={watched} />;
}
