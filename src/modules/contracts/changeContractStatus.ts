import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { canTransition, transition } from './domain/lifecycle.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { contractByIdForUpdate } from './repo.js';

export type StatusChange = 'startExecution' | 'end' | 'terminate';

/** Start of execution, end, or termination (résiliation), through the state machine. */
export async function changeContractStatus(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  event: StatusChange,
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (!canTransition(contract.status, event)) {
      throw new AppError('conflict', { messageKey: 'contracts.error.transition' });
    }
    const status = transition(contract.status, event);
    await trx.updateTable('contracts').set({ status, updated_at: new Date() }).where('id', '=', contract.id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: `contract.${event}`,
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        before: { status: contract.status },
        after: { status },
      },
    );
    await recordEvent(trx, 'contract.status_changed', { id: contract.id, from: contract.status, to: status });
  });
}
