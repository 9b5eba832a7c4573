import { recordAudit } from '../../platform/audit/record.js';
import type { Runtime } from '../../platform/runtime.js';
import type { CompanyActor } from '../company-registry/index.js';
import type { TenderHead } from './repo.js';

/** Takes the company off a tender's exchange; withdrawing twice changes nothing. */
export async function withdrawPartnering(
  rt: Runtime,
  actor: CompanyActor,
  tender: TenderHead,
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('partnering_entries')
      .where('tender_id', '=', tender.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return;
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'partnering.withdrawn',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: actor.companyId,
        before: { reference: tender.reference },
      },
    );
  });
}
