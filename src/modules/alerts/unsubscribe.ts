import type { Runtime } from '../../platform/runtime.js';
import { applyChange } from './changeAlert.js';
import { verifyUnsubscribeToken } from './unsubscribeToken.js';

export type UnsubscribeOutcome = 'paused' | 'deleted' | 'gone' | 'invalid';

async function alertOfToken(rt: Runtime, token: string) {
  const alertId = verifyUnsubscribeToken(rt.signingSecret, token);
  if (!alertId) return { alertId: null, alert: undefined };
  const alert = await rt.db
    .selectFrom('alerts')
    .select(['id', 'name', 'company_id', 'paused_at'])
    .where('id', '=', alertId)
    .executeTakeFirst();
  return { alertId, alert };
}

/** What the link's page shows before anything is changed. */
export async function describeUnsubscribe(
  rt: Runtime,
  token: string,
): Promise<{ outcome: 'ask' | 'gone' | 'invalid'; name: string | null }> {
  const { alertId, alert } = await alertOfToken(rt, token);
  if (!alertId) return { outcome: 'invalid', name: null };
  return alert ? { outcome: 'ask', name: alert.name } : { outcome: 'gone', name: null };
}

/**
 * One-click unsubscribe (RFC 8058): the signed link pauses (default) or deletes its alert without a
 * session. A forged link changes nothing; a replayed one finds the alert already paused or gone and
 * answers the same, without writing anything.
 */
export async function unsubscribe(
  rt: Runtime,
  token: string,
  change: 'pause' | 'delete',
  ip?: string,
): Promise<{ outcome: UnsubscribeOutcome; name: string | null }> {
  const alertId = verifyUnsubscribeToken(rt.signingSecret, token);
  if (!alertId) return { outcome: 'invalid', name: null };
  return rt.db.transaction().execute(async (trx) => {
    const alert = await trx
      .selectFrom('alerts')
      .select(['id', 'name', 'company_id', 'paused_at'])
      .where('id', '=', alertId)
      .forUpdate()
      .executeTakeFirst();
    if (!alert) return { outcome: 'gone' as const, name: null };
    await applyChange(trx, alert, change, { type: 'anonymous', ip });
    return { outcome: change === 'delete' ? ('deleted' as const) : ('paused' as const), name: alert.name };
  });
}
