import type { ComponentChildren, VNode } from 'preact';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { PageContext } from '../../web/context.js';
import type { SearchHit } from '../search/index.js';
import { watchlistOwner } from './policies.js';
import { isWatched, watchedAmong } from './repo.js';
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

/**
 * The same button beside each search result, for a page of hits at once (one query). Tenders
 * imported from other platforms are watched on their own platform, so they get none.
 */
export async function watchButtonsForResults(
  db: DbOrTrx,
  ctx: PageContext,
  hits: readonly SearchHit[],
  back: string,
): Promise<Map<string, ComponentChildren>> {
  const buttons = new Map<string, ComponentChildren>();
  const owner = watchlistOwner(ctx.principal);
  if (!owner) return buttons;
  const local = hits.filter((h) => h.source === 'halle');
  const watched = await watchedAmong(
    db,
    owner.userId,
    local.map((h) => h.tenderId),
  );
  for (const hit of local) {
    buttons.set(
      hit.tenderId,
      <WatchButton
        ctx={ctx}
        reference={hit.reference}
        watched={watched.has(hit.tenderId)}
        back={back}
        title={hit.title}
      />,
    );
  }
  return buttons;
}
