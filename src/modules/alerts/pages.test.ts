import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { dispatchPendingEvents, recordEvent } from '../../platform/events/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { searchSubscribers } from '../search/index.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { alertsSubscribers } from './events.js';
import { unsubscribeToken } from './unsubscribeToken.js';

let rt: Runtime;
let app: FastifyInstance;
let buyerId: string;
const fr = translatorFor('fr');
const esc = (s: string) => s.replaceAll("'", '&#39;').replaceAll('"', '&quot;');

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyerId = (await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bobigny' })).id;
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function publish(title: string) {
  const tender = await createTender(rt, { buyerId, status: 'published', title });
  await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: tender.id }));
  const deps = { jobs: rt.jobs, publicUrl: rt.config.publicUrl, signingSecret: rt.signingSecret };
  await dispatchPendingEvents(rt.db, [...searchSubscribers, ...alertsSubscribers(deps)]);
  return tender;
}

async function alertsOf(userId: string) {
  return rt.db
    .selectFrom('alerts')
    .select(['id', 'name', 'paused_at', 'frequency', 'query_string'])
    .where('user_id', '=', userId)
    .execute();
}

async function auditCount(action: string, alertId: string): Promise<number> {
  const rows = await rt.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('subject_id', '=', alertId)
    .execute();
  return rows.length;
}

describe('alert pages', () => {
  it('creates an alert from a search, with a preview over 30 days, then pauses, resumes and deletes it', async () => {
    await publish('Réfection de la toiture du gymnase Jean-Jaurès');
    const { browser, user } = await signedInAs(rt, app, 'company_member');
    const search = await browser.get('/recherche?q=toiture&department=93');
    expect(search.body).toContain(fr('alerts.create_from_search'));
    expect(search.body).toContain('href="/mon-espace/alertes/nouvelle?q=toiture&amp;department=93"');
    // only company users keep alerts: visitors and buyers do not see the link
    const visitor = await new TestBrowser(app).get('/recherche?q=toiture');
    expect(visitor.body).not.toContain(fr('alerts.create_from_search'));
    const buyerUser = await signedInAs(rt, app, 'buyer_agent');
    expect((await buyerUser.browser.get('/recherche?q=toiture')).body).not.toContain(fr('alerts.create_from_search'));

    const form = await browser.get('/mon-espace/alertes/nouvelle?q=toiture&department=93');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(esc(fr('alerts.new.preview', { count: 1 })));
    expect(form.body).toContain('value="/recherche?q=toiture&amp;department=93"');

    const created = await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=toiture&department=93', name: 'Toitures 93', frequency: 'daily' },
      { from: '/mon-espace/alertes/nouvelle?q=toiture&department=93' },
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/mon-espace/alertes?ok=creee');
    const [saved] = await alertsOf(user.id);
    expect(saved).toMatchObject({ name: 'Toitures 93', frequency: 'daily', paused_at: null });
    expect(saved?.query_string).toBe('q=toiture&department=93');
    const list = await browser.get('/mon-espace/alertes?ok=creee');
    expect(list.body).toContain('Toitures 93');
    expect(list.body).toContain(esc(fr('alerts.flash.created')));
    const id = saved?.id as string;
    expect(await auditCount('alert.created', id)).toBe(1);

    await browser.post(`/mon-espace/alertes/${id}/suspendre`, {}, { from: '/mon-espace/alertes' });
    expect((await alertsOf(user.id))[0]?.paused_at).toBeInstanceOf(Date);
    await browser.post(`/mon-espace/alertes/${id}/reactiver`, {}, { from: '/mon-espace/alertes' });
    expect((await alertsOf(user.id))[0]?.paused_at).toBeNull();
    const deleted = await browser.post(`/mon-espace/alertes/${id}/supprimer`, {}, { from: '/mon-espace/alertes' });
    expect(deleted.headers.location).toBe('/mon-espace/alertes?ok=supprimee');
    expect(await alertsOf(user.id)).toEqual([]);
    expect(await auditCount('alert.paused', id)).toBe(1);
    expect(await auditCount('alert.deleted', id)).toBe(1);
  });

  it('shows a clear error for an invalid search and keeps nothing', async () => {
    const { browser, user } = await signedInAs(rt, app, 'company_member');
    const page = await browser.get('/mon-espace/alertes/nouvelle?q=de+la');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(esc(fr('alerts.error.query_no_words')));
    const posted = await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?procedure=inconnue', name: 'X', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain(esc(fr('alerts.error.filter_invalid')));
    const noName = await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=voirie', name: '', frequency: 'hourly' },
      { from: '/mon-espace/alertes' },
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain(esc(fr('alerts.name.required')));
    expect(noName.body).toContain(esc(fr('alerts.frequency.required')));
    expect(await alertsOf(user.id)).toEqual([]);
  });

  it('tells an unverified person to verify the address first', async () => {
    const company = await createOrganisation(rt, { kind: 'company' });
    const user = await createUser(rt, {
      verified: false,
      memberships: [{ organisationId: company.id, role: 'company_member' }],
    });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/mon-espace/alertes/nouvelle?q=voirie');
    expect(page.body).toContain(esc(fr('alerts.new.unverified')));
    const posted = await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=voirie', name: 'Voirie', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain(esc(fr('alerts.error.unverified')));
    expect(await alertsOf(user.id)).toEqual([]);
  });

  it('keeps alerts personal: another person gets a 404, a buyer a 403, a visitor the sign-in page', async () => {
    const owner = await signedInAs(rt, app, 'company_member');
    await owner.browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=voirie', name: 'Voirie', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    const [alert] = await alertsOf(owner.user.id);
    const other = await signedInAs(rt, app, 'company_member');
    const res = await other.browser.post(
      `/mon-espace/alertes/${alert?.id}/supprimer`,
      {},
      { from: '/mon-espace/alertes' },
    );
    expect(res.statusCode).toBe(404);
    const forged = await other.browser.post(
      '/mon-espace/alertes/pas-un-id/supprimer',
      {},
      { from: '/mon-espace/alertes' },
    );
    expect(forged.statusCode).toBe(404);
    expect(await alertsOf(owner.user.id)).toHaveLength(1);
    const buyer = await signedInAs(rt, app, 'buyer_agent');
    expect((await buyer.browser.get('/mon-espace/alertes')).statusCode).toBe(403);
    expect(isSentToSignIn(await new TestBrowser(app).get('/mon-espace/alertes'))).toBe(true);
    // the CSRF token is required on the session's forms
    const noToken = await owner.browser.post(`/mon-espace/alertes/${alert?.id}/supprimer`, {}, { csrf: null });
    expect(noToken.statusCode).toBe(403);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('pauses the alert from its signed link without a session, once; a forged link changes nothing', async () => {
    const { browser, user } = await signedInAs(rt, app, 'company_member');
    await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=ascenseur', name: 'Ascenseurs', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    const [alert] = await alertsOf(user.id);
    const id = alert?.id as string;
    const token = unsubscribeToken(rt.signingSecret, id);

    // opening the link changes nothing (mail scanners open links)
    const page = await app.inject({ method: 'GET', url: `/alertes/desabonnement/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ascenseurs');
    expect((await alertsOf(user.id))[0]?.paused_at).toBeNull();

    // the mail client's one-click POST: no cookie, no CSRF token
    const oneClick = () =>
      app.inject({
        method: 'POST',
        url: `/alertes/desabonnement/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
    const first = await oneClick();
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(esc(fr('alerts.unsubscribe.paused', { name: 'Ascenseurs' })));
    expect((await alertsOf(user.id))[0]?.paused_at).toBeInstanceOf(Date);
    // replayed: same answer, nothing written again
    const replay = await oneClick();
    expect(replay.statusCode).toBe(200);
    expect(await auditCount('alert.paused', id)).toBe(1);

    // forged: another alert's id with this signature, a changed signature, garbage
    const { browser: b2, user: other } = await signedInAs(rt, app, 'company_member');
    await b2.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=voirie', name: 'Voirie', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    const [victim] = await alertsOf(other.id);
    const signature = token.slice(token.indexOf('.') + 1);
    for (const forged of [
      `${victim?.id}.${signature}`,
      `${id}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      'nimporte-quoi',
      `${id}.`,
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: `/alertes/desabonnement/${encodeURIComponent(forged)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(esc(fr('alerts.unsubscribe.invalid')));
    }
    // far too long for a token: refused by the router itself (URI too long), never a 500
    const huge = await app.inject({ method: 'POST', url: `/alertes/desabonnement/${'x'.repeat(500)}`, payload: '' });
    expect(huge.statusCode).toBe(414);
    expect((await alertsOf(other.id))[0]?.paused_at).toBeNull();

    // the page's delete button, then a late replay finds nothing to do
    const del = await app.inject({
      method: 'POST',
      url: `/alertes/desabonnement/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'action=delete',
    });
    expect(del.body).toContain(esc(fr('alerts.unsubscribe.deleted')));
    expect(await alertsOf(user.id)).toEqual([]);
    const late = await oneClick();
    expect(late.statusCode).toBe(200);
    expect(late.body).toContain(esc(fr('alerts.unsubscribe.gone')));
  });
});

describe('notification centre', () => {
  it('lists notifications with the unread count in the header, and marks them read', async () => {
    const { browser, user } = await signedInAs(rt, app, 'company_member');
    await browser.post(
      '/mon-espace/alertes',
      { recherche: '/recherche?q=gardiennage', name: 'Gardiennage', frequency: 'immediate' },
      { from: '/mon-espace/alertes' },
    );
    const tender = await publish('Gardiennage des bâtiments communaux');
    const page = await browser.get('/mon-espace/notifications');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gardiennage des bâtiments communaux');
    expect(page.body).toContain(`href="/consultations/${tender.reference}"`);
    expect(page.body).toContain(fr('alerts.nav.unread', { count: 1 }));
    expect(page.body).toContain('src="/static/notifications.js"');
    await browser.post('/mon-espace/notifications/lues', {}, { from: '/mon-espace/notifications' });
    const after = await browser.get('/mon-espace/notifications');
    expect(after.body).toContain(fr('alerts.nav.unread', { count: 0 }));
    const rows = await rt.db.selectFrom('notifications').select('read_at').where('user_id', '=', user.id).execute();
    expect(rows.every((r) => r.read_at instanceof Date)).toBe(true);
  });
});
