import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { endDate } from './domain/dates.js';
import type { ContractDataInput } from './forms.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { contractByIdForUpdate } from './repo.js';

/**
 * The buyer completes the contract's data before notification. Once notified, the data is
 * published and changes only through modifications: the form is refused.
 */
export async function updateContractData(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  input: ContractDataInput & { sirets: string[] },
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (contract.status !== 'awaiting_notification') {
      throw new AppError('conflict', { messageKey: 'contracts.error.already_notified' });
    }
    const contractors = contract.contractors.map((c, i) => ({ name: c.name, siret: input.sirets[i] || c.siret }));
    const values = {
      object: input.object,
      amount_cents: input.amount,
      start_date: input.start_date,
      duration_months: input.duration_months,
      ends_on: input.start_date && input.duration_months ? endDate(input.start_date, input.duration_months) : null,
      nature: input.nature,
      procedure: input.procedure,
      cpv_code: input.cpv_code,
      place_code: input.place_code,
      place_type: input.place_type,
      price_types: JSON.stringify(input.price_types),
      price_form: input.price_form,
      ccag: input.ccag,
      techniques: JSON.stringify(input.techniques),
      execution_modes: JSON.stringify(input.execution_modes),
      framework_agreement_id: input.framework_agreement_id,
      innovative: input.innovative,
      offers_received: input.offers_received,
      advance_granted: input.advance_granted,
      advance_rate: input.advance_granted ? input.advance_rate : null,
      grouping_type: input.grouping_type,
      subcontracting_declared: input.subcontracting_declared,
      social_considerations: JSON.stringify(input.social_considerations),
      environmental_considerations: JSON.stringify(input.environmental_considerations),
      insertion_clause: input.insertion_clause,
      has_options: input.has_options,
      options_description: input.has_options ? input.options_description : null,
      contractors: JSON.stringify(contractors),
      updated_at: new Date(),
    };
    await trx.updateTable('contracts').set(values).where('id', '=', contract.id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'contract.data.updated',
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        before: contract,
        after: values,
      },
    );
  });
}
