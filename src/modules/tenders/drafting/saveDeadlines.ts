import { recordAudit } from '../../../platform/audit/record.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { DelayFinding } from '../domain/legalDelays.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { DeadlineValues } from './deadlineRules.js';
import { pick } from './sync.js';

const fields = ['submission_deadline', 'candidature_deadline', 'questions_deadline'] as const;

/**
 * Step "deadlines". The acknowledged legal-delay warnings are kept in the audit event: who
 * chose a deadline below the legal minimum, when, knowing it.
 */
export async function saveDeadlines(
  rt: Runtime,
  editor: Editor,
  reference: string,
  values: DeadlineValues,
  acknowledged: DelayFinding[],
): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, head, 'deadlines');
    const after = await trx
      .updateTable('tenders')
      .set({
        submission_deadline: values.submission,
        candidature_deadline: values.candidature,
        questions_deadline: values.questions,
        updated_at: new Date(),
      })
      .where('id', '=', head.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.deadlines_saved',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: pick(before, fields),
      after: { ...pick(after, fields), acknowledgedDelayWarnings: acknowledged },
    });
  });
}
