import { recordAudit } from '../../../platform/audit/record.js';
import { notFound } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { ValidCriterion } from './criteriaRules.js';

/**
 * Replaces the award criteria of one scope: the common criteria (lot number null), or the
 * criteria of one lot, which then replace the common ones for that lot. The rows have already
 * been validated (weights add up to 100 %).
 */
export async function saveCriteria(
  rt: Runtime,
  editor: Editor,
  reference: string,
  lotNumber: number | null,
  criteria: ValidCriterion[],
): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    await lockDraft(trx, head, 'criteria');
    let lotId: string | null = null;
    if (lotNumber !== null) {
      const lot = await trx
        .selectFrom('lots')
        .select('id')
        .where('tender_id', '=', head.id)
        .where('number', '=', lotNumber)
        .executeTakeFirst();
      if (!lot) throw notFound();
      lotId = lot.id;
    }
    let existing = trx
      .selectFrom('award_criteria')
      .select(['label', 'kind', 'weight_bp'])
      .where('tender_id', '=', head.id);
    existing = lotId === null ? existing.where('lot_id', 'is', null) : existing.where('lot_id', '=', lotId);
    const before = await existing.orderBy('position').execute();
    let removal = trx.deleteFrom('award_criteria').where('tender_id', '=', head.id);
    removal = lotId === null ? removal.where('lot_id', 'is', null) : removal.where('lot_id', '=', lotId);
    await removal.execute();
    if (criteria.length > 0) {
      await trx
        .insertInto('award_criteria')
        .values(
          criteria.map((c, i) => ({
            id: uuidv7(),
            tender_id: head.id,
            lot_id: lotId,
            position: i + 1,
            label: c.label,
            kind: c.kind,
            weight_bp: c.weight_bp,
          })),
        )
        .execute();
    }
    await trx.updateTable('tenders').set({ updated_at: new Date() }).where('id', '=', head.id).execute();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.criteria_saved',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: { lot: lotNumber, criteria: before },
      after: { lot: lotNumber, criteria },
    });
  });
}
