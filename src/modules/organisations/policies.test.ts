import { describe, expect, it } from 'vitest';
import type { OrganisationKind, Role } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/http/principal.js';
import { canAdministerOrganisation, canViewOrganisation } from './policies.js';

const orgA = '0190c3a0-0000-7000-8000-00000000000a';
const orgB = '0190c3a0-0000-7000-8000-00000000000b';

function member(kind: OrganisationKind, role: Role): Principal {
  return {
    kind: 'session',
    sessionId: 's',
    user: { id: 'u', email: 'u@exemple.fr', name: 'U', emailVerified: true },
    memberships: [{ organisationId: orgA, organisationName: 'A', organisationKind: kind, role }],
    activeOrganisationId: orgA,
  };
}

describe('organisation policies: roles × actions', () => {
  const matrix: [OrganisationKind, Role, { view: boolean; administer: boolean }][] = [
    ['company', 'company_admin', { view: true, administer: true }],
    ['company', 'company_member', { view: true, administer: false }],
    ['buyer', 'buyer_admin', { view: true, administer: true }],
    ['buyer', 'buyer_agent', { view: true, administer: false }],
    ['platform', 'platform_admin', { view: true, administer: true }],
    ['platform', 'platform_operator', { view: true, administer: false }],
  ];
  it.each(matrix)('%s %s on its own organisation', (kind, role, expected) => {
    const principal = member(kind, role);
    expect(canViewOrganisation(principal, orgA)).toBe(expected.view);
    expect(canAdministerOrganisation(principal, orgA)).toBe(expected.administer);
  });

  it.each(matrix)('%s %s on another organisation: nothing', (kind, role) => {
    const principal = member(kind, role);
    expect(canViewOrganisation(principal, orgB)).toBe(false);
    expect(canAdministerOrganisation(principal, orgB)).toBe(false);
  });

  it('gives anonymous visitors and API tokens nothing on organisation pages', () => {
    const anonymous: Principal = { kind: 'anonymous' };
    const token: Principal = { kind: 'api_token', tokenId: 't', organisationId: orgA, scopes: ['*'] };
    for (const p of [anonymous, token]) {
      expect(canViewOrganisation(p, orgA)).toBe(false);
      expect(canAdministerOrganisation(p, orgA)).toBe(false);
    }
  });

  it('never lets a role of another kind administer (a company role in a buyer)', () => {
    const odd = member('buyer', 'company_admin');
    expect(canAdministerOrganisation(odd, orgA)).toBe(false);
  });
});
