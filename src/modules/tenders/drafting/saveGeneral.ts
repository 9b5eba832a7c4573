import { recordAudit } from '../../../platform/audit/record.js';
import type { Runtime } from '../../../platform/runtime.js';
import { needsCandidatureDeadline } from '../domain/legalDelays.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { GeneralInput } from './forms.js';
import { nutsForDepartment } from './reference.js';
import { pick, syncSingleLot } from './sync.js';

const fields = [
  'title',
  'internal_reference',
  'description',
  'procedure_type',
  'main_category',
  'cpv_codes',
  'estimated_value_cents',
  'department',
  'nuts_code',
  'duration_months',
  'variants_allowed',
  'has_options',
  'options_description',
  'candidature_deadline',
] as const;

/** Step "general": the object of the tender, its procedure, classification, value and place. */
export async function saveGeneral(rt: Runtime, editor: Editor, reference: string, input: GeneralInput): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, head, 'content');
    const values = {
      title: input.title,
      internal_reference: input.internal_reference,
      description: input.description,
      procedure_type: input.procedure_type,
      main_category: input.main_category,
      cpv_codes: input.cpv_codes,
      estimated_value_cents: input.estimated_value,
      department: input.department,
      // in France a NUTS-3 region is a department: fill it in when only the department is given
      nuts_code: input.nuts_code ?? (input.department ? (nutsForDepartment(input.department) ?? null) : null),
      duration_months: input.duration_months,
      variants_allowed: input.variants_allowed,
      has_options: input.has_options,
      options_description: input.has_options ? input.options_description : null,
      // a candidature deadline only exists in procedures with a candidature stage
      ...(needsCandidatureDeadline(input.procedure_type) ? {} : { candidature_deadline: null }),
    };
    const after = await trx
      .updateTable('tenders')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', head.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncSingleLot(trx, after);
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.general_saved',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: pick(before, fields),
      after: pick(after, fields),
    });
  });
}
