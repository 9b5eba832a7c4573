import type { OrganisationKind, Role } from '../db/schema.js';

export interface PrincipalMembership {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
}

export interface SessionPrincipal {
  kind: 'session';
  sessionId: string;
  user: { id: string; email: string; name: string; emailVerified: boolean };
  memberships: PrincipalMembership[];
  /** the organisation the user acts for now (a person may belong to several) */
  activeOrganisationId: string | null;
}

export interface ApiTokenPrincipal {
  kind: 'api_token';
  tokenId: string;
  organisationId: string;
  scopes: string[];
}

/** Who is behind a request: nobody, a browser session, or an organisation's API token. */
export type Principal = { kind: 'anonymous' } | SessionPrincipal | ApiTokenPrincipal;

export function activeMembership(principal: Principal): PrincipalMembership | undefined {
  if (principal.kind !== 'session') return undefined;
  return (
    principal.memberships.find((m) => m.organisationId === principal.activeOrganisationId) ?? principal.memberships[0]
  );
}
