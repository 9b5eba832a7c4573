import type { Principal, PrincipalMembership } from '../../platform/http/principal.js';
import { adminRoleFor } from './domain/roles.js';

/**
 * Who may see and administer an organisation, decided from the principal alone, before any
 * data is read. Only members see their organisation: anyone else gets the same answer as for
 * an organisation that does not exist.
 */
export function membershipIn(principal: Principal, organisationId: string): PrincipalMembership | undefined {
  if (principal.kind !== 'session') return undefined;
  return principal.memberships.find((m) => m.organisationId === organisationId);
}

export function canViewOrganisation(principal: Principal, organisationId: string): boolean {
  return membershipIn(principal, organisationId) !== undefined;
}

/** Inviting, revoking invitations, changing roles and removing members: the organisation's admins. */
export function canAdministerOrganisation(principal: Principal, organisationId: string): boolean {
  const membership = membershipIn(principal, organisationId);
  return membership !== undefined && membership.role === adminRoleFor(membership.organisationKind);
}
