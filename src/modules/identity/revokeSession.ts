import { recordAudit } from '../../platform/audit/record.js';
import { notFound } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { canRevokeSession } from './policies.js';

/**
 * Closes one session of the signed-in person. Another person's session answers 404, exactly
 * like a session that does not exist. Returns whether it was the current one (signed out).
 */
export async function revokeSession(
  rt: Runtime,
  principal: SessionPrincipal,
  sessionId: string,
  ip: string | undefined,
): Promise<{ current: boolean }> {
  return rt.db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('sessions')
      .select(['id', 'user_id as userId', 'revoked_at'])
      .where('id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst();
    if (!session || !canRevokeSession(principal, session)) throw notFound();
    const current = session.id === principal.sessionId;
    if (session.revoked_at) return { current };
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', session.id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip },
      { action: 'identity.session.revoked', subjectType: 'session', subjectId: session.id },
    );
    return { current };
  });
}
