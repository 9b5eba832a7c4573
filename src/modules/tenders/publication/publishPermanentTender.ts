import { recordAudit } from '../../../platform/audit/record.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { fullWeight } from '../domain/criteria.js';
import { canTransition, transition } from '../domain/lifecycle.js';
import { runPublicationChecks } from './publicationChecks.js';
import { tenderById } from './repo.js';

/**
 * Publishes a platform-owned draft that is not a real purchase (the permanent test tender of
 * issue #6): it sets the deadline, the contact and one price criterion, then publishes. The
 * checks registered by other modules (the keyed opening committee) still apply; the drafting
 * readiness does not, since such a tender has no consultation file (DCE) to download. No closing
 * job is scheduled: its deadline is decades away, and it must stay open.
 */
export async function publishPermanentTender(
  rt: Runtime,
  input: { tenderId: string; submissionDeadline: Date; contactName: string; contactEmail: string },
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const draft = await tenderById(trx, input.tenderId, { forUpdate: true });
    if (!canTransition(draft.status, 'publish')) {
      throw new AppError('conflict', { messageKey: 'publication.publish.not_draft' });
    }
    const problems = await runPublicationChecks(trx, draft);
    if (problems.length > 0) {
      throw new AppError('validation', { fields: problems.map((message) => ({ field: '_form', message })) });
    }
    const now = new Date();
    await trx
      .insertInto('award_criteria')
      .values({ id: uuidv7(), tender_id: draft.id, lot_id: null, position: 1, label: 'Prix', weight_bp: fullWeight })
      .execute();
    const status = transition(draft.status, 'publish');
    await trx
      .updateTable('tenders')
      .set({
        status,
        submission_deadline: input.submissionDeadline,
        contact_name: input.contactName,
        contact_email: input.contactEmail,
        published_at: now,
        updated_at: now,
      })
      .where('id', '=', draft.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'system' },
      {
        action: 'tender.published',
        subjectType: 'tender',
        subjectId: draft.id,
        organisationId: draft.buyer_id,
        before: { status: draft.status },
        after: { status, publishedAt: now, submissionDeadline: input.submissionDeadline, permanent: true },
      },
    );
    await recordEvent(trx, 'tender.published', { id: draft.id });
  });
}
