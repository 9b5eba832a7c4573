import { recordAudit } from '../../../platform/audit/record.js';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import type { Runtime } from '../../../platform/runtime.js';
import { canTransition, transition } from '../domain/lifecycle.js';
import { publicationProblems } from '../domain/readiness.js';
import { canManageTender } from '../policies.js';
import { scheduleClosing } from './closingJobs.js';
import { runPublicationChecks } from './publicationChecks.js';
import { criteriaOf, documentsOfVersion, lotsOf, type TenderRow, tenderById, tenderHeadByReference } from './repo.js';

/** What blocks the publication of a draft (catalogue keys), empty when it can be published. */
export async function problemsBeforePublication(db: DbOrTrx, tender: TenderRow, now: Date): Promise<string[]> {
  const [lots, criteria, documents] = await Promise.all([
    lotsOf(db, tender.id),
    criteriaOf(db, tender.id),
    documentsOfVersion(db, tender.id, tender.dce_version),
  ]);
  const own: string[] = publicationProblems(tender, lots, criteria, documents.length, now);
  return [...own, ...(await runPublicationChecks(db, tender))];
}

/**
 * Publishes a draft: from now on its notice page is public and every change is a corrigendum.
 * One transaction: the status, the publication time, the audit event and the job that closes
 * the tender at its deadline commit together (or not at all).
 */
export async function publishTender(
  rt: Runtime,
  principal: SessionPrincipal,
  reference: string,
  options: { ip?: string | undefined; now?: Date } = {},
): Promise<{ id: string; reference: string }> {
  const now = options.now ?? new Date();
  const head = await tenderHeadByReference(rt.db, reference);
  if (!head || !canManageTender(principal, head)) throw new AppError('not_found');
  return rt.db.transaction().execute(async (trx) => {
    // locked: two agents clicking "publish" at once publish once
    const tender = await tenderById(trx, head.id, { forUpdate: true });
    if (!canTransition(tender.status, 'publish')) {
      throw new AppError('conflict', { messageKey: 'publication.publish.not_draft' });
    }
    const problems = await problemsBeforePublication(trx, tender, now);
    if (problems.length > 0 || !tender.submission_deadline) {
      const keys = problems.length > 0 ? problems : ['publication.publish.no_deadline'];
      throw new AppError('validation', { fields: keys.map((message) => ({ field: '_form', message })) });
    }
    const status = transition(tender.status, 'publish');
    await trx
      .updateTable('tenders')
      .set({ status, published_at: now, updated_at: now })
      .where('id', '=', tender.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: options.ip },
      {
        action: 'tender.published',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { status: tender.status },
        after: {
          status,
          publishedAt: now,
          submissionDeadline: tender.submission_deadline,
          dceVersion: tender.dce_version,
        },
      },
    );
    await scheduleClosing(rt.jobs, trx, tender.id, tender.submission_deadline);
    await recordEvent(trx, 'tender.published', { id: tender.id });
    return { id: tender.id, reference: tender.reference };
  });
}
