import { recordAudit } from '../../../platform/audit/record.js';
import { AppError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { NewLotInput } from './forms.js';

export const maxLots = 200;

/** Adds a lot at the end. Adding a second lot makes the tender divided ("alloti"). */
export async function addLot(rt: Runtime, editor: Editor, reference: string, input: NewLotInput): Promise<number> {
  const head = await managedTender(rt, editor, reference);
  return rt.db.transaction().execute(async (trx) => {
    await lockDraft(trx, head, 'lots');
    const last = await trx
      .selectFrom('lots')
      .select((eb) => [eb.fn.max('number').as('max'), eb.fn.countAll<string>().as('n')])
      .where('tender_id', '=', head.id)
      .executeTakeFirstOrThrow();
    if (Number(last.n) >= maxLots) throw new AppError('validation', { messageKey: 'drafting.lots.too_many' });
    const number = Number(last.max ?? 0) + 1;
    const lot = {
      id: uuidv7(),
      tender_id: head.id,
      number,
      title: input.title,
      description: input.description,
      cpv_codes: input.cpv_codes,
      estimated_value_cents: input.estimated_value,
    };
    await trx.insertInto('lots').values(lot).execute();
    // the single lot mirrored the tender until now: it becomes a lot of its own, with its own title
    if (Number(last.n) === 1 && input.first_lot_title) {
      await trx
        .updateTable('lots')
        .set({ title: input.first_lot_title })
        .where('tender_id', '=', head.id)
        .where('number', '=', 1)
        .execute();
    }
    await trx.updateTable('tenders').set({ updated_at: new Date() }).where('id', '=', head.id).execute();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.lot_added',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      after: { ...lot, firstLotTitle: input.first_lot_title },
    });
    return number;
  });
}
