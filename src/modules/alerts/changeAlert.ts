import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { AlertOwner } from './policies.js';
import { findOwnAlert } from './repo.js';

export type AlertChange = 'pause' | 'resume' | 'delete';

/**
 * Pauses, resumes or deletes one of the person's alerts. Pausing a paused alert (or resuming an
 * active one) changes nothing and writes no audit event.
 */
export async function changeAlert(
  rt: Runtime,
  input: { owner: Pick<AlertOwner, 'userId'>; alertId: string; change: AlertChange; ip?: string | undefined },
): Promise<{ changed: boolean }> {
  return rt.db.transaction().execute(async (trx) => {
    const alert = await findOwnAlert(trx, input.owner.userId, input.alertId);
    if (!alert) throw new AppError('not_found');
    return applyChange(trx, alert, input.change, { type: 'user', userId: input.owner.userId, ip: input.ip });
  });
}

/** The change itself, shared with the one-click unsubscribe (signed link, no session). */
export async function applyChange(
  trx: Parameters<typeof recordAudit>[0],
  alert: { id: string; name: string; company_id: string; paused_at: Date | null },
  change: AlertChange,
  actor: Parameters<typeof recordAudit>[1],
): Promise<{ changed: boolean }> {
  if (change === 'delete') {
    await trx.deleteFrom('alerts').where('id', '=', alert.id).execute();
  } else {
    const pausing = change === 'pause';
    if (pausing === (alert.paused_at !== null)) return { changed: false };
    await trx
      .updateTable('alerts')
      .set({ paused_at: pausing ? new Date() : null, updated_at: new Date() })
      .where('id', '=', alert.id)
      .execute();
  }
  await recordAudit(trx, actor, {
    action: `alert.${change === 'pause' ? 'paused' : change === 'resume' ? 'resumed' : 'deleted'}`,
    subjectType: 'alert',
    subjectId: alert.id,
    organisationId: alert.company_id,
    before: { name: alert.name, paused: alert.paused_at !== null },
  });
  return { changed: true };
}
