import { recordAudit } from '../../../platform/audit/record.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { ClauseValues } from './forms.js';
import { pick, syncSingleLot } from './sync.js';

const fields = [
  'reserved_contract',
  'social_clause_insertion',
  'social_clause_other',
  'environmental_clause',
  'environmental_criterion',
] as const;

/**
 * Step "clauses": reserved contracts (SIAE, L2113-13 / EA-ESAT, L2113-12), social and
 * environmental clauses, for the tender and, when it is divided, for each lot.
 */
export async function saveClauses(
  rt: Runtime,
  editor: Editor,
  reference: string,
  input: { tender: ClauseValues; lots: Map<number, ClauseValues> },
): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, head, 'content');
    const lotsBefore = await trx
      .selectFrom('lots')
      .selectAll()
      .where('tender_id', '=', head.id)
      .orderBy('number')
      .execute();
    const after = await trx
      .updateTable('tenders')
      .set({ ...input.tender, updated_at: new Date() })
      .where('id', '=', head.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const lotsAfter: Record<number, ClauseValues> = {};
    if (lotsBefore.length > 1) {
      for (const lot of lotsBefore) {
        const values = input.lots.get(lot.number);
        if (!values) continue;
        await trx.updateTable('lots').set(values).where('id', '=', lot.id).execute();
        lotsAfter[lot.number] = values;
      }
    } else {
      await syncSingleLot(trx, after);
    }
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.clauses_saved',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: {
        tender: pick(before, fields),
        lots: Object.fromEntries(lotsBefore.map((l) => [l.number, pick(l, fields)])),
      },
      after: { tender: pick(after, fields), lots: lotsAfter },
    });
  });
}
