import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { giveKeyedCommittee } from '../../../../test/support/submissions.js';
import { createTender } from '../../../../test/support/tenders.js';
import { buildServer } from '../../../app/server.js';
import { parisLocalToUtc } from '../../../platform/i18n/paris-time.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { translatorFor } from '../../../web/i18n.js';
import { addDocument, closeJobsOf, signedInAs } from './testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string; name: string };
let agent: TestBrowser;
const fr = translatorFor('fr');
const hour = 3600 * 1000;
const day = 24 * hour;

/** What a page shows for a catalogue key, with HTML escaping of apostrophes as Preact does it. */
function shown(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
  agent = (await signedInAs(rt, app, 'buyer_agent', buyer)).browser;
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('publishing a tender', () => {
  it('refuses to publish with the problems listed (no document, past deadline), and changes nothing', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, submissionDeadline: new Date(Date.now() - hour) });
    const page = await agent.get(`/mon-espace/consultations/${tender.reference}/publier`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(shown(fr('drafting.readiness.no_document')));
    expect(page.body).toContain(shown(fr('drafting.readiness.deadline_past')));
    expect(page.body).not.toContain(`>${fr('publication.publish.submit')}</button>`);

    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(shown(fr('drafting.readiness.no_document')));
    const row = await rt.db
      .selectFrom('tenders')
      .select(['status', 'published_at'])
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', published_at: null });
    expect(await closeJobsOf(rt, tender.id)).toEqual([]);
    const audit = await rt.db.selectFrom('audit_events').select('action').where('subject_id', '=', tender.id).execute();
    expect(audit).toEqual([]);
  });

  it('publishes: the notice goes public, the audit is written, the close job waits for the deadline', async () => {
    const deadline = new Date(Date.now() + 40 * day);
    const tender = await createTender(rt, { buyerId: buyer.id, submissionDeadline: deadline, lots: 2 });
    await addDocument(rt, tender.id);
    // publication needs a keyed opening committee (submissions module, through a publication check)
    await giveKeyedCommittee(rt, tender, buyer.id, { members: 2, threshold: 2 });
    expect((await new TestBrowser(app).get(`/consultations/${tender.reference}`)).statusCode).toBe(404);

    const confirm = await agent.get(`/mon-espace/consultations/${tender.reference}/publier`);
    expect(confirm.body).toContain(`>${fr('publication.publish.submit')}</button>`);
    expect(confirm.body).toContain(`/consultations/${tender.reference}`);
    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/consultations/${tender.reference}?publiee=1`);
    const shownToBuyer = await agent.get(String(res.headers.location));
    expect(shownToBuyer.body).toContain('La consultation est publiée. Elle sera clôturée automatiquement le ');

    const row = await rt.db.selectFrom('tenders').selectAll().where('id', '=', tender.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect(row.published_at).not.toBeNull();
    const jobs = await closeJobsOf(rt, tender.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.startAfter.getTime()).toBe(deadline.getTime());
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after', 'organisation_id'])
      .where('subject_id', '=', tender.id)
      .where('action', 'not like', 'submissions.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['tender.published']);
    expect(audit[0]?.organisation_id).toBe(buyer.id);

    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('Travaux de rénovation énergétique du groupe scolaire Jules-Ferry');
    expect(notice.body).toContain('Ville de Montreuil');
    expect(notice.body).toContain(`<span class="chip chip-success">${fr('publication.status.published')}</span>`);
    expect(notice.body).toContain('45000000-7');
    expect(notice.body).toContain('Travaux de construction');
    expect(notice.body).toContain('Lot 2');
    expect(notice.body).toMatch(/<td>60\s%<\/td>/);
    expect(notice.body).toContain('(heure de Paris)');
    expect(notice.body).toMatch(/encore 3\d j/);
    expect(notice.body).toContain('500 Mo');
    expect(notice.body).toContain('Seine-Saint-Denis');
    // the documents section (documents capability) lists the DCE with its ZIP
    expect(notice.body).toContain('Règlement de la consultation.pdf');
    expect(notice.body).toContain(`/consultations/${tender.reference}/dce.zip`);

    // publishing twice is refused, nothing is scheduled twice
    const again = await agent.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
    expect(again.statusCode).toBe(409);
    expect(await closeJobsOf(rt, tender.id)).toHaveLength(1);
  });

  it('shows a draft to its buyer only; another buyer gets 404 on every page, a company 403 on the dashboard', async () => {
    const draft = await createTender(rt, { buyerId: buyer.id, title: 'Fourniture de mobilier scolaire' });
    const published = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const preview = await agent.get(`/consultations/${draft.reference}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(fr('publication.notice.draft_preview'));

    expect((await new TestBrowser(app).get(`/consultations/${draft.reference}`)).statusCode).toBe(404);
    const other = (await signedInAs(rt, app, 'buyer_admin')).browser;
    expect((await other.get(`/consultations/${draft.reference}`)).statusCode).toBe(404);
    expect((await other.get(`/consultations/${published.reference}`)).statusCode).toBe(200);
    for (const ref of [draft.reference, published.reference]) {
      for (const step of ['publier', 'rectificatif', 'abandon']) {
        const url = `/mon-espace/consultations/${ref}/${step}`;
        expect((await other.get(url)).statusCode, url).toBe(404);
        const post = await other.post(url, { reason: 'Essai', event: 'cancel' }, { from: '/mon-espace/consultations' });
        expect(post.statusCode, `POST ${url}`).toBe(404);
      }
    }
    const after = await rt.db
      .selectFrom('tenders')
      .select(['status', 'updated_at'])
      .where('id', 'in', [draft.id, published.id])
      .orderBy('reference')
      .execute();
    expect(after.map((t) => t.status)).toEqual(['draft', 'published']);
    expect(await rt.db.selectFrom('corrigenda').selectAll().where('tender_id', '=', published.id).execute()).toEqual(
      [],
    );

    const dashboard = await other.get('/mon-espace/consultations');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).not.toContain(draft.reference);
    const company = (await signedInAs(rt, app, 'company_admin')).browser;
    expect((await company.get('/mon-espace/consultations')).statusCode).toBe(403);
    expect((await company.get(`/mon-espace/consultations/${published.reference}/publier`)).statusCode).toBe(404);
    expect(isSentToSignIn(await new TestBrowser(app).get('/mon-espace/consultations'))).toBe(true);
    expect((await new TestBrowser(app).get('/consultations/..%2Fadmin')).statusCode).toBe(404);
  });

  it('shows the buyer dashboard by status, with the deadlines of the next 30 days first', async () => {
    const org = await createOrganisation(rt, { kind: 'buyer', name: 'Département de l’Essonne' });
    const { browser } = await signedInAs(rt, app, 'buyer_agent', org);
    const soon = await createTender(rt, {
      buyerId: org.id,
      status: 'published',
      title: 'Entretien des espaces verts',
      submissionDeadline: new Date(Date.now() + 5 * day),
    });
    await createTender(rt, {
      buyerId: org.id,
      status: 'published',
      title: 'Maintenance des ascenseurs',
      submissionDeadline: new Date(Date.now() + 60 * day),
    });
    await createTender(rt, { buyerId: org.id, title: 'Restauration scolaire' });
    await createTender(rt, { buyerId: org.id, status: 'cancelled', title: 'Étude de circulation' });
    const res = await browser.get('/mon-espace/consultations');
    expect(res.statusCode).toBe(200);
    const coming = res.body.slice(res.body.indexOf('id="echeances"'), res.body.indexOf('id="par-statut"'));
    expect(coming).toContain('Entretien des espaces verts');
    expect(coming).not.toContain('Maintenance des ascenseurs');
    expect(coming).toContain(`/mon-espace/consultations/${soon.reference}`);
    expect(res.body).toContain('href="/mon-espace/consultations/nouvelle"');
    expect(res.body).toContain(`${fr('publication.status.published')} (2)`);
    expect(res.body).toContain(`${fr('publication.status.draft')} (1)`);
    expect(res.body).toContain(`${fr('publication.status.cancelled')} (1)`);
    expect(res.body).not.toContain('Jules-Ferry');
  });
});

describe('public list and API', () => {
  it('lists published tenders newest first, 20 per page, filtered by status, never drafts', async () => {
    const org = await createOrganisation(rt, { kind: 'buyer' });
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const t = await createTender(rt, { buyerId: org.id, status: 'published', title: `Marché liste ${i}` });
      await rt.db
        .updateTable('tenders')
        .set({ published_at: new Date(Date.now() + (i + 1) * 60_000) })
        .where('id', '=', t.id)
        .execute();
      ids.push(t.id);
    }
    const closed = await createTender(rt, { buyerId: org.id, status: 'closed', title: 'Marché clos de la liste' });
    await rt.db
      .updateTable('tenders')
      .set({ published_at: new Date(Date.now() + hour) })
      .where('id', '=', closed.id)
      .execute();
    const draft = await createTender(rt, { buyerId: org.id, title: 'Brouillon secret de la liste' });

    const page1 = await new TestBrowser(app).get('/consultations');
    expect(page1.statusCode).toBe(200);
    expect(page1.body).toContain('Marché clos de la liste');
    expect(page1.body.indexOf('Marché clos de la liste')).toBeLessThan(page1.body.indexOf('Marché liste 21'));
    expect(page1.body.indexOf('Marché liste 21')).toBeLessThan(page1.body.indexOf('Marché liste 20'));
    expect(page1.body).not.toContain('Brouillon secret');
    expect((page1.body.match(/<tr>/g) ?? []).length).toBe(21); // header + 20 rows
    expect(page1.body).toContain('rel="next"');

    const open = await new TestBrowser(app).get('/consultations?statut=en-cours');
    expect(open.body).not.toContain('Marché clos de la liste');
    const closedOnly = await new TestBrowser(app).get('/consultations?statut=cloturees');
    expect(closedOnly.body).toContain('Marché clos de la liste');
    expect(closedOnly.body).not.toContain('Marché liste 21');
    expect((await new TestBrowser(app).get('/consultations?page=abc&statut=x')).statusCode).toBe(200);

    const api = await app.inject({ url: '/api/v1/tenders?pageSize=100' });
    expect(api.statusCode).toBe(200);
    const body = api.json() as { items: { id: string; status: string }[]; total: number };
    const listed = body.items.map((i) => i.id);
    expect(listed).toContain(ids[0]);
    expect(listed).toContain(closed.id);
    expect(listed).not.toContain(draft.id);
    expect(body.items.every((i) => i.status !== 'draft')).toBe(true);
    const onlyClosed = (await app.inject({ url: '/api/v1/tenders?status=closed' })).json() as typeof body;
    expect(onlyClosed.items.map((i) => i.id)).toContain(closed.id);
    expect(onlyClosed.items.every((i) => i.status === 'closed')).toBe(true);
    expect((await app.inject({ url: '/api/v1/tenders?status=draft' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/v1/tenders?pageSize=1000' })).statusCode).toBe(400);

    const hidden = await app.inject({ url: `/api/v1/tenders/${draft.id}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ url: '/api/v1/tenders/not-a-uuid' })).statusCode).toBe(404);
  });

  it('gives one tender with lots, criteria, documents, corrigenda and anonymised answers', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published', lots: 2 });
    const document = await addDocument(rt, tender.id, { name: 'CCTP.pdf', type: 'cctp' });
    await addDocument(rt, tender.id, { name: 'Ancien plan.pdf', type: 'plans', removedInVersion: 1 });
    const company = await createOrganisation(rt, { kind: 'company', name: 'Société Curieuse' });
    const asker = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
    await rt.db
      .insertInto('clarifications')
      .values([
        {
          id: uuidv7(),
          tender_id: tender.id,
          number: 1,
          question: 'Une visite est-elle obligatoire ?',
          asked_by: asker.id,
          company_id: company.id,
          answer: 'Non, elle est facultative.',
          answered_at: new Date(),
        },
        {
          id: uuidv7(),
          tender_id: tender.id,
          number: 2,
          question: 'Question sans réponse',
          asked_by: asker.id,
          company_id: company.id,
        },
      ])
      .execute();
    const res = await app.inject({ url: `/api/v1/tenders/${tender.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reference).toBe(tender.reference);
    expect(body.buyer.name).toBe('Ville de Montreuil');
    expect(body.lots.map((l: { number: number }) => l.number)).toEqual([1, 2]);
    expect(body.awardCriteria.map((c: { weightBasisPoints: number }) => c.weightBasisPoints)).toEqual([6000, 4000]);
    expect(body.documents).toEqual([
      expect.objectContaining({
        id: document.id,
        name: 'CCTP.pdf',
        type: 'cctp',
        sha256: document.sha256,
        downloadUrl: `${rt.config.publicUrl}/consultations/${tender.reference}/documents/${document.id}`,
      }),
    ]);
    expect(body.answers).toEqual([
      expect.objectContaining({
        number: 1,
        question: 'Une visite est-elle obligatoire ?',
        answer: 'Non, elle est facultative.',
      }),
    ]);
    expect(res.body).not.toContain('Société Curieuse');
    expect(res.body).not.toContain(asker.id);
    expect(res.body).not.toContain('Question sans réponse');
    expect(body.corrigenda).toEqual([]);

    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/tenders'].get.tags).toEqual(['tenders']);
    expect(spec.paths['/api/v1/tenders/{id}'].get.security).toEqual([]);
  });

  it('stores and shows right a deadline set on the night of the autumn clock change', async () => {
    // 2026-10-25 02:30 happens twice in Paris: the first occurrence is 00:30 UTC (still CEST, UTC+2)
    const deadline = parisLocalToUtc('2026-10-25', '02:30');
    expect(deadline.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'closed', submissionDeadline: deadline });
    const stored = await rt.db
      .selectFrom('tenders')
      .select('submission_deadline')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(stored.submission_deadline?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('25 octobre 2026 à 02:30 (heure de Paris)');
    expect(notice.body).toMatch(/datetime="2026-10-25T00:30:00.000Z"/i);
    const api = (await app.inject({ url: `/api/v1/tenders/${tender.id}` })).json();
    expect(api.submissionDeadline).toBe('2026-10-25T00:30:00.000Z');
  });
});
