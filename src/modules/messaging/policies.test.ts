import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/http/principal.js';
import { buyerMessagingActor, companyMessagingActor, threadActor } from './policies.js';

const buyer = 'b0000000-0000-4000-8000-000000000001';
const otherBuyer = 'b0000000-0000-4000-8000-000000000002';
const company = 'c0000000-0000-4000-8000-000000000001';
const otherCompany = 'c0000000-0000-4000-8000-000000000002';
const thread = { buyerId: buyer, companyId: company };

function as(role: Role, organisationId: string, kind: 'buyer' | 'company' | 'platform'): Principal {
  return {
    kind: 'session',
    sessionId: 's',
    user: { id: 'u0000000-0000-4000-8000-000000000001', email: 'a@exemple.fr', name: 'A', emailVerified: true },
    memberships: [{ organisationId, organisationName: 'Org', organisationKind: kind, role }],
    activeOrganisationId: organisationId,
  };
}

describe('messaging policies', () => {
  it.each([
    ['an agent of the tender’s buyer', as('buyer_agent', buyer, 'buyer'), 'buyer'],
    ['an administrator of the tender’s buyer', as('buyer_admin', buyer, 'buyer'), 'buyer'],
    ['a member of the thread’s company', as('company_member', company, 'company'), 'company'],
    ['an administrator of the thread’s company', as('company_admin', company, 'company'), 'company'],
    ['an agent of another buyer', as('buyer_agent', otherBuyer, 'buyer'), null],
    ['a member of another company', as('company_member', otherCompany, 'company'), null],
    ['a platform operator', as('platform_operator', 'p0000000-0000-4000-8000-000000000001', 'platform'), null],
    ['nobody signed in', { kind: 'anonymous' } as Principal, null],
    [
      'an API token of the buyer',
      { kind: 'api_token', tokenId: 't', organisationId: buyer, scopes: [] } as Principal,
      null,
    ],
  ] as const)('%s reads the thread from side %s', (_, principal, side) => {
    expect(threadActor(principal, thread)?.side ?? null).toBe(side);
  });

  it('acts for the active organisation only', () => {
    const both: Principal = {
      ...(as('company_member', company, 'company') as Extract<Principal, { kind: 'session' }>),
      memberships: [
        { organisationId: company, organisationName: 'C', organisationKind: 'company', role: 'company_member' },
        { organisationId: buyer, organisationName: 'B', organisationKind: 'buyer', role: 'buyer_agent' },
      ],
      activeOrganisationId: company,
    };
    expect(buyerMessagingActor(both, { buyerId: buyer })).toBeNull();
    expect(companyMessagingActor(both)?.organisationId).toBe(company);
  });
});
