import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { indexTender } from '../search/index.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
const fr = translatorFor('fr');
const day = 24 * 3600 * 1000;
const esc = (s: string) => s.replaceAll("'", '&#39;');

async function published(title: string, deadline: Date) {
  return createTender(rt, { buyerId: buyer.id, status: 'published', title, submissionDeadline: deadline });
}

async function company() {
  return signedInAs(rt, app, 'company_member');
}

async function entries(userId: string) {
  return rt.db.selectFrom('watchlist_entries').select('tender_id').where('user_id', '=', userId).execute();
}

/** Creates the calendar address through the page and returns its token. */
async function calendarToken(browser: TestBrowser): Promise<string> {
  const res = await browser.post('/mon-espace/panier/calendrier', {});
  expect(res.statusCode).toBe(200);
  const match = res.body.match(/\/panier\/calendrier\/([A-Za-z0-9_-]{43})\.ics/);
  if (!match?.[1]) throw new Error('no calendar address on the page');
  return match[1];
}

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Saint-Denis' });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('watchlist (panier)', () => {
  it('offers the button beside each search result, marks the watched ones, and comes back to the same search', async () => {
    const kept = await published('Entretien des espaces verts du parc départemental', new Date(Date.now() + 30 * day));
    const other = await published('Entretien des espaces verts des écoles', new Date(Date.now() + 25 * day));
    for (const t of [kept, other]) await indexTender(rt.db, t.id);
    const searchUrl = '/recherche?q=espaces+verts&sort=deadline';

    // visitors and buyers see results without the button
    const visitor = await new TestBrowser(app).get(searchUrl);
    expect(visitor.body).toContain(kept.reference);
    expect(visitor.body).not.toContain(`/panier/${kept.reference}/ajouter`);
    const { browser: buyerBrowser } = await signedInAs(rt, app, 'buyer_agent', buyer);
    expect((await buyerBrowser.get(searchUrl)).body).not.toContain('/panier/');

    const { browser, user } = await company();
    const page = await browser.get(searchUrl);
    expect(page.body).toContain(`action="/panier/${kept.reference}/ajouter"`);
    expect(page.body).toContain(`action="/panier/${other.reference}/ajouter"`);
    expect(page.body).toContain(`value="${searchUrl.replaceAll('&', '&amp;')}"`);

    const added = await browser.post(
      `/panier/${kept.reference}/ajouter`,
      { suite: searchUrl },
      { csrf: browser.csrf() },
    );
    expect(added.headers.location).toBe(searchUrl);
    expect(await entries(user.id)).toEqual([{ tender_id: kept.id }]);
    const after = await browser.get(searchUrl);
    expect(after.body).toContain(`action="/panier/${kept.reference}/retirer"`);
    expect(after.body).toContain(`action="/panier/${other.reference}/ajouter"`);
  });

  it('adds from the notice page and removes it again, with audit events', async () => {
    const tender = await published('Réfection des toitures du gymnase', new Date(Date.now() + 20 * day));
    const { browser, user } = await company();
    const notice = await browser.get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain(fr('watchlist.button.add'));
    expect(notice.body).toContain(`action="/panier/${tender.reference}/ajouter"`);

    const added = await browser.post(
      `/panier/${tender.reference}/ajouter`,
      { suite: `/consultations/${tender.reference}` },
      { csrf: browser.csrf() },
    );
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/consultations/${tender.reference}`);
    expect(await entries(user.id)).toEqual([{ tender_id: tender.id }]);
    const after = await browser.get(`/consultations/${tender.reference}`);
    expect(after.body).toContain(fr('watchlist.button.remove'));

    // adding twice changes nothing and writes no second audit event
    await browser.post(`/panier/${tender.reference}/ajouter`, {}, { csrf: browser.csrf() });
    const removed = await browser.post(
      `/panier/${tender.reference}/retirer`,
      { suite: '/mon-espace/panier?retire=1' },
      { csrf: browser.csrf() },
    );
    expect(removed.headers.location).toBe('/mon-espace/panier?retire=1');
    expect(await entries(user.id)).toEqual([]);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('actor_user_id', '=', user.id)
      .where('action', 'like', 'watchlist.%')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['watchlist.added', 'watchlist.removed']);
    expect(audit.every((a) => a.subject_id === tender.id)).toBe(true);
  });

  it('never follows an outside address after the change', async () => {
    const tender = await published('Nettoyage des locaux', new Date(Date.now() + 20 * day));
    const { browser } = await company();
    await browser.get(`/consultations/${tender.reference}`);
    const res = await browser.post(
      `/panier/${tender.reference}/ajouter`,
      { suite: '//evil.example/x' },
      { csrf: browser.csrf() },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/consultations/${tender.reference}`);
  });

  it('refuses a change without the CSRF token', async () => {
    const tender = await published('Entretien des espaces verts', new Date(Date.now() + 20 * day));
    const { browser, user } = await company();
    const res = await browser.post(`/panier/${tender.reference}/ajouter`, {}, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(await entries(user.id)).toEqual([]);
  });

  it('lists watched tenders by nearest deadline with the latest corrigendum, answers and DCE version', async () => {
    const far = await published('Fourniture de mobilier scolaire', new Date(Date.now() + 40 * day));
    const near = await published('Maintenance des ascenseurs', new Date(Date.now() + 5 * day));
    await rt.db
      .insertInto('corrigenda')
      .values([
        { id: uuidv7(), tender_id: far.id, number: 1, reason: 'Ajout du plan', dce_version: 2 },
        { id: uuidv7(), tender_id: far.id, number: 2, reason: 'Report de la date limite', dce_version: 2 },
      ])
      .execute();
    await rt.db.updateTable('tenders').set({ dce_version: 2 }).where('id', '=', far.id).execute();
    await rt.db
      .insertInto('clarifications')
      .values({
        id: uuidv7(),
        tender_id: far.id,
        number: 1,
        question: 'Visite ?',
        answer: 'Oui',
        answered_at: new Date(),
      })
      .execute();
    const { browser } = await company();
    for (const t of [far, near]) {
      await browser.get(`/consultations/${t.reference}`);
      await browser.post(`/panier/${t.reference}/ajouter`, {}, { csrf: browser.csrf() });
    }
    const page = await browser.get('/mon-espace/panier');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body.indexOf(near.reference)).toBeGreaterThan(-1);
    expect(body.indexOf(near.reference)).toBeLessThan(body.indexOf(far.reference));
    expect(body).toContain(esc(fr('publication.status.published')));
    expect(body).toMatch(/encore \d+ j \d+ h/);
    expect(body).toContain('Rectificatif n° 2');
    expect(body).toContain('Report de la date limite');
    expect(body).not.toContain('Ajout du plan');
    expect(body).toContain(esc(fr('watchlist.changes.answers', { count: 1 })));
    expect(body).toContain(esc(fr('watchlist.changes.dce', { version: 2 })));
    // deadlines in Paris time
    expect(body).toContain('heure de Paris');
  });

  it("never shows another user's watchlist, even a colleague's", async () => {
    const tender = await published('Travaux de voirie', new Date(Date.now() + 12 * day));
    const first = await company();
    await first.browser.get(`/consultations/${tender.reference}`);
    await first.browser.post(`/panier/${tender.reference}/ajouter`, {}, { csrf: first.browser.csrf() });
    const colleague = await signedInAs(rt, app, 'company_admin', { id: first.orgId });
    const other = await company();
    for (const { browser } of [colleague, other]) {
      const page = await browser.get('/mon-espace/panier');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(tender.reference);
      expect(page.body).toContain(esc(fr('watchlist.page.empty')));
      // nor can they remove it from the first user's list
      await browser.get(`/consultations/${tender.reference}`);
      await browser.post(`/panier/${tender.reference}/retirer`, {}, { csrf: browser.csrf() });
    }
    expect(await entries(first.user.id)).toEqual([{ tender_id: tender.id }]);
  });

  it('answers 404 for a draft or an unknown tender, and shows no button on a draft', async () => {
    const draft = await createTender(rt, { buyerId: buyer.id, status: 'draft', title: 'Brouillon secret' });
    const { browser, user } = await company();
    await browser.get('/mon-espace/panier');
    const res = await browser.post(`/panier/${draft.reference}/ajouter`, {}, { csrf: browser.csrf() });
    expect(res.statusCode).toBe(404);
    const unknown = await browser.post('/panier/2099-9999/ajouter', {}, { csrf: browser.csrf() });
    expect(unknown.statusCode).toBe(404);
    expect(await entries(user.id)).toEqual([]);
  });

  it('is forbidden to buyers (403) and sends visitors to sign in', async () => {
    const tender = await published('Restauration scolaire', new Date(Date.now() + 12 * day));
    const agent = await signedInAs(rt, app, 'buyer_agent', buyer);
    const notice = await agent.browser.get(`/consultations/${tender.reference}`);
    expect(notice.body).not.toContain(fr('watchlist.button.add'));
    const res = await agent.browser.post(`/panier/${tender.reference}/ajouter`, {}, { csrf: agent.browser.csrf() });
    expect(res.statusCode).toBe(403);
    expect((await agent.browser.get('/mon-espace/panier')).statusCode).toBe(403);
    expect((await agent.browser.get('/mon-espace/panier/calendrier')).statusCode).toBe(403);

    const visitor = new TestBrowser(app);
    const anonymous = await visitor.get(`/consultations/${tender.reference}`);
    expect(anonymous.body).not.toContain(fr('watchlist.button.add'));
    const page = await visitor.get('/mon-espace/panier');
    expect(page.statusCode).toBe(303);
    expect(String(page.headers.location)).toMatch(/^\/connexion/);
  });
});

describe('calendar feed (ICS)', () => {
  it("serves the owner's deadlines only, to the right token; a wrong token is a 404", async () => {
    const mine = await published('Désamiantage du collège; lot 1, bâtiment A', new Date('2027-03-15T11:00:00Z'));
    const theirs = await published('Éclairage public', new Date('2027-04-01T10:00:00Z'));
    const me = await company();
    const someone = await company();
    await me.browser.get(`/consultations/${mine.reference}`);
    await me.browser.post(`/panier/${mine.reference}/ajouter`, {}, { csrf: me.browser.csrf() });
    await someone.browser.get(`/consultations/${theirs.reference}`);
    await someone.browser.post(`/panier/${theirs.reference}/ajouter`, {}, { csrf: someone.browser.csrf() });

    await me.browser.get('/mon-espace/panier/calendrier');
    const token = await calendarToken(me.browser);
    const stored = await rt.db.selectFrom('watchlist_calendar_tokens').selectAll().execute();
    expect(stored.some((r) => r.token_hash.includes(token))).toBe(false);

    const visitor = new TestBrowser(app);
    const res = await visitor.get(`/panier/calendrier/${token}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body.replace(/\r\n /g, '');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain(`UID:${mine.id}-deadline@halle\r\n`);
    expect(text).toContain(`UID:${mine.id}-questions@halle\r\n`);
    expect(text).toContain('DTSTART:20270315T110000Z\r\n');
    expect(text).toContain(
      `SUMMARY:Date limite de remise — ${mine.reference} — Désamiantage du collège\\; lot 1\\, bâtiment A`,
    );
    expect(text).not.toContain(theirs.id);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    expect((await visitor.get(`/panier/calendrier/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await visitor.get(`/panier/calendrier/${token}.txt`)).statusCode).toBe(404);
    expect((await visitor.get('/panier/calendrier/x.ics')).statusCode).toBe(404);

    // the page never shows the address again, only that one exists
    const again = await me.browser.get('/mon-espace/panier/calendrier');
    expect(again.body).not.toContain(token);
    expect(again.body).toContain(esc(fr('watchlist.calendar.exists')));

    // a new address disables the previous one
    const next = await calendarToken(me.browser);
    expect((await visitor.get(`/panier/calendrier/${token}.ics`)).statusCode).toBe(404);
    expect((await visitor.get(`/panier/calendrier/${next}.ics`)).statusCode).toBe(200);
  });
});
