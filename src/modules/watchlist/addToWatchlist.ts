import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { canWatch, type WatchlistOwner } from './policies.js';
import { tenderHeadByReference } from './repo.js';

/** Adds a public tender to the person's watchlist; adding it twice changes nothing. */
export async function addToWatchlist(
  rt: Runtime,
  input: { owner: WatchlistOwner; reference: string; ip?: string | undefined },
): Promise<{ tenderId: string; added: boolean }> {
  return rt.db.transaction().execute(async (trx) => {
    const tender = await tenderHeadByReference(trx, input.reference);
    if (!tender || !canWatch(tender)) throw new AppError('not_found');
    const inserted = await trx
      .insertInto('watchlist_entries')
      .values({ user_id: input.owner.userId, tender_id: tender.id, company_id: input.owner.companyId })
      .onConflict((oc) => oc.columns(['user_id', 'tender_id']).doNothing())
      .executeTakeFirst();
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (added) {
      await recordAudit(
        trx,
        { type: 'user', userId: input.owner.userId, ip: input.ip },
        {
          action: 'watchlist.added',
          subjectType: 'tender',
          subjectId: tender.id,
          organisationId: input.owner.companyId,
          after: { reference: tender.reference },
        },
      );
    }
    return { tenderId: tender.id, added };
  });
}
