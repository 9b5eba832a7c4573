import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';

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

async function openSessions(userId: string) {
  return rt.db
    .selectFrom('sessions')
    .select(['id', 'active_organisation_id'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

describe('account page', () => {
  it('requires a session', async () => {
    expect(isSentToSignIn(await new TestBrowser(app).get('/mon-compte'))).toBe(true);
    expect(isSentToSignIn(await new TestBrowser(app).get('/mon-compte/sessions'))).toBe(true);
  });

  it('shows the name and address, and changes the name and preferred language', async () => {
    const user = await createUser(rt, { name: 'Alice Durand' });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/mon-compte');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alice Durand');
    expect(page.body).toContain(user.email);

    const empty = await browser.post('/mon-compte', { name: '  ', locale: 'fr' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Saisissez votre nom.');
    const badLocale = await browser.post('/mon-compte', { name: 'Alice', locale: 'de' });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.body).toContain('Choisissez une langue de la liste.');

    const saved = await browser.post('/mon-compte', { name: 'Alice Durand-Petit', locale: 'en' });
    expect(saved.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('users')
      .select(['name', 'locale'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Alice Durand-Petit', locale: 'en' });
    // the preferred language applies to the pages at once
    const after = await browser.get(String(saved.headers.location));
    expect(after.body).toContain('<html lang="en"');
    expect(after.body).toContain('Your details were saved.');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('action', '=', 'identity.profile.updated')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ name: 'Alice Durand', locale: 'fr' });
    expect(audit.after).toEqual({ name: 'Alice Durand-Petit', locale: 'en' });
  });

  it('changes the password only with the current one, keeps this session and closes the others', async () => {
    const user = await createUser(rt);
    const here = new TestBrowser(app);
    const elsewhere = new TestBrowser(app);
    await here.signIn(user.email, user.password);
    await elsewhere.signIn(user.email, user.password);
    const next = 'Autre-Mot-De-Passe-77';

    const wrong = await here.post(
      '/mon-compte/mot-de-passe',
      { currentPassword: 'pas-le-bon', password: next, passwordConfirmation: next },
      { from: '/mon-compte' },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Le mot de passe actuel est incorrect.');
    const weak = await here.post(
      '/mon-compte/mot-de-passe',
      { currentPassword: user.password, password: 'motdepasse123', passwordConfirmation: 'motdepasse123' },
      { from: '/mon-compte' },
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Ce mot de passe est trop courant');
    expect(await openSessions(user.id)).toHaveLength(2);

    const ok = await here.post(
      '/mon-compte/mot-de-passe',
      { currentPassword: user.password, password: next, passwordConfirmation: next },
      { from: '/mon-compte' },
    );
    expect(ok.statusCode).toBe(303);
    expect((await here.get('/mon-compte')).statusCode).toBe(200);
    expect(isSentToSignIn(await elsewhere.get('/mon-compte'))).toBe(true);
    expect(await openSessions(user.id)).toHaveLength(1);
    const [mail] = await mailsTo(rt, user.email, 'identity.password_changed');
    expect(mail?.subject).toBe('Votre mot de passe a été modifié');
    await new TestBrowser(app).signIn(user.email, next);
  });
});

describe('sessions page', () => {
  it('lists the open sessions, marks this one, and closes another or all others', async () => {
    const user = await createUser(rt);
    const here = new TestBrowser(app);
    const second = new TestBrowser(app);
    const third = new TestBrowser(app);
    for (const b of [here, second, third]) await b.signIn(user.email, user.password);
    const page = await here.get('/mon-compte/sessions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption>Sessions actives de votre compte</caption>');
    expect(page.body.match(/Cette session/g)).toHaveLength(1);
    expect(page.body.match(/\/revoquer"/g)).toHaveLength(2);

    const sessions = await openSessions(user.id);
    const secondId = sessions[1]?.id;
    const res = await here.post(`/mon-compte/sessions/${secondId}/revoquer`, {}, { from: '/mon-compte/sessions' });
    expect(res.statusCode).toBe(303);
    expect(isSentToSignIn(await second.get('/mon-compte'))).toBe(true);
    expect((await third.get('/mon-compte')).statusCode).toBe(200);

    const all = await here.post('/mon-compte/sessions/revoquer-autres', {}, { from: '/mon-compte/sessions' });
    expect(all.statusCode).toBe(303);
    expect(isSentToSignIn(await third.get('/mon-compte'))).toBe(true);
    expect((await here.get('/mon-compte')).statusCode).toBe(200);
    const actions = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_user_id', '=', user.id)
      .where('action', 'like', 'identity.session.%revoked')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'identity.session.others_revoked',
      'identity.session.revoked',
    ]);
  });

  it("cannot close another person's session: 404, and the session stays open", async () => {
    const alice = await createUser(rt);
    const bob = await createUser(rt);
    const aliceBrowser = new TestBrowser(app);
    const bobBrowser = new TestBrowser(app);
    await aliceBrowser.signIn(alice.email, alice.password);
    await bobBrowser.signIn(bob.email, bob.password);
    const [bobSession] = await openSessions(bob.id);

    const res = await aliceBrowser.post(
      `/mon-compte/sessions/${bobSession?.id}/revoquer`,
      {},
      { from: '/mon-compte/sessions' },
    );
    expect(res.statusCode).toBe(404);
    expect(await openSessions(bob.id)).toHaveLength(1);
    expect((await bobBrowser.get('/mon-compte')).statusCode).toBe(200);
    expect((await aliceBrowser.get('/mon-compte/sessions')).body).not.toContain(bobSession?.id);
    // Bob's "close all others" leaves Alice alone too
    await bobBrowser.post('/mon-compte/sessions/revoquer-autres', {}, { from: '/mon-compte/sessions' });
    expect(await openSessions(alice.id)).toHaveLength(1);

    const malformed = await aliceBrowser.post(
      '/mon-compte/sessions/pas-un-identifiant/revoquer',
      {},
      { from: '/mon-compte/sessions' },
    );
    expect(malformed.statusCode).toBe(404);
  });

  it('closing the current session from the list signs out', async () => {
    const user = await createUser(rt);
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const [session] = await openSessions(user.id);
    const res = await browser.post(`/mon-compte/sessions/${session?.id}/revoquer`, {}, { from: '/mon-compte' });
    expect(res.headers.location).toBe('/connexion?deconnecte=1');
    expect(await openSessions(user.id)).toHaveLength(0);
  });
});

describe('organisation switch', () => {
  it('lists memberships in French and switches only to an organisation of the person', async () => {
    const company = await createOrganisation(rt, { name: 'Bâtiments Durand' });
    const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Commune de Montreuil' });
    const foreign = await createOrganisation(rt, { name: 'Concurrent SA' });
    const user = await createUser(rt, {
      memberships: [
        { organisationId: company.id, role: 'company_admin' },
        { organisationId: buyer.id, role: 'buyer_agent' },
      ],
    });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/mon-compte/organisations');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bâtiments Durand');
    expect(page.body).toContain('Commune de Montreuil');
    expect(page.body).toContain('Administrateur de l’entreprise');
    expect(page.body).toContain('Acheteur public');
    expect(page.body).not.toContain('Concurrent SA');
    expect((await openSessions(user.id))[0]?.active_organisation_id).toBe(company.id);

    const refused = await browser.post(
      '/mon-compte/organisation-active',
      { organisationId: foreign.id },
      { from: '/mon-compte/organisations' },
    );
    expect(refused.statusCode).toBe(404);
    const malformed = await browser.post(
      '/mon-compte/organisation-active',
      { organisationId: 'x' },
      { from: '/mon-compte/organisations' },
    );
    expect(malformed.statusCode).toBe(404);
    expect((await openSessions(user.id))[0]?.active_organisation_id).toBe(company.id);

    const switched = await browser.post(
      '/mon-compte/organisation-active',
      { organisationId: buyer.id },
      { from: '/mon-compte/organisations' },
    );
    expect(switched.statusCode).toBe(303);
    expect((await openSessions(user.id))[0]?.active_organisation_id).toBe(buyer.id);
    const after = await browser.get(String(switched.headers.location));
    expect(after.body).toContain('Vous agissez maintenant pour Commune de Montreuil.');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['organisation_id', 'before', 'after'])
      .where('action', '=', 'identity.session.organisation_switched')
      .where('actor_user_id', '=', user.id)
      .execute();
    expect(audit).toEqual([
      { organisation_id: buyer.id, before: { organisationId: company.id }, after: { organisationId: buyer.id } },
    ]);
  });
});
