import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app/server.js';
import type { Role } from '../src/platform/db/schema.js';
import type { Runtime } from '../src/platform/runtime.js';
import { TestBrowser } from './support/browser.js';
import { createOrganisation, createUser } from './support/factories.js';
import { createTestRuntime } from './support/runtime.js';

/**
 * Tenant separation, through pages and API: whoever acts for another organisation (any role)
 * can neither read nor change anything of organisation B. Each attempt must fail, and B's
 * rows must be exactly as before. B's own administrator does the same actions successfully,
 * which proves the attempts are aimed at real objects.
 */
let rt: Runtime;
let app: FastifyInstance;
const tokenPattern = /halle_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}/;

interface TenantB {
  orgId: string;
  name: string;
  adminId: string;
  adminEmail: string;
  memberId: string;
  memberEmail: string;
  invitationId: string;
  tokenId: string;
  sessionId: string;
  bearer: string;
}
let b: TenantB;
let bAdminBrowser: TestBrowser;

async function snapshotOf(orgId: string, userIds: string[]) {
  const [org, memberships, invitations, tokens, sessions] = await Promise.all([
    rt.db.selectFrom('organisations').selectAll().where('id', '=', orgId).execute(),
    rt.db.selectFrom('memberships').selectAll().where('organisation_id', '=', orgId).orderBy('user_id').execute(),
    rt.db.selectFrom('invitations').selectAll().where('organisation_id', '=', orgId).orderBy('id').execute(),
    rt.db
      .selectFrom('api_tokens')
      .select(['id', 'revoked_at', 'scopes', 'name'])
      .where('organisation_id', '=', orgId)
      .orderBy('id')
      .execute(),
    rt.db
      .selectFrom('sessions')
      .select(['id', 'revoked_at', 'active_organisation_id'])
      .where('user_id', 'in', userIds)
      .orderBy('id')
      .execute(),
  ]);
  return { org, memberships, invitations, tokens, sessions };
}

async function signedIn(role: Role, kind: 'company' | 'buyer' | 'platform') {
  const org = await createOrganisation(rt, { kind });
  const user = await createUser(rt, { memberships: [{ organisationId: org.id, role }] });
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return { org, user, browser };
}

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  const org = await createOrganisation(rt, { kind: 'company', name: 'Société Beta Secrète' });
  const admin = await createUser(rt, {
    email: 'admin.beta@beta.example',
    memberships: [{ organisationId: org.id, role: 'company_admin' }],
  });
  const member = await createUser(rt, {
    email: 'membre.beta@beta.example',
    memberships: [{ organisationId: org.id, role: 'company_member' }],
  });
  bAdminBrowser = new TestBrowser(app);
  await bAdminBrowser.signIn(admin.email, admin.password);
  const invited = await bAdminBrowser.post('/mon-espace/organisation/invitations', {
    email: 'futur.beta@beta.example',
    role: 'company_member',
  });
  expect(invited.statusCode).toBe(303);
  const created = await bAdminBrowser.post('/mon-espace/organisation/api', {
    name: 'Outil Beta',
    scopes: ['organisation:read', 'members:read', 'audit:read'],
  });
  expect(created.statusCode).toBe(200);
  const bearer = tokenPattern.exec(created.body)?.[0];
  if (!bearer) throw new Error('no API token shown to B');
  const invitation = await rt.db
    .selectFrom('invitations')
    .select('id')
    .where('organisation_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const token = await rt.db
    .selectFrom('api_tokens')
    .select('id')
    .where('organisation_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const session = await rt.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', admin.id)
    .executeTakeFirstOrThrow();
  b = {
    orgId: org.id,
    name: org.name,
    adminId: admin.id,
    adminEmail: admin.email,
    memberId: member.id,
    memberEmail: member.email,
    invitationId: invitation.id,
    tokenId: token.id,
    sessionId: session.id,
    bearer,
  };
});

afterAll(async () => {
  await app.close();
  await rt.close();
});

/** Attempts on B's objects through pages; each must be refused. */
function pageAttempts(): { label: string; method: 'GET' | 'POST'; url: string; fields?: Record<string, string> }[] {
  return [
    { label: 'read B members', method: 'GET', url: '/mon-espace/organisation' },
    {
      label: 'revoke B invitation',
      method: 'POST',
      url: `/mon-espace/organisation/invitations/${b.invitationId}/annuler`,
    },
    {
      label: 'change B member role',
      method: 'POST',
      url: `/mon-espace/organisation/membres/${b.memberId}/role`,
      fields: { role: 'company_admin' },
    },
    { label: 'remove B member', method: 'POST', url: `/mon-espace/organisation/membres/${b.memberId}/retirer` },
    { label: 'see B token revocation page', method: 'GET', url: `/mon-espace/organisation/api/${b.tokenId}/revoquer` },
    { label: 'revoke B token', method: 'POST', url: `/mon-espace/organisation/api/${b.tokenId}/revoquer` },
    { label: 'revoke B admin session', method: 'POST', url: `/mon-compte/sessions/${b.sessionId}/revoquer` },
    {
      label: 'act for B',
      method: 'POST',
      url: '/mon-compte/organisation-active',
      fields: { organisationId: b.orgId },
    },
  ];
}

const outsiders: { role: Role; kind: 'company' | 'buyer' }[] = [
  { role: 'company_admin', kind: 'company' },
  { role: 'company_member', kind: 'company' },
  { role: 'buyer_admin', kind: 'buyer' },
  { role: 'buyer_agent', kind: 'buyer' },
];

describe('authorization matrix: organisation A never reaches organisation B', () => {
  it('B’s own administrator reaches every object (control)', async () => {
    const page = await bAdminBrowser.get('/mon-espace/organisation');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(b.memberEmail);
    const revokePage = await bAdminBrowser.get(`/mon-espace/organisation/api/${b.tokenId}/revoquer`);
    expect(revokePage.statusCode).toBe(200);
  });

  for (const outsider of outsiders) {
    it(`a ${outsider.role} of another organisation can neither read nor change B, through pages`, async () => {
      const before = await snapshotOf(b.orgId, [b.adminId, b.memberId]);
      const { browser } = await signedIn(outsider.role, outsider.kind);
      for (const attempt of pageAttempts()) {
        const res =
          attempt.method === 'GET'
            ? await browser.get(attempt.url)
            : await browser.post(attempt.url, attempt.fields ?? {}, { from: '/mon-espace' });
        const label = `${outsider.role}: ${attempt.label}`;
        if (attempt.label === 'read B members') {
          // their own organisation page: nothing of B on it
          expect(res.body, label).not.toContain(b.name);
          expect(res.body, label).not.toContain(b.memberEmail);
          continue;
        }
        expect([403, 404], label).toContain(res.statusCode);
        expect(res.body, label).not.toContain(b.memberEmail);
      }
      expect(await snapshotOf(b.orgId, [b.adminId, b.memberId])).toEqual(before);
    });
  }

  it('an anonymous visitor is sent to sign in for every page of B', async () => {
    const before = await snapshotOf(b.orgId, [b.adminId, b.memberId]);
    const browser = new TestBrowser(app);
    for (const attempt of pageAttempts()) {
      const res =
        attempt.method === 'GET'
          ? await browser.get(attempt.url)
          : await browser.post(attempt.url, attempt.fields ?? {}, { from: '/' });
      expect([303, 401, 302], attempt.label).toContain(res.statusCode);
      if (res.statusCode !== 401) expect(String(res.headers.location)).toMatch(/^\/connexion/);
    }
    expect(await snapshotOf(b.orgId, [b.adminId, b.memberId])).toEqual(before);
  });

  it('the API token of organisation A reads nothing of B', async () => {
    const { browser } = await signedIn('company_admin', 'company');
    const created = await browser.post('/mon-espace/organisation/api', {
      name: 'Outil A',
      scopes: ['organisation:read', 'members:read', 'audit:read'],
    });
    const tokenA = tokenPattern.exec(created.body)?.[0];
    expect(tokenA).toBeDefined();
    const auth = { authorization: `Bearer ${tokenA}` };

    const other = await app.inject({ method: 'GET', url: `/api/v1/organisations/${b.orgId}`, headers: auth });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body).not.toContain(b.name);

    const members = await app.inject({ method: 'GET', url: '/api/v1/organisation/members', headers: auth });
    expect(members.statusCode).toBe(200);
    expect(members.body).not.toContain(b.adminEmail);
    expect(members.body).not.toContain(b.memberEmail);

    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=100', headers: auth });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('api_token.created');
    expect(audit.body).not.toContain(b.orgId);
    expect(audit.body).not.toContain(b.invitationId);

    // B's own token reads B: the calls above were aimed at a real organisation and real events
    const bAuth = { authorization: `Bearer ${b.bearer}` };
    const own = await app.inject({ method: 'GET', url: `/api/v1/organisations/${b.orgId}`, headers: bAuth });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(b.name);
    const ownMembers = await app.inject({ method: 'GET', url: '/api/v1/organisation/members', headers: bAuth });
    expect(ownMembers.body).toContain(b.memberEmail);
  });

  it('platform back-office pages stay closed to organisation users', async () => {
    const { browser } = await signedIn('company_admin', 'company');
    for (const url of [
      '/administration',
      '/administration/organisations',
      `/administration/organisations/${b.orgId}`,
    ]) {
      const res = await browser.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).not.toContain(b.name);
    }
  });
});
