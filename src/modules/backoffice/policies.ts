import { activeMembership, type Principal } from '../../platform/http/principal.js';

/** What the back office does with a request: serve it, send to sign-in, or refuse it. */
export type BackofficeDecision = 'allow' | 'sign_in' | 'forbid';

const operatorRoles = new Set(['platform_operator', 'platform_admin']);

/**
 * The back office is for the people of the body running the platform, acting for it: a
 * platform role in the active organisation, which must be the platform organisation itself.
 * A platform operator who switched to another organisation acts for that one, not as operator.
 */
export function backofficeAccess(principal: Principal): BackofficeDecision {
  if (principal.kind === 'anonymous') return 'sign_in';
  // API tokens belong to buyers and companies: the back office has no API surface.
  if (principal.kind !== 'session') return 'forbid';
  const membership = activeMembership(principal);
  if (membership?.organisationKind !== 'platform') return 'forbid';
  return operatorRoles.has(membership.role) ? 'allow' : 'forbid';
}

/** Operators and admins both register member buyers (the daily work of the back office). */
export function canCreateOrganisation(principal: Principal): boolean {
  return backofficeAccess(principal) === 'allow';
}

/**
 * Mail bodies hold sign-in and reset links: only the platform's people read the outbox
 * (in embedded mode it is the only way those mails reach anyone).
 */
export function canReadOutbox(principal: Principal): boolean {
  return backofficeAccess(principal) === 'allow';
}

export function canReadAuditTrail(principal: Principal): boolean {
  return backofficeAccess(principal) === 'allow';
}
