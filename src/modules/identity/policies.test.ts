import { describe, expect, it } from 'vitest';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { canActForOrganisation, canRevokeSession } from './policies.js';

const alice: SessionPrincipal = {
  kind: 'session',
  sessionId: 's-alice',
  user: { id: 'u-alice', email: 'alice@exemple.fr', name: 'Alice', emailVerified: true },
  memberships: [
    { organisationId: 'o-a', organisationName: 'A', organisationKind: 'company', role: 'company_admin' },
    { organisationId: 'o-b', organisationName: 'B', organisationKind: 'buyer', role: 'buyer_agent' },
  ],
  activeOrganisationId: 'o-a',
};

describe('identity policies', () => {
  it('lets a person revoke only their own sessions', () => {
    expect(canRevokeSession(alice, { userId: 'u-alice' })).toBe(true);
    expect(canRevokeSession(alice, { userId: 'u-bob' })).toBe(false);
  });

  it('lets a person act only for organisations they belong to', () => {
    expect(canActForOrganisation(alice, 'o-a')).toBe(true);
    expect(canActForOrganisation(alice, 'o-b')).toBe(true);
    expect(canActForOrganisation(alice, 'o-c')).toBe(false);
    expect(canActForOrganisation({ ...alice, memberships: [] }, 'o-a')).toBe(false);
  });
});
