import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/factories.js';
import { linkIn, mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { issueEmailVerification } from './emailVerification.js';

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

async function verifiedAt(userId: string) {
  const row = await rt.db
    .selectFrom('users')
    .select('email_verified_at')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.email_verified_at;
}

/** Issues a link the way account creation does, and returns its path. */
async function issueLink(user: { id: string; email: string }): Promise<string> {
  await rt.db
    .transaction()
    .execute((trx) =>
      issueEmailVerification(trx, rt, { id: user.id, email: user.email, name: 'Camille Martin', locale: 'fr' }),
    );
  const [mail] = await mailsTo(rt, user.email, 'identity.verify_email');
  if (!mail) throw new Error('no verification mail');
  return linkIn(rt, mail.text_body);
}

describe('e-mail verification', () => {
  it('shows the notice to an unverified user, resends a link, and confirms the address once', async () => {
    const user = await createUser(rt, { verified: false });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const account = await browser.get('/mon-compte');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Confirmez votre adresse électronique');
    expect(account.body).toContain('action="/mon-compte/verification-email"');

    const resent = await browser.post('/mon-compte/verification-email', {}, { from: '/mon-compte' });
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe('/mon-compte?fait=verification');
    expect((await browser.get('/mon-compte?fait=verification')).body).toContain(
      'Un nouveau lien de confirmation vous a été envoyé',
    );
    const mails = await mailsTo(rt, user.email, 'identity.verify_email');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Confirmez votre adresse électronique');
    expect(mails[0]?.text_body).toContain('valable 48 heures');
    expect(mails[0]?.html_body).toContain('Confirmer mon adresse');
    const link = linkIn(rt, mails[0]?.text_body ?? '');
    expect(link).toMatch(/^\/verification-email\/[\w-]{40,}$/);

    const ok = await browser.get(link);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Merci : votre adresse électronique est confirmée.');
    expect(await verifiedAt(user.id)).not.toBeNull();
    const audit = await rt.db.selectFrom('audit_events').select('action').where('subject_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('identity.email.verified');
    expect((await browser.get('/mon-compte')).body).not.toContain('action="/mon-compte/verification-email"');

    const again = await browser.get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ce lien de confirmation a déjà été utilisé.');
  });

  it('sends at most one new link per five minutes, counted in the database', async () => {
    const user = await createUser(rt, { verified: false });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    expect((await browser.post('/mon-compte/verification-email', {}, { from: '/mon-compte' })).statusCode).toBe(303);
    const second = await browser.post('/mon-compte/verification-email', {}, { from: '/mon-compte' });
    expect(second.statusCode).toBe(429);
    expect(second.body).toContain('Patientez quelques minutes');
    expect(await mailsTo(rt, user.email, 'identity.verify_email')).toHaveLength(1);

    // five minutes later, a new link can be asked for
    await rt.db
      .updateTable('email_tokens')
      .set({ created_at: new Date(Date.now() - 6 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await browser.post('/mon-compte/verification-email', {}, { from: '/mon-compte' })).statusCode).toBe(303);
    expect(await mailsTo(rt, user.email, 'identity.verify_email')).toHaveLength(2);
  });

  it('answers an expired link with 410 and leaves the address unconfirmed', async () => {
    const user = await createUser(rt, { verified: false });
    const link = await issueLink(user);
    await rt.db
      .updateTable('email_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const res = await new TestBrowser(app).get(link);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Ce lien de confirmation a expiré');
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it('answers an unknown link with 404 and a French explanation', async () => {
    const res = await new TestBrowser(app).get('/verification-email/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Ce lien de confirmation n’existe pas.');
    expect((await new TestBrowser(app).get('/verification-email/court')).statusCode).toBe(404);
  });

  it('does not offer a new link to a verified user', async () => {
    const user = await createUser(rt);
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    expect((await browser.get('/mon-compte')).body).not.toContain('Confirmez votre adresse électronique');
    const res = await browser.post('/mon-compte/verification-email', {}, { from: '/mon-compte' });
    expect(res.headers.location).toBe('/mon-compte?fait=deja-confirmee');
    expect(await mailsTo(rt, user.email)).toHaveLength(0);
  });
});
