import { recordAudit } from '../../../platform/audit/record.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import type { Runtime } from '../../../platform/runtime.js';
import { canTransition, transition } from '../domain/lifecycle.js';
import { canManageTender } from '../policies.js';
import { tenderById, tenderHeadByReference } from './repo.js';

/** Ending a tender without award: "sans suite" (cancel) or "infructueux" (unsuccessful). */
export type AbandonEvent = 'cancel' | 'declareUnsuccessful';

export interface AbandonInput {
  event: AbandonEvent;
  reason: string;
}

/**
 * Ends a tender with a reason, through the state machine (a draft is simply not published; a
 * final tender stays as it is). The reason is written on the tender, shown on its notice page,
 * and kept in the audit trail with the status before and after.
 */
export async function abandonTender(
  rt: Runtime,
  principal: SessionPrincipal,
  reference: string,
  input: AbandonInput,
  options: { ip?: string | undefined; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const head = await tenderHeadByReference(rt.db, reference);
  if (!head || !canManageTender(principal, head)) throw new AppError('not_found');
  await rt.db.transaction().execute(async (trx) => {
    const tender = await tenderById(trx, head.id, { forUpdate: true });
    if (!canTransition(tender.status, input.event)) {
      throw new AppError('conflict', { messageKey: 'publication.abandon.not_allowed' });
    }
    const status = transition(tender.status, input.event);
    await trx
      .updateTable('tenders')
      .set({ status, status_reason: input.reason, updated_at: now })
      .where('id', '=', tender.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: options.ip },
      {
        action: input.event === 'cancel' ? 'tender.cancelled' : 'tender.declared_unsuccessful',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { status: tender.status },
        after: { status, reason: input.reason },
      },
    );
    await recordEvent(trx, input.event === 'cancel' ? 'tender.cancelled' : 'tender.unsuccessful', { id: tender.id });
  });
}
