import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Role } from '../../platform/db/schema.js';
import { hashToken } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';

let rt: Runtime;
let app: FastifyInstance;
const page = '/mon-espace/organisation/api';
const tokenPattern = /halle_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}/;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function signedIn(role: Role, kind: 'company' | 'buyer' = 'company') {
  const org = await createOrganisation(rt, { kind });
  const user = await createUser(rt, { name: 'Inès Garnier', memberships: [{ organisationId: org.id, role }] });
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return { org, user, browser };
}

async function createThroughPage(browser: TestBrowser, name: string, scopes: string[]) {
  const res = await browser.post(page, { name, scopes });
  expect(res.statusCode).toBe(200);
  const token = tokenPattern.exec(res.body)?.[0];
  if (!token) throw new Error('no token on the result page');
  return { res, token };
}

describe('API token pages', () => {
  it('shows a new token once, stores only its hash and prefix, and audits the creation', async () => {
    const { org, user, browser } = await signedIn('company_admin');
    const list = await browser.get(page);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Accès à l’API');
    expect(list.body).toContain('Aucun jeton n’a encore été créé.');
    expect(list.body).toMatch(/<fieldset[^>]*><legend>Droits accordés au jeton/);

    const res = await browser.post(page, {
      name: 'Logiciel de comptabilité',
      scopes: ['organisation:read', 'members:read'],
      expiresOn: '2099-12-31',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('il ne sera plus jamais affiché');
    const token = tokenPattern.exec(res.body)?.[0] as string;
    expect(token).toBeDefined();
    const [, prefix, secret] = /^halle_(.{8})_(.+)$/.exec(token) as RegExpExecArray;

    const rows = await rt.db.selectFrom('api_tokens').selectAll().where('organisation_id', '=', org.id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.token_hash).toBe(hashToken(token));
    expect(row?.token_prefix).toBe(prefix);
    expect(row?.scopes).toEqual(['organisation:read', 'members:read']);
    expect(row?.created_by).toBe(user.id);
    // 31 December 2099, 23:59:59 in Paris (winter time, UTC+1)
    expect(row?.expires_at?.toISOString()).toBe('2099-12-31T22:59:59.000Z');
    expect(JSON.stringify(rows)).not.toContain(secret);

    const audit = await rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'api_token.created')
      .where('organisation_id', '=', org.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(user.id);
    expect(audit[0]?.subject_id).toBe(row?.id);
    expect(JSON.stringify(audit)).not.toContain(secret);

    const again = await browser.get(page);
    expect(again.body).not.toContain(secret);
    expect(again.body).toContain('Logiciel de comptabilité');
    expect(again.body).toContain(`halle_${prefix}_…`);
    expect(again.body).toContain('Inès Garnier');
    expect(again.body).toContain('Actif');
    expect(again.body).toContain('31 décembre 2099 à 23:59');

    const api = await app.inject({ url: '/api/v1/organisation', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json().id).toBe(org.id);
  });

  it('lets a buyer admin create a token too', async () => {
    const { org, browser } = await signedIn('buyer_admin', 'buyer');
    const { token } = await createThroughPage(browser, 'Archivage', ['audit:read']);
    const row = await rt.db
      .selectFrom('api_tokens')
      .select(['organisation_id', 'scopes'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ organisation_id: org.id, scopes: ['audit:read'] });
  });

  it('answers bad input with French messages next to the fields and writes nothing', async () => {
    const { org, browser } = await signedIn('company_admin');
    const res = await browser.post(page, { name: '  ', expiresOn: '2020-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Donnez un nom au jeton.');
    expect(res.body).toContain('Cochez au moins un droit.');
    expect(res.body).toContain('La date d’expiration doit être aujourd’hui ou plus tard.');
    expect(res.body).toContain('href="#champ-scopes"');
    expect(res.body).toContain('id="champ-scopes-erreur"');

    const invalid = await browser.post(page, {
      name: 'Veille',
      scopes: ['organisation:read', 'tenders:write'],
      expiresOn: '2026-02-30',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Un des droits choisis n’existe pas.');
    expect(invalid.body).toContain('Saisissez une date valide, par exemple 2026-12-31.');
    expect(invalid.body).toContain('value="Veille"');
    // the valid box stays ticked after the error
    expect(invalid.body).toMatch(/value="organisation:read" checked/);

    const count = await rt.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('refuses members who are not admins with a French 403, and anonymous visitors', async () => {
    const { org, browser } = await signedIn('company_member');
    const list = await browser.get(page);
    expect(list.statusCode).toBe(403);
    expect(list.body).toContain('Seuls les administrateurs de l’organisation peuvent gérer ses jetons d’API.');
    const create = await browser.post(page, { name: 'Pirate', scopes: ['members:read'] }, { from: '/' });
    expect(create.statusCode).toBe(403);
    // refused by the policy, not by the CSRF check
    expect(create.body).toContain('Seuls les administrateurs');
    const rows = await rt.db.selectFrom('api_tokens').select('id').where('organisation_id', '=', org.id).execute();
    expect(rows).toHaveLength(0);

    const anonymous = await new TestBrowser(app).get(page);
    expect(isSentToSignIn(anonymous)).toBe(true);
  });

  it('revokes a token after confirmation; a token of another organisation answers 404', async () => {
    const a = await signedIn('company_admin');
    const b = await signedIn('company_admin');
    const { token: tokenA } = await createThroughPage(a.browser, 'Tableau de bord', ['organisation:read']);
    const { token: tokenB } = await createThroughPage(b.browser, 'Autre', ['organisation:read']);
    const idOf = async (token: string) =>
      (
        await rt.db
          .selectFrom('api_tokens')
          .select('id')
          .where('token_hash', '=', hashToken(token))
          .executeTakeFirstOrThrow()
      ).id;
    const idA = await idOf(tokenA);
    const idB = await idOf(tokenB);

    expect((await a.browser.get(`${page}/${idB}/revoquer`)).statusCode).toBe(404);
    const foreign = await a.browser.post(`${page}/${idB}/revoquer`, {}, { from: page });
    expect(foreign.statusCode).toBe(404);
    expect((await a.browser.post(`${page}/pas-un-uuid/revoquer`, {}, { from: page })).statusCode).toBe(404);
    const stillB = await rt.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', idB).executeTakeFirst();
    expect(stillB?.revoked_at).toBeNull();
    const bWorks = await app.inject({ url: '/api/v1/organisation', headers: { authorization: `Bearer ${tokenB}` } });
    expect(bWorks.statusCode).toBe(200);

    const confirm = await a.browser.get(`${page}/${idA}/revoquer`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Révoquer le jeton « Tableau de bord »');
    const done = await a.browser.post(`${page}/${idA}/revoquer`, {}, { from: `${page}/${idA}/revoquer` });
    expect(done.statusCode).toBe(303);
    const list = await a.browser.get(done.headers.location as string);
    expect(list.body).toContain('Le jeton « Tableau de bord » a été révoqué.');
    expect(list.body).toContain('Révoqué');

    const revoked = await rt.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', idA).executeTakeFirst();
    expect(revoked?.revoked_at).toBeInstanceOf(Date);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'organisation_id'])
      .where('action', '=', 'api_token.revoked')
      .where('subject_id', '=', idA)
      .execute();
    expect(audit).toEqual([{ actor_user_id: a.user.id, organisation_id: a.org.id }]);

    // Revoking twice changes nothing and writes no second audit event.
    await a.browser.post(`${page}/${idA}/revoquer`, {}, { from: page });
    const audits = await rt.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'api_token.revoked')
      .where('subject_id', '=', idA)
      .execute();
    expect(audits).toHaveLength(1);
  });
});
