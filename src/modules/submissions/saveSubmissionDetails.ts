import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { submittingCompany, uploadableStatuses } from './policies.js';
import { draftOf, lotNumbersOf, type SubmissionRow, type TenderHead, tenderByReference } from './repo.js';

export interface Consortium {
  lead: string;
  members: { name: string; siret: string | null }[];
}

/** The published tender a company user may answer, or a 404 (drafts do not exist for companies). */
export async function answerableTender(rt: Runtime, principal: Principal, reference: string) {
  const company = submittingCompany(principal);
  const tender = await tenderByReference(rt.db, reference);
  if (!tender || tender.status === 'draft') throw new AppError('not_found');
  if (!company) throw new AppError(principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  return { tender, company };
}

/** The company's draft submission for the tender, created on first use (one draft at a time). */
export async function ensureDraft(
  rt: Runtime,
  tender: TenderHead,
  company: { companyId: string; userId: string },
): Promise<SubmissionRow> {
  const existing = await draftOf(rt.db, tender.id, company.companyId);
  if (existing) return existing;
  await rt.db
    .insertInto('submissions')
    .values({ id: uuidv7(), tender_id: tender.id, company_id: company.companyId, created_by: company.userId })
    .onConflict((oc) => oc.columns(['tender_id', 'company_id']).where('status', '=', 'draft').doNothing())
    .execute();
  const created = await draftOf(rt.db, tender.id, company.companyId);
  if (!created) throw new AppError('conflict');
  return created;
}

/** Chooses the lots answered and whether the company answers alone or as a consortium. */
export async function saveSubmissionDetails(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; lots: number[]; consortium: Consortium | null; ip?: string | undefined },
): Promise<void> {
  const { tender, company } = await answerableTender(rt, principal, input.reference);
  if (!(uploadableStatuses as readonly string[]).includes(tender.status)) {
    throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
  }
  const lots = await lotNumbersOf(rt.db, tender.id);
  const chosen = [...new Set(input.lots)].sort((a, b) => a - b);
  if (chosen.length === 0)
    throw new AppError('validation', { fields: [{ field: 'lots', message: 'submissions.submit.no_lot' }] });
  if (chosen.some((n) => !lots.some((l) => l.number === n))) {
    throw new AppError('validation', { fields: [{ field: 'lots', message: 'submissions.submit.unknown_lot' }] });
  }
  const draft = await ensureDraft(rt, tender, company);
  await rt.db.transaction().execute(async (trx) => {
    const locked = await draftOf(trx, tender.id, company.companyId, { forUpdate: true });
    if (!locked || locked.id !== draft.id) throw new AppError('conflict');
    await trx
      .updateTable('submissions')
      .set({ lot_numbers: chosen, consortium: input.consortium ? JSON.stringify(input.consortium) : null })
      .where('id', '=', draft.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: company.userId, ip: input.ip },
      {
        action: 'submissions.draft.details_saved',
        subjectType: 'submission',
        subjectId: draft.id,
        organisationId: company.companyId,
        after: { lots: chosen, consortium: input.consortium },
      },
    );
  });
}
