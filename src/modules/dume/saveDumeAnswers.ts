import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { CompanyActor } from '../company-registry/index.js';
import { espdCriteria } from './catalogue.js';
import type { DumeTender } from './repo.js';

/**
 * Stores the company's ESPD answers for a tender (replacing earlier ones). Only the questions the
 * tender's ESPD asks are kept: an imported document may answer more, which is not ours to keep.
 */
export async function saveDumeAnswers(
  rt: Runtime,
  actor: CompanyActor,
  tender: DumeTender,
  answers: Record<string, boolean>,
  origin: 'form' | 'import',
  ip?: string,
): Promise<{ answered: number }> {
  if (tender.status === 'draft') throw new AppError('not_found');
  const kept: Record<string, boolean> = {};
  for (const criterion of espdCriteria()) {
    const value = answers[criterion.questionId];
    if (typeof value === 'boolean') kept[criterion.questionId] = value;
  }
  await rt.db.transaction().execute(async (trx) => {
    const values = { answers: JSON.stringify(kept), updated_by: actor.userId, updated_at: new Date() };
    await trx
      .insertInto('dume_responses')
      .values({ tender_id: tender.id, company_id: actor.companyId, ...values })
      .onConflict((oc) => oc.columns(['tender_id', 'company_id']).doUpdateSet(values))
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: origin === 'import' ? 'dume.response.imported' : 'dume.response.saved',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: actor.companyId,
        after: { reference: tender.reference, answers: kept },
      },
    );
  });
  return { answered: Object.keys(kept).length };
}
