import { describe, expect, it } from 'vitest';
import type { OrganisationKind, Role } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/http/principal.js';
import { backofficeAccess } from './policies.js';

function session(kind: OrganisationKind, role: Role, active = true): Principal {
  return {
    kind: 'session',
    sessionId: 's',
    user: { id: 'u', email: 'a@exemple.fr', name: 'A', emailVerified: true },
    memberships: [
      { organisationId: 'other', organisationName: 'Autre', organisationKind: 'company', role: 'company_member' },
      { organisationId: 'org', organisationName: 'Org', organisationKind: kind, role },
    ],
    activeOrganisationId: active ? 'org' : 'other',
  };
}

describe('back office policy', () => {
  it('lets in platform operators and admins acting for the platform only', () => {
    expect(backofficeAccess({ kind: 'anonymous' })).toBe('sign_in');
    expect(backofficeAccess({ kind: 'api_token', tokenId: 't', organisationId: 'o', scopes: [] })).toBe('forbid');
    expect(backofficeAccess(session('platform', 'platform_operator'))).toBe('allow');
    expect(backofficeAccess(session('platform', 'platform_admin'))).toBe('allow');
    // the same operator acting for another of their organisations is not in the back office
    expect(backofficeAccess(session('platform', 'platform_admin', false))).toBe('forbid');
    expect(backofficeAccess(session('buyer', 'platform_operator'))).toBe('forbid');
    for (const role of ['buyer_agent', 'buyer_admin', 'company_member', 'company_admin'] as const) {
      expect(backofficeAccess(session('platform', role))).toBe('forbid');
      expect(backofficeAccess(session('company', role))).toBe('forbid');
    }
  });
});
