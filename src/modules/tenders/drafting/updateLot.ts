import { recordAudit } from '../../../platform/audit/record.js';
import { notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { LotInput } from './forms.js';
import { pick } from './sync.js';

const fields = ['number', 'title', 'description', 'cpv_codes', 'estimated_value_cents'] as const;

/** Changes one lot of a divided tender (the single lot of an undivided one mirrors the tender). */
export async function updateLot(
  rt: Runtime,
  editor: Editor,
  reference: string,
  number: number,
  input: LotInput,
): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    await lockDraft(trx, head, 'lots');
    const before = await trx
      .selectFrom('lots')
      .selectAll()
      .where('tender_id', '=', head.id)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!before) throw notFound();
    const after = await trx
      .updateTable('lots')
      .set({
        title: input.title,
        description: input.description,
        cpv_codes: input.cpv_codes,
        estimated_value_cents: input.estimated_value,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('tenders').set({ updated_at: new Date() }).where('id', '=', head.id).execute();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.lot_updated',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: pick(before, fields),
      after: pick(after, fields),
    });
  });
}
