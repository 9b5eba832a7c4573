import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/factories.js';
import { linkIn, mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';

let rt: Runtime;
let app: FastifyInstance;
const newPassword = 'Nouveau-Mot-2-Passe!';

beforeAll(async () => {
  rt = await createTestRuntime({ LOGIN_MAX_FAILURES: '5' });
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function askReset(email: string) {
  return new TestBrowser(app).post('/mot-de-passe-oublie', { email });
}

/** Asks for a reset and returns the link path of the newest reset mail. */
async function resetLink(email: string): Promise<string> {
  expect((await askReset(email)).statusCode).toBe(303);
  const [mail] = await mailsTo(rt, email, 'identity.reset_password');
  if (!mail) throw new Error('no reset mail');
  return linkIn(rt, mail.text_body);
}

async function userState(userId: string) {
  const user = await rt.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const openSessions = await rt.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  const unusedTokens = await rt.db
    .selectFrom('email_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'reset_password')
    .where('used_at', 'is', null)
    .execute();
  return { hash: user.password_hash, openSessions: openSessions.length, unusedTokens: unusedTokens.length };
}

describe('forgotten password', () => {
  it('gives the same answer for an unknown address and a known one, and mails only the account', async () => {
    const user = await createUser(rt);
    const unknown = await askReset('personne-inconnue@exemple.fr');
    const known = await askReset(user.email.toUpperCase());
    expect(unknown.statusCode).toBe(303);
    expect(known.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(known.headers.location);
    const page = await new TestBrowser(app).get(String(known.headers.location));
    expect(page.body).toContain('Si un compte existe pour cette adresse');
    expect(page.body).not.toContain(user.email);

    expect(await mailsTo(rt, 'personne-inconnue@exemple.fr')).toHaveLength(0);
    const mails = await mailsTo(rt, user.email, 'identity.reset_password');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mails[0]?.text_body).toContain('valable 1 heure');
    expect(mails[0]?.text_body).toMatch(/\/reinitialisation\/[\w-]{40,}/);
  });

  it('shows French errors for an empty or malformed address', async () => {
    const empty = await new TestBrowser(app).post('/mot-de-passe-oublie', { email: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Saisissez votre adresse électronique.');
    const bad = await new TestBrowser(app).post('/mot-de-passe-oublie', { email: 'pas-une-adresse' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Saisissez une adresse électronique valide');
  });

  it('sends at most three reset mails per address per hour, with the same answer', async () => {
    const user = await createUser(rt);
    for (let i = 0; i < 5; i++) {
      const res = await askReset(user.email);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/mot-de-passe-oublie?envoye=1');
    }
    expect(await mailsTo(rt, user.email, 'identity.reset_password')).toHaveLength(3);
  });
});

describe('password reset link', () => {
  it('refuses a weak password with a French message and changes nothing', async () => {
    const user = await createUser(rt);
    const other = new TestBrowser(app);
    await other.signIn(user.email, user.password);
    const link = await resetLink(user.email);
    const before = await userState(user.id);

    const browser = new TestBrowser(app);
    const form = await browser.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Choisir un nouveau mot de passe');
    const weak = await browser.post(link, { password: 'abcdefghijkl', passwordConfirmation: 'abcdefghijkl' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Le mot de passe doit mélanger au moins trois types de caractères');
    const short = await browser.post(link, { password: 'Court-1', passwordConfirmation: 'Court-1' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Le mot de passe doit contenir au moins 12 caractères.');
    expect(await userState(user.id)).toEqual(before);
    expect(before.openSessions).toBe(1);
  });

  it('refuses two different passwords and changes nothing', async () => {
    const user = await createUser(rt);
    const link = await resetLink(user.email);
    const before = await userState(user.id);
    const browser = new TestBrowser(app);
    const res = await browser.post(link, { password: newPassword, passwordConfirmation: `${newPassword}x` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Les deux mots de passe saisis ne sont pas identiques.');
    expect(res.body).toContain('id="champ-passwordConfirmation-erreur"');
    const empty = await browser.post(link, { password: '', passwordConfirmation: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Saisissez un nouveau mot de passe.');
    expect(await userState(user.id)).toEqual(before);
  });

  it('sets the new password, closes every session, spends every link and lifts the sign-in lock', async () => {
    const user = await createUser(rt);
    const laptop = new TestBrowser(app);
    const phone = new TestBrowser(app);
    await laptop.signIn(user.email, user.password);
    await phone.signIn(user.email, user.password);
    const olderLink = await resetLink(user.email);
    const link = await resetLink(user.email);
    expect(link).not.toBe(olderLink);
    // someone hammers the account until it locks
    for (let i = 0; i < 5; i++)
      await new TestBrowser(app).post('/connexion', { email: user.email, password: `x-${i}` });
    expect(
      (await new TestBrowser(app).post('/connexion', { email: user.email, password: user.password })).statusCode,
    ).toBe(423);

    const done = await laptop.post(link, { password: newPassword, passwordConfirmation: newPassword });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/connexion?reinitialise=1');
    const signInPage = await laptop.get('/connexion?reinitialise=1');
    expect(signInPage.body).toContain('Votre mot de passe a été modifié et toutes vos sessions ont été fermées.');

    const after = await userState(user.id);
    expect(after.openSessions).toBe(0);
    expect(after.unusedTokens).toBe(0);
    expect(isSentToSignIn(await phone.get('/mon-compte'))).toBe(true);
    expect(isSentToSignIn(await laptop.get('/mon-compte'))).toBe(true);

    const oldPassword = await new TestBrowser(app).post('/connexion', { email: user.email, password: user.password });
    expect(oldPassword.statusCode).toBe(400);
    const fresh = new TestBrowser(app);
    await fresh.signIn(user.email, newPassword);
    expect((await fresh.get('/mon-compte')).statusCode).toBe(200);

    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('subject_id', '=', user.id)
      .where('action', '=', 'identity.password.reset')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ sessionsRevoked: 2, resetLinksSpent: 2 });

    // the older link was spent along with the one used
    expect((await new TestBrowser(app).get(olderLink)).statusCode).toBe(410);
  });

  it('answers a link used once already with 410 and changes nothing', async () => {
    const user = await createUser(rt);
    const link = await resetLink(user.email);
    const browser = new TestBrowser(app);
    expect((await browser.post(link, { password: newPassword, passwordConfirmation: newPassword })).statusCode).toBe(
      303,
    );
    const before = await userState(user.id);
    const page = await browser.get(link);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Ce lien de réinitialisation a déjà été utilisé');
    // a form kept open in another tab cannot use it either
    await browser.get('/mot-de-passe-oublie');
    const again = await browser.post(
      link,
      { password: 'Encore-Un-Autre-9!', passwordConfirmation: 'Encore-Un-Autre-9!' },
      { csrf: browser.csrf() },
    );
    expect(again.statusCode).toBe(410);
    expect(await userState(user.id)).toEqual(before);
  });

  it('answers an expired link with 410 and changes nothing', async () => {
    const user = await createUser(rt);
    const link = await resetLink(user.email);
    await rt.db
      .updateTable('email_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const before = await userState(user.id);
    const browser = new TestBrowser(app);
    const page = await browser.get(link);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Ce lien de réinitialisation a expiré');
    expect(page.body).toContain('href="/mot-de-passe-oublie"');
    await browser.get('/mot-de-passe-oublie');
    const post = await browser.post(
      link,
      { password: newPassword, passwordConfirmation: newPassword },
      { csrf: browser.csrf() },
    );
    expect(post.statusCode).toBe(410);
    expect(await userState(user.id)).toEqual(before);
  });

  it('answers an unknown link with 404', async () => {
    const res = await new TestBrowser(app).get('/reinitialisation/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Ce lien de réinitialisation n’existe pas.');
  });
});
