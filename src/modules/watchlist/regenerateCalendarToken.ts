import { recordAudit } from '../../platform/audit/record.js';
import { hashToken, randomToken } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import type { WatchlistOwner } from './policies.js';

/**
 * Creates (or replaces) the secret of the person's calendar feed. The token is shown once; only its
 * hash is kept, so the previous address stops working at once.
 */
export async function regenerateCalendarToken(
  rt: Runtime,
  input: { owner: WatchlistOwner; ip?: string | undefined },
): Promise<{ token: string }> {
  const token = randomToken(32);
  const tokenHash = hashToken(token);
  await rt.db.transaction().execute(async (trx) => {
    const previous = await trx
      .deleteFrom('watchlist_calendar_tokens')
      .where('user_id', '=', input.owner.userId)
      .executeTakeFirst();
    await trx
      .insertInto('watchlist_calendar_tokens')
      .values({ user_id: input.owner.userId, token_hash: tokenHash })
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: input.owner.userId, ip: input.ip },
      {
        action: Number(previous.numDeletedRows) > 0 ? 'watchlist.calendar_regenerated' : 'watchlist.calendar_created',
        subjectType: 'user',
        subjectId: input.owner.userId,
        organisationId: input.owner.companyId,
      },
    );
  });
  return { token };
}
