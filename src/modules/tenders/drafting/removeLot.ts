import { recordAudit } from '../../../platform/audit/record.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import { syncSingleLot } from './sync.js';

/**
 * Removes a lot (and its own criteria) and renumbers the following ones, so lots stay 1..n.
 * The last lot cannot go: a tender always has one. Back to one lot, the tender is undivided
 * again and its single lot mirrors the tender.
 */
export async function removeLot(rt: Runtime, editor: Editor, reference: string, number: number): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    const tender = await lockDraft(trx, head, 'lots');
    const lots = await trx.selectFrom('lots').selectAll().where('tender_id', '=', head.id).orderBy('number').execute();
    const lot = lots.find((l) => l.number === number);
    if (!lot) throw notFound();
    if (lots.length === 1) throw new AppError('conflict', { messageKey: 'drafting.lots.last' });
    const criteria = await trx.selectFrom('award_criteria').selectAll().where('lot_id', '=', lot.id).execute();
    await trx.deleteFrom('lots').where('id', '=', lot.id).execute();
    // one at a time, in ascending order: each lot moves into the number just freed (UNIQUE holds)
    for (const next of lots.filter((l) => l.number > number)) {
      await trx
        .updateTable('lots')
        .set({ number: next.number - 1 })
        .where('id', '=', next.id)
        .execute();
    }
    await syncSingleLot(trx, tender);
    await trx.updateTable('tenders').set({ updated_at: new Date() }).where('id', '=', head.id).execute();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.lot_removed',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: { lot, criteria },
      after: null,
    });
  });
}
