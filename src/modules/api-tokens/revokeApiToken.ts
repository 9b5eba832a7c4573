import { recordAudit } from '../../platform/audit/record.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { isUuid } from './domain/token.js';
import { requireTokenAdmin } from './policies.js';

/**
 * Revokes a token of the admin's organisation, at once and for good. A token of another
 * organisation answers 404, exactly like one that does not exist. Revoking twice changes nothing.
 */
export async function revokeApiToken(
  rt: Runtime,
  principal: Principal,
  tokenId: string,
  ip?: string,
): Promise<{ name: string; revoked: boolean }> {
  const membership = requireTokenAdmin(principal);
  if (principal.kind !== 'session') throw new AppError('unauthenticated');
  if (!isUuid(tokenId)) throw notFound();
  return rt.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'token_prefix', 'revoked_at'])
      .where('id', '=', tokenId)
      .where('organisation_id', '=', membership.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!token) throw notFound();
    if (token.revoked_at) return { name: token.name, revoked: false };
    const now = new Date();
    await trx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', token.id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip },
      {
        action: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: token.id,
        organisationId: membership.organisationId,
        before: { name: token.name, prefix: token.token_prefix, revokedAt: null },
        after: { name: token.name, prefix: token.token_prefix, revokedAt: now },
      },
    );
    return { name: token.name, revoked: true };
  });
}
