import { recordAudit } from '../../platform/audit/record.js';
import type { PartneringRole } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { CompanyActor } from '../company-registry/index.js';
import { isOpen } from './policies.js';
import type { TenderHead } from './repo.js';

/** Declares (or updates) the company on a tender's exchange as lead, co-contractor or subcontractor. */
export async function declarePartnering(
  rt: Runtime,
  actor: CompanyActor,
  tender: TenderHead,
  input: { role: PartneringRole; note: string; skills: string },
  ip?: string,
): Promise<void> {
  if (!isOpen(tender)) throw new AppError('conflict', { messageKey: 'partnering.error.closed' });
  await rt.db.transaction().execute(async (trx) => {
    const values = { role: input.role, note: input.note, skills: input.skills, declared_by: actor.userId };
    await trx
      .insertInto('partnering_entries')
      .values({ tender_id: tender.id, company_id: actor.companyId, ...values })
      .onConflict((oc) => oc.columns(['tender_id', 'company_id']).doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'partnering.declared',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: actor.companyId,
        after: { reference: tender.reference, ...input },
      },
    );
  });
}
