import type { SessionPrincipal } from '../../platform/http/principal.js';

/**
 * Who may do what in the identity module. Pure functions of the acting person and the object,
 * so the rules are read and tested in one place. A refusal is answered 404 by the routes:
 * nobody learns that another person's session or an organisation exists.
 */

/** A person may close only their own sessions; operators close others' sessions from the back office. */
export function canRevokeSession(principal: SessionPrincipal, session: { userId: string }): boolean {
  return session.userId === principal.user.id;
}

/** A person may act for an organisation only while being one of its members. */
export function canActForOrganisation(principal: SessionPrincipal, organisationId: string): boolean {
  return principal.memberships.some((m) => m.organisationId === organisationId);
}
