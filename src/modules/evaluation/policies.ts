import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may evaluate and decide: buyer agents and administrators acting for the tender's buyer, and
 * nobody else. Decided from the principal and the tender's buyer before any bid or score is read;
 * anyone else (another organisation's agent, a company user) gets a 404, so existence does not leak.
 */
export function isEvaluator(principal: Principal, tender: { buyer_id: string }): boolean {
  const membership = activeMembership(principal);
  return (
    principal.kind === 'session' &&
    membership?.organisationId === tender.buyer_id &&
    membership.organisationKind === 'buyer' &&
    (membership.role === 'buyer_agent' || membership.role === 'buyer_admin')
  );
}

/** Statuses in which the evaluation pages are shown (from opening on). */
export const evaluationStatuses = ['opened', 'evaluation', 'awarded', 'unsuccessful', 'cancelled'] as const;

/** Whether the evaluation can still change (scores, classification, decisions). */
export function isEvaluating(tender: { status: string }): boolean {
  return tender.status === 'evaluation';
}
