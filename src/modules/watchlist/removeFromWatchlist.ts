import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { WatchlistOwner } from './policies.js';
import { tenderHeadByReference } from './repo.js';

/** Removes a tender from the person's own watchlist; removing one that is not there changes nothing. */
export async function removeFromWatchlist(
  rt: Runtime,
  input: { owner: WatchlistOwner; reference: string; ip?: string | undefined },
): Promise<{ removed: boolean }> {
  return rt.db.transaction().execute(async (trx) => {
    const tender = await tenderHeadByReference(trx, input.reference);
    if (!tender || tender.status === 'draft') throw new AppError('not_found');
    const deleted = await trx
      .deleteFrom('watchlist_entries')
      .where('user_id', '=', input.owner.userId)
      .where('tender_id', '=', tender.id)
      .executeTakeFirst();
    const removed = Number(deleted.numDeletedRows) > 0;
    if (removed) {
      await recordAudit(
        trx,
        { type: 'user', userId: input.owner.userId, ip: input.ip },
        {
          action: 'watchlist.removed',
          subjectType: 'tender',
          subjectId: tender.id,
          organisationId: input.owner.companyId,
          before: { reference: tender.reference },
        },
      );
    }
    return { removed };
  });
}
