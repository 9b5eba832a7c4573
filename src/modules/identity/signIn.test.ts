import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime({ LOGIN_MAX_FAILURES: '5' });
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('sign-in', () => {
  it('opens a database session, shows the account menu, and signs out', async () => {
    const org = await createOrganisation(rt, { name: 'Bâtiments Durand' });
    const user = await createUser(rt, {
      name: 'Alice Durand',
      memberships: [{ organisationId: org.id, role: 'company_admin' }],
    });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email.toUpperCase(), user.password);
    const home = await browser.get('/');
    expect(home.body).toContain('Alice Durand');
    expect(home.body).toContain('Bâtiments Durand');
    const sessions = await rt.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).not.toBe(browser.cookies.get('halle_session'));

    const out = await browser.post('/deconnexion', {}, { from: '/' });
    expect(out.statusCode).toBe(303);
    const after = await rt.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(after.revoked_at).not.toBeNull();
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_user_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['identity.session.closed', 'identity.session.opened']);
  });

  it('answers a wrong password with a French message tied to the form, and locks after repeated failures', async () => {
    const user = await createUser(rt);
    const browser = new TestBrowser(app);
    const first = await browser.post('/connexion', { email: user.email, password: 'wrong-password-1' });
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain('Adresse électronique ou mot de passe incorrect.');
    expect(first.body).toContain(`value="${user.email}"`);
    for (let i = 0; i < 4; i++) await browser.post('/connexion', { email: user.email, password: `wrong-${i}` });
    const locked = await browser.post('/connexion', { email: user.email, password: user.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.body).toContain('ce compte est verrouillé');
    expect(await rt.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()).toHaveLength(0);
  });

  it('refuses a form without a valid CSRF token', async () => {
    const user = await createUser(rt);
    const browser = new TestBrowser(app);
    await browser.get('/connexion');
    const forged = await browser.post('/connexion', { email: user.email, password: user.password }, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Le formulaire a expiré ou ne vient pas de ce site');
    const missing = await browser.post('/connexion', { email: user.email, password: user.password }, { csrf: null });
    expect(missing.statusCode).toBe(403);
  });

  it('escapes HTML typed into fields', async () => {
    const browser = new TestBrowser(app);
    const res = await browser.post('/connexion', { email: '<script>alert(1)</script>', password: 'x' });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script>');
  });
});
