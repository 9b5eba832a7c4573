import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { BuyerActor } from '../directory/index.js';
import { createDraftInTransaction } from '../tenders/index.js';

/**
 * Turns the buyer's intention into a draft tender in one step: title, description, CPV and
 * estimated value carried over; the intention closes and points at its tender. The draft and the
 * intention's change commit together (the tenders module creates the draft in this transaction).
 */
export async function convertToDraft(
  rt: Runtime,
  actor: BuyerActor,
  intentionId: string,
  ip?: string,
): Promise<{ reference: string }> {
  return rt.db.transaction().execute(async (trx) => {
    const intention = await trx
      .selectFrom('purchase_intentions')
      .selectAll()
      .where('id', '=', intentionId)
      .where('buyer_id', '=', actor.buyerId)
      .forUpdate()
      .executeTakeFirst();
    if (!intention) throw new AppError('not_found');
    if (intention.status !== 'published') throw new AppError('conflict', { messageKey: 'intentions.error.converted' });
    const draft = await createDraftInTransaction(trx, {
      buyerId: actor.buyerId,
      userId: actor.userId,
      ip,
      title: intention.title,
      description: intention.description,
      cpvCodes: [intention.cpv_code],
      estimatedValueCents: intention.estimated_value_cents,
      origin: `purchase_intention:${intention.id}`,
    });
    await trx
      .updateTable('purchase_intentions')
      .set({ status: 'converted', tender_id: draft.id })
      .where('id', '=', intention.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'intentions.converted',
        subjectType: 'purchase_intention',
        subjectId: intention.id,
        organisationId: actor.buyerId,
        before: { status: intention.status },
        after: { status: 'converted', tenderId: draft.id, reference: draft.reference },
      },
    );
    return { reference: draft.reference };
  });
}
