import { recordAudit } from '../../platform/audit/record.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { isRunning } from './domain/lifecycle.js';
import type { SubcontractInput } from './forms.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { publishDecpRecord } from './publishDecp.js';
import { contractById, contractByIdForUpdate } from './repo.js';

/**
 * A subcontracting declaration (acte spécial de sous-traitance): subcontractor SIRET (checked),
 * name, amount, direct payment. Numbered from 1; the DECP record is republished with the act.
 */
export async function declareSubcontract(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  input: SubcontractInput,
  options: { now?: Date; ip?: string } = {},
): Promise<{ number: number }> {
  const now = options.now ?? new Date();
  return rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (!isRunning(contract.status)) throw new AppError('conflict', { messageKey: 'contracts.error.not_running' });
    if (contract.contractors.some((c) => c.siret === input.siret)) {
      throw fieldError('siret', 'contracts.error.subcontractor_is_contractor');
    }
    if (contract.notificationDate && input.subcontract_notified_on < contract.notificationDate) {
      throw fieldError('subcontract_notified_on', 'contracts.error.notified_before_contract');
    }
    const last = await trx
      .selectFrom('contract_subcontracts')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('contract_id', '=', contract.id)
      .executeTakeFirst();
    const number = (last?.max === null || last?.max === undefined ? 0 : Number(last.max)) + 1;
    const row = {
      id: uuidv7(),
      contract_id: contract.id,
      number,
      siret: input.siret,
      name: input.subcontractor_name,
      amount_cents: input.subcontract_amount,
      direct_payment: input.direct_payment,
      duration_months: input.subcontract_duration,
      price_variation: input.price_variation,
      notified_on: input.subcontract_notified_on,
      created_by: actor.userId,
    };
    await trx.insertInto('contract_subcontracts').values(row).execute();
    const current = await contractById(trx, contract.id);
    if (!current) throw new AppError('not_found');
    const published = await publishDecpRecord(trx, current, 'subcontracting', now);
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip: options.ip },
      {
        action: 'contract.subcontract.declared',
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        after: { ...row, decpRecordId: published.id },
      },
    );
    await recordEvent(trx, 'contract.subcontract_declared', { id: contract.id, number, decpRecordId: published.id });
    return { number };
  });
}
