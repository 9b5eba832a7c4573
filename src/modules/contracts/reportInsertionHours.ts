import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { isRunning } from './domain/lifecycle.js';
import type { InsertionInput } from './forms.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { contractByIdForUpdate } from './repo.js';

/**
 * Social insertion clause follow-up: the hours planned and done for one period (quarter). A
 * period reported again is corrected (the audit keeps the previous figures).
 */
export async function reportInsertionHours(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  input: InsertionInput,
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (!isRunning(contract.status) && contract.status !== 'ended') {
      throw new AppError('conflict', { messageKey: 'contracts.error.not_running' });
    }
    if (!contract.insertionClause)
      throw new AppError('conflict', { messageKey: 'contracts.error.no_insertion_clause' });
    const before = await trx
      .selectFrom('contract_insertion_reports')
      .select(['hours_planned', 'hours_done'])
      .where('contract_id', '=', contract.id)
      .where('period', '=', input.period)
      .executeTakeFirst();
    await trx
      .insertInto('contract_insertion_reports')
      .values({
        contract_id: contract.id,
        period: input.period,
        hours_planned: input.hours_planned,
        hours_done: input.hours_done,
        reported_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(['contract_id', 'period']).doUpdateSet({
          hours_planned: input.hours_planned,
          hours_done: input.hours_done,
          reported_by: actor.userId,
          reported_at: new Date(),
        }),
      )
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'contract.insertion.reported',
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        before: before ?? null,
        after: input,
      },
    );
  });
}
