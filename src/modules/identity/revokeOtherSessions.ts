import { recordAudit } from '../../platform/audit/record.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { revokeUserSessions } from './sessions.js';

/** Closes every session of the signed-in person but the current one (a device lost, a doubt). */
export async function revokeOtherSessions(
  rt: Runtime,
  principal: SessionPrincipal,
  ip: string | undefined,
): Promise<number> {
  return rt.db.transaction().execute(async (trx) => {
    const revoked = await revokeUserSessions(trx, principal.user.id, principal.sessionId);
    if (revoked > 0) {
      await recordAudit(
        trx,
        { type: 'user', userId: principal.user.id, ip },
        {
          action: 'identity.session.others_revoked',
          subjectType: 'user',
          subjectId: principal.user.id,
          after: { sessionsRevoked: revoked },
        },
      );
    }
    return revoked;
  });
}
