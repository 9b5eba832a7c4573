import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { createApiToken } from './createApiToken.js';
import type { ApiScope } from './domain/scopes.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

/** An organisation with an admin, and a token of it carrying `scopes`. */
async function organisationWithToken(scopes: ApiScope[], kind: 'company' | 'buyer' = 'company') {
  const org = await createOrganisation(rt, { kind });
  const admin = await createUser(rt, {
    name: 'Zoé Admin',
    memberships: [{ organisationId: org.id, role: kind === 'buyer' ? 'buyer_admin' : 'company_admin' }],
  });
  const principal: SessionPrincipal = {
    kind: 'session',
    sessionId: uuidv7(),
    user: { id: admin.id, email: admin.email, name: 'Zoé Admin', emailVerified: true },
    memberships: [
      {
        organisationId: org.id,
        organisationName: org.name,
        organisationKind: kind,
        role: kind === 'buyer' ? 'buyer_admin' : 'company_admin',
      },
    ],
    activeOrganisationId: org.id,
  };
  const created = await createApiToken(rt, principal, { name: 'Intégration', scopes, expiresAt: null });
  return { org, admin, token: created.token, tokenId: created.id };
}

function call(url: string, token?: string) {
  return app.inject({ url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

function expectProblem(res: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ status, code });
  return body;
}

describe('API v1 with bearer tokens', () => {
  it('reads the token’s organisation and records the use at most once a minute', async () => {
    const { org, token, tokenId } = await organisationWithToken(['organisation:read'], 'buyer');
    const res = await call('/api/v1/organisation', token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: org.id,
      kind: 'buyer',
      name: org.name,
      siret: org.siret,
      siren: org.siret.slice(0, 9),
      naf: null,
      size: null,
      department: '75',
      isEss: false,
      isSiae: false,
      memberSince: '2020-01-01',
      memberUntil: null,
    });
    const byId = await call(`/api/v1/organisations/${org.id}`, token);
    expect(byId.statusCode).toBe(200);
    expect(byId.json().id).toBe(org.id);

    const lastUsed = async () =>
      (await rt.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', tokenId).executeTakeFirstOrThrow())
        .last_used_at;
    expect(await lastUsed()).toBeInstanceOf(Date);
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await rt.db.updateTable('api_tokens').set({ last_used_at: thirtySecondsAgo }).where('id', '=', tokenId).execute();
    await call('/api/v1/organisation', token);
    expect((await lastUsed())?.getTime()).toBe(thirtySecondsAgo.getTime());
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await rt.db.updateTable('api_tokens').set({ last_used_at: twoMinutesAgo }).where('id', '=', tokenId).execute();
    await call('/api/v1/organisation', token);
    expect((await lastUsed())?.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('answers 401 problem+json without a token, with a malformed, revoked or expired one', async () => {
    const { token, tokenId } = await organisationWithToken(['organisation:read']);
    const missing = expectProblem(await call('/api/v1/organisation'), 401, 'unauthenticated');
    expect(missing.detail).toContain('Authorization: Bearer');
    const malformed = await app.inject({ url: '/api/v1/organisation', headers: { authorization: 'Basic abc' } });
    expectProblem(malformed, 401, 'unauthenticated');
    expect(malformed.headers['www-authenticate']).toBe('Bearer realm="halle"');
    expectProblem(await call('/api/v1/organisation', `${token.slice(0, -1)}x`), 401, 'unauthenticated');
    // a wrong header is refused even on an endpoint that needs no token
    expectProblem(await call('/api/docs', 'garbage'), 401, 'unauthenticated');

    await rt.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', tokenId)
      .execute();
    const expired = expectProblem(await call('/api/v1/organisation', token), 401, 'unauthenticated');
    expect(expired.detail).toBe('The API token is invalid, revoked or expired.');

    await rt.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() + 3600_000) })
      .where('id', '=', tokenId)
      .execute();
    expect((await call('/api/v1/organisation', token)).statusCode).toBe(200);
    await rt.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).execute();
    expectProblem(await call('/api/v1/organisation', token), 401, 'unauthenticated');
  });

  it('answers 403 naming the missing scope', async () => {
    const { token } = await organisationWithToken(['organisation:read']);
    const members = expectProblem(await call('/api/v1/organisation/members', token), 403, 'forbidden');
    expect(members.detail).toContain('members:read');
    const audit = expectProblem(await call('/api/v1/audit-events', token), 403, 'forbidden');
    expect(audit.detail).toContain('audit:read');
    const other = await organisationWithToken(['members:read']);
    const org = expectProblem(await call('/api/v1/organisation', other.token), 403, 'forbidden');
    expect(org.detail).toContain('organisation:read');
  });

  it('never shows another organisation: 404 on its identifier, as for an unknown one', async () => {
    const a = await organisationWithToken(['organisation:read']);
    const b = await organisationWithToken(['organisation:read']);
    const foreign = expectProblem(await call(`/api/v1/organisations/${b.org.id}`, a.token), 404, 'not_found');
    const unknown = expectProblem(await call(`/api/v1/organisations/${uuidv7()}`, a.token), 404, 'not_found');
    expect(foreign).toEqual(unknown);
    expectProblem(await call('/api/v1/organisations/not-a-uuid', a.token), 404, 'not_found');
  });

  it('lists the members of the token’s organisation only', async () => {
    const a = await organisationWithToken(['members:read']);
    await createUser(rt, {
      name: 'Bruno Émery',
      email: `bruno-${uuidv7().slice(-8)}@exemple.fr`,
      memberships: [{ organisationId: a.org.id, role: 'company_member' }],
    });
    const b = await organisationWithToken(['members:read']);
    await createUser(rt, { name: 'Intrus', memberships: [{ organisationId: b.org.id, role: 'company_member' }] });
    const res = await call('/api/v1/organisation/members', a.token);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; email: string; role: string; since: string }[];
    expect(items.map((m) => [m.name, m.role])).toEqual([
      ['Bruno Émery', 'company_member'],
      ['Zoé Admin', 'company_admin'],
    ]);
    expect(items[1]?.email).toBe(a.admin.email);
    expect(Number.isNaN(Date.parse(items[0]?.since ?? ''))).toBe(false);
  });

  it('pages through the audit trail of the token’s organisation only, without gaps or repeats', async () => {
    const a = await organisationWithToken(['audit:read']);
    const b = await organisationWithToken(['audit:read']);
    // Several events in the same microsecond, and B's events interleaved: keyset ties and tenant separation.
    const instants = [
      '2026-03-01T10:00:00.000001Z',
      '2026-03-01T10:00:00.000001Z',
      '2026-03-01T10:00:00.000001Z',
      '2026-03-01T10:00:00.000002Z',
      '2026-03-01T10:00:00.123456Z',
      '2026-03-01T10:00:00.123457Z',
      '2026-06-01T08:00:00Z',
    ];
    const insert = (organisationId: string, occurredAt: string, action: string) =>
      rt.db
        .insertInto('audit_events')
        .values({
          id: uuidv7(),
          occurred_at: occurredAt,
          actor_type: 'system',
          organisation_id: organisationId,
          action,
          subject_type: 'test',
          after: JSON.stringify({ password: '[redacted]' }),
        })
        .execute();
    for (const at of instants) {
      await insert(a.org.id, at, 'test.a');
      await insert(b.org.id, at, 'test.b');
    }
    const expected = await rt.db
      .selectFrom('audit_events')
      .select('id')
      .where('organisation_id', '=', a.org.id)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(expected.length).toBe(instants.length + 1); // + the token's creation

    const seen: string[] = [];
    let url = '/api/v1/audit-events?limit=2';
    for (let page = 0; page < 10; page++) {
      const res = await call(url, a.token);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string; action: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.id));
      expect(body.items.every((i) => i.action !== 'test.b')).toBe(true);
      if (!body.nextCursor) break;
      url = `/api/v1/audit-events?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toEqual(expected.map((e) => e.id));

    const filtered = await call(
      '/api/v1/audit-events?action=test.a&from=2026-03-01T11:00:00%2B01:00&to=2026-03-01T10:00:00.123457Z',
      a.token,
    );
    expect(filtered.statusCode).toBe(200);
    const items = filtered.json().items as { occurredAt: string; action: string; after: unknown }[];
    expect(items.map((i) => i.occurredAt)).toEqual([
      '2026-03-01T10:00:00.123456Z',
      '2026-03-01T10:00:00.000002Z',
      '2026-03-01T10:00:00.000001Z',
      '2026-03-01T10:00:00.000001Z',
      '2026-03-01T10:00:00.000001Z',
    ]);
    expect(items[0]?.after).toEqual({ password: '[redacted]' });

    const ofB = await call('/api/v1/audit-events?action=test.b', a.token);
    expect(ofB.json().items).toEqual([]);
  });

  it('answers bad queries with 400 problem+json listing the fields, unknown routes with 404, big bodies with 413', async () => {
    const { token } = await organisationWithToken(['audit:read']);
    const bad = expectProblem(await call('/api/v1/audit-events?limit=abc', token), 400, 'validation');
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    const tooMany = expectProblem(await call('/api/v1/audit-events?limit=201', token), 400, 'validation');
    expect(tooMany.errors[0].field).toBe('limit');
    const cursor = expectProblem(await call('/api/v1/audit-events?cursor=nimportequoi', token), 400, 'validation');
    expect(cursor.errors[0].field).toBe('cursor');
    const from = expectProblem(await call('/api/v1/audit-events?from=hier', token), 400, 'validation');
    expect(from.errors[0].field).toBe('from');

    expectProblem(await call('/api/v1/nothing-here', token), 404, 'not_found');
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/organisation',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(big, 413, 'payload_too_large');
  });
});
