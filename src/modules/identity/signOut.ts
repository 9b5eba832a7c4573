import { recordAudit } from '../../platform/audit/record.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';

export async function signOut(rt: Runtime, principal: SessionPrincipal, ip: string | undefined): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', principal.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip },
      { action: 'identity.session.closed', subjectType: 'session', subjectId: principal.sessionId },
    );
  });
}
