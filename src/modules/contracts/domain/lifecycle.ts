import type { ContractStatus } from '../../../platform/db/schema.js';

/**
 * The life of a contract, as one explicit state machine (pure, no I/O):
 * awaiting_notification → notified → in_execution → ended, and terminated (résiliation) from a
 * notified contract or one in execution. Ended and terminated contracts are final.
 */
export type ContractEvent = 'notify' | 'startExecution' | 'end' | 'terminate';

const transitions: Record<ContractStatus, Partial<Record<ContractEvent, ContractStatus>>> = {
  awaiting_notification: { notify: 'notified' },
  notified: { startExecution: 'in_execution', end: 'ended', terminate: 'terminated' },
  in_execution: { end: 'ended', terminate: 'terminated' },
  ended: {},
  terminated: {},
};

export const contractStatuses = Object.keys(transitions) as ContractStatus[];
export const contractEvents: readonly ContractEvent[] = ['notify', 'startExecution', 'end', 'terminate'];
export const finalContractStatuses: readonly ContractStatus[] = ['ended', 'terminated'];
/** Statuses in which the contract is running: modifications, subcontracting and follow-up are accepted. */
export const runningStatuses: readonly ContractStatus[] = ['notified', 'in_execution'];

export class ContractTransitionRefused extends Error {
  constructor(
    readonly from: ContractStatus,
    readonly event: ContractEvent,
  ) {
    super(`a ${from} contract cannot ${event}`);
  }
}

export function canTransition(from: ContractStatus, event: ContractEvent): boolean {
  return transitions[from][event] !== undefined;
}

export function transition(from: ContractStatus, event: ContractEvent): ContractStatus {
  const to = transitions[from][event];
  if (!to) throw new ContractTransitionRefused(from, event);
  return to;
}

export function isRunning(status: ContractStatus): boolean {
  return runningStatuses.includes(status);
}
