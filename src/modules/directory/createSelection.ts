import { recordAudit } from '../../platform/audit/record.js';
import { fieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import type { BuyerActor } from './policies.js';

/**
 * Saves a named selection of companies for the buyer. Only companies listed in the directory can
 * be selected: an id that is not one (forged, or a company that left meanwhile) refuses the whole
 * selection, so the buyer sees what happened instead of a silently shorter list.
 */
export async function createSelection(
  rt: Runtime,
  actor: BuyerActor,
  input: { name: string; companyIds: string[] },
  ip?: string,
): Promise<{ id: string }> {
  const ids = [...new Set(input.companyIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) throw fieldError('companies', 'directory.error.none_selected');
  if (ids.length > 500 || ids.some((id) => !/^[0-9a-f-]{36}$/.test(id))) {
    throw fieldError('companies', 'directory.error.not_listed');
  }
  return rt.db.transaction().execute(async (trx) => {
    const listed = await trx
      .selectFrom('company_profiles as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select('o.id')
      .where('o.id', 'in', ids)
      .where('o.kind', '=', 'company')
      .where('p.in_directory', '=', true)
      .execute();
    if (listed.length !== ids.length) throw fieldError('companies', 'directory.error.not_listed');
    const id = uuidv7();
    await trx
      .insertInto('directory_selections')
      .values({ id, buyer_id: actor.buyerId, name: input.name, created_by: actor.userId })
      .execute();
    await trx
      .insertInto('directory_selection_companies')
      .values(ids.map((companyId) => ({ selection_id: id, company_id: companyId })))
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'directory.selection.created',
        subjectType: 'directory_selection',
        subjectId: id,
        organisationId: actor.buyerId,
        after: { name: input.name, companyIds: ids },
      },
    );
    return { id };
  });
}
