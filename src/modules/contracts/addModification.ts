import { recordAudit } from '../../platform/audit/record.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { durationMonths, parisToday } from './domain/dates.js';
import { isRunning } from './domain/lifecycle.js';
import type { ModificationInput } from './forms.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { publishDecpRecord } from './publishDecp.js';
import { contractById, contractByIdForUpdate } from './repo.js';

/**
 * A modification (avenant, modificatif) of a notified contract: its object, a new amount, a new
 * end date. Numbered from 1; the DECP record is republished with it, in the same transaction.
 */
export async function addModification(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  input: ModificationInput,
  options: { now?: Date; ip?: string } = {},
): Promise<{ number: number }> {
  const now = options.now ?? new Date();
  return rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (!isRunning(contract.status)) throw new AppError('conflict', { messageKey: 'contracts.error.not_running' });
    if (contract.notificationDate && input.modification_notified_on < contract.notificationDate) {
      throw fieldError('modification_notified_on', 'contracts.error.notified_before_contract');
    }
    if (input.new_end_date && contract.startDate && input.new_end_date < contract.startDate) {
      throw fieldError('new_end_date', 'contracts.error.new_end_date');
    }
    const last = await trx
      .selectFrom('contract_modifications')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('contract_id', '=', contract.id)
      .executeTakeFirst();
    const number = (last?.max === null || last?.max === undefined ? 0 : Number(last.max)) + 1;
    const newDuration =
      input.new_end_date && contract.startDate ? durationMonths(contract.startDate, input.new_end_date) : null;
    const row = {
      id: uuidv7(),
      contract_id: contract.id,
      number,
      object: input.modification_object,
      new_amount_cents: input.new_amount,
      new_end_date: input.new_end_date,
      new_duration_months: newDuration,
      notified_on: input.modification_notified_on,
      created_by: actor.userId,
    };
    await trx.insertInto('contract_modifications').values(row).execute();
    if (input.new_end_date) {
      await trx
        .updateTable('contracts')
        .set({ ends_on: input.new_end_date, updated_at: now })
        .where('id', '=', contract.id)
        .execute();
    }
    const current = await contractById(trx, contract.id);
    if (!current) throw new AppError('not_found');
    const published = await publishDecpRecord(trx, current, 'modification', now);
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip: options.ip },
      {
        action: 'contract.modification.added',
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        after: { ...row, decpRecordId: published.id, publishedOn: parisToday(now) },
      },
    );
    await recordEvent(trx, 'contract.modified', { id: contract.id, number, decpRecordId: published.id });
    return { number };
  });
}
