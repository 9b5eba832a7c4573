import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may do what with submissions, decided from the principal and the tender's buyer before any
 * submission data is read. Anything of another organisation is a 404 (existence does not leak).
 */

/** Buyer agents and administrators acting for the tender's buyer: committee, register, opening. */
export function isTenderBuyer(principal: Principal, tender: { buyer_id: string }): boolean {
  const membership = activeMembership(principal);
  return (
    principal.kind === 'session' &&
    membership?.organisationId === tender.buyer_id &&
    (membership.role === 'buyer_agent' || membership.role === 'buyer_admin')
  );
}

/** The company a signed-in person acts for: only company users submit, and only for their company. */
export function submittingCompany(principal: Principal): { companyId: string; userId: string } | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'company') return null;
  if (membership.role !== 'company_member' && membership.role !== 'company_admin') return null;
  return { companyId: membership.organisationId, userId: principal.user.id };
}

/** A holder's page and share are theirs alone. */
export function isHolder(principal: Principal, holder: { user_id: string }): boolean {
  return principal.kind === 'session' && principal.user.id === holder.user_id;
}

/** Statuses in which a company may add files to a submission (the deadline itself is checked by clock at sealing). */
export const uploadableStatuses = ['published'] as const;
/** Statuses in which sealing is still accepted (late when past the deadline). */
export const sealableStatuses = ['published', 'closed'] as const;
