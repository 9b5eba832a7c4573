import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Trx } from '../../../platform/db/kysely.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import { uuidv7 } from '../../../platform/ids.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Runtime } from '../../../platform/runtime.js';
import { identifiedRetrievers } from '../clarifications/retrievers.js';
import {
  type CorrigibleValues,
  corrigendumProblems,
  diffCorrigendum,
  type FieldChange,
  fieldsCorrigibleIn,
} from '../domain/corrigendum.js';
import { canManageTender } from '../policies.js';
import { scheduleClosing } from './closingJobs.js';
import { corrigendumMail } from './mails.js';
import { type TenderRow, tenderById, tenderHeadByReference } from './repo.js';
import { stagedDocumentCount } from './stagedDocuments.js';

export interface CorrigendumInput {
  reason: string;
  /** the proposed values of the fields shown on the form; unchanged ones are ignored */
  values: Partial<CorrigibleValues>;
  /** publish the documents staged since the last version as a new DCE version */
  includeDocuments: boolean;
}

function corrigibleValuesOf(tender: TenderRow): CorrigibleValues {
  return {
    title: tender.title,
    description: tender.description,
    submission_deadline: tender.submission_deadline,
    candidature_deadline: tender.candidature_deadline,
    questions_deadline: tender.questions_deadline,
    contact_name: tender.contact_name,
    contact_email: tender.contact_email,
    contact_phone: tender.contact_phone,
    max_file_size_bytes: Number(tender.max_file_size_bytes),
  };
}

function columnValue(change: FieldChange): string | number | Date | null {
  if (change.after === null) return null;
  return change.field.endsWith('_deadline') && typeof change.after === 'string' ? new Date(change.after) : change.after;
}

/**
 * Publishes a corrigendum (avis rectificatif) on a published tender, before its deadline.
 * One transaction: the tender's new values (and DCE version when staged documents are included),
 * the numbered corrigendum with its reason and changes, the audit event, a new closing job when
 * the deadline moved (the old one finds the deadline not reached and does nothing), and a mail to
 * every identified retriever.
 */
export async function issueCorrigendum(
  rt: Runtime,
  principal: SessionPrincipal,
  reference: string,
  input: CorrigendumInput,
  options: { ip?: string | undefined; now?: Date } = {},
): Promise<{ number: number }> {
  const now = options.now ?? new Date();
  const head = await tenderHeadByReference(rt.db, reference);
  if (!head || !canManageTender(principal, head)) throw new AppError('not_found');
  return rt.db.transaction().execute(async (trx) => {
    const tender = await tenderById(trx, head.id, { forUpdate: true });
    const current = corrigibleValuesOf(tender);
    const allowed = fieldsCorrigibleIn(tender.status);
    const proposed = Object.fromEntries(
      Object.entries(input.values).filter(([field]) => allowed.includes(field as never)),
    ) as Partial<CorrigibleValues>;
    const changes = diffCorrigendum(current, proposed);
    const staged = input.includeDocuments ? await stagedDocumentCount(trx, tender) : 0;
    const problems = corrigendumProblems({
      status: tender.status,
      current,
      changes,
      includesDocuments: staged > 0,
      now,
    });
    if (input.includeDocuments && staged === 0) {
      problems.push({ field: '_form', message: 'publication.corrigendum.no_staged_documents' });
    }
    if (!input.reason.trim()) problems.push({ field: 'reason', message: 'publication.corrigendum.reason.required' });
    if (problems.length > 0) throw new AppError('validation', { fields: problems });

    const dceVersion = staged > 0 ? tender.dce_version + 1 : tender.dce_version;
    const update: Record<string, unknown> = { updated_at: now, dce_version: dceVersion };
    for (const change of changes) update[change.field] = columnValue(change);
    await trx.updateTable('tenders').set(update).where('id', '=', tender.id).execute();

    const number = await nextCorrigendumNumber(trx, tender.id);
    await trx
      .insertInto('corrigenda')
      .values({
        id: uuidv7(),
        tender_id: tender.id,
        number,
        reason: input.reason.trim(),
        changes: JSON.stringify(changes),
        dce_version: dceVersion,
        published_at: now,
        published_by: principal.user.id,
      })
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: options.ip },
      {
        action: 'tender.corrigendum_published',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { ...Object.fromEntries(changes.map((c) => [c.field, c.before])), dceVersion: tender.dce_version },
        after: {
          ...Object.fromEntries(changes.map((c) => [c.field, c.after])),
          dceVersion,
          corrigendum: number,
          reason: input.reason.trim(),
        },
      },
    );
    await recordEvent(trx, 'tender.amended', { id: tender.id, number });
    const newDeadline = changes.find((c) => c.field === 'submission_deadline');
    if (newDeadline && typeof newDeadline.after === 'string') {
      await scheduleClosing(rt.jobs, trx, tender.id, new Date(newDeadline.after));
    }
    const link = `${rt.config.publicUrl}/consultations/${tender.reference}`;
    for (const retriever of await identifiedRetrievers(trx, tender.id)) {
      await queueMail(
        trx,
        rt.jobs,
        corrigendumMail(retriever, {
          reference: tender.reference,
          title: changes.some((c) => c.field === 'title') ? String(proposed.title) : tender.title,
          number,
          reason: input.reason.trim(),
          changes,
          newDceVersion: staged > 0 ? dceVersion : null,
          link,
        }),
      );
    }
    return { number };
  });
}

async function nextCorrigendumNumber(trx: Trx, tenderId: string): Promise<number> {
  // the tender row is locked by the caller, so two corrigenda cannot take the same number
  const row = await trx
    .selectFrom('corrigenda')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
    .where('tender_id', '=', tenderId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}
