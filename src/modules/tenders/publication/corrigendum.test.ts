import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { linkIn, mailsTo } from '../../../../test/support/mails.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { buildServer } from '../../../app/server.js';
import { toParisInputs } from '../../../platform/i18n/paris-time.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { translatorFor } from '../../../web/i18n.js';
import { addDocument, closeJobsOf, signedInAs } from './testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
let agent: TestBrowser;
const fr = translatorFor('fr');
const day = 24 * 3600 * 1000;

/** The corrigendum form as the page fills it, with some fields changed. */
async function corrigendumForm(reference: string, changes: Record<string, string>) {
  await agent.get(`/mon-espace/consultations/${reference}/rectificatif`);
  const html = agent.lastHtml;
  const values: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    if (match[1] && match[1] !== '_csrf') values[match[1]] = match[2] ?? '';
  }
  for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    if (match[1]) values[match[1]] = match[2] ?? '';
  }
  return { ...values, ...changes };
}

async function publishedTender(values: { deadline?: Date; title?: string } = {}) {
  const deadline = values.deadline ?? new Date(Date.now() + 30 * day);
  return createTender(rt, {
    buyerId: buyer.id,
    status: 'published',
    submissionDeadline: deadline,
    ...(values.title ? { title: values.title } : {}),
  });
}

async function retrieve(tenderId: string, userId: string | null, orgId: string | null) {
  await rt.db
    .insertInto('retrievals')
    .values({ id: uuidv7(), tender_id: tenderId, dce_version: 1, user_id: userId, organisation_id: orgId })
    .execute();
}

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Saint-Denis' });
  agent = (await signedInAs(rt, app, 'buyer_agent', buyer)).browser;
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('corrigenda', () => {
  it('refuses a submission deadline brought forward, and writes nothing', async () => {
    const tender = await publishedTender();
    const before = await rt.db.selectFrom('tenders').selectAll().where('id', '=', tender.id).executeTakeFirstOrThrow();
    const earlier = toParisInputs(new Date(Date.now() + 20 * day));
    const form = await corrigendumForm(tender.reference, {
      reason: 'Avancer la date',
      submission_deadline_date: earlier.date,
      submission_deadline_time: earlier.time,
    });
    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/rectificatif`, form, {
      csrf: agent.csrf(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(fr('publication.corrigendum.submission_deadline.earlier').replaceAll("'", '&#39;'));
    expect(res.body).toContain('href="#champ-submission_deadline_date"');
    const after = await rt.db.selectFrom('tenders').selectAll().where('id', '=', tender.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await rt.db.selectFrom('corrigenda').selectAll().where('tender_id', '=', tender.id).execute()).toEqual([]);
  });

  it('moves the deadline later: corrigendum no. 1, closing rescheduled, retrievers mailed, history on the notice', async () => {
    const tender = await publishedTender({ title: 'Nettoyage des écoles de Saint-Denis' });
    const company = await createOrganisation(rt, { kind: 'company', name: 'Propreté Plus' });
    const retriever = await createUser(rt, {
      name: 'Léa Dubois',
      email: 'lea.dubois@proprete.example',
      memberships: [{ organisationId: company.id, role: 'company_member' }],
    });
    const other = await createUser(rt, { email: 'autre@proprete.example' });
    await retrieve(tender.id, retriever.id, company.id);
    await retrieve(tender.id, retriever.id, company.id);
    await retrieve(tender.id, null, null);

    const later = new Date(Date.now() + 45 * day);
    later.setUTCSeconds(0, 0);
    const inputs = toParisInputs(later);
    const form = await corrigendumForm(tender.reference, {
      reason: 'Report de la date limite à la demande des candidats',
      submission_deadline_date: inputs.date,
      submission_deadline_time: inputs.time,
      contact_phone: '01 49 33 00 00',
    });
    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/rectificatif`, form, {
      csrf: agent.csrf(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/consultations/${tender.reference}?rectificatif=1#rectificatif-1`);
    expect((await agent.get(String(res.headers.location))).body).toContain(
      fr('publication.corrigendum.done', { number: 1 }),
    );

    const row = await rt.db.selectFrom('tenders').selectAll().where('id', '=', tender.id).executeTakeFirstOrThrow();
    expect(row.submission_deadline?.toISOString()).toBe(later.toISOString());
    expect(row.contact_phone).toBe('01 49 33 00 00');
    expect(row.dce_version).toBe(1);
    const corrigenda = await rt.db.selectFrom('corrigenda').selectAll().where('tender_id', '=', tender.id).execute();
    expect(corrigenda).toHaveLength(1);
    expect(corrigenda[0]?.number).toBe(1);
    expect(corrigenda[0]?.changes).toEqual([
      { field: 'submission_deadline', before: expect.any(String), after: later.toISOString() },
      { field: 'contact_phone', before: null, after: '01 49 33 00 00' },
    ]);
    expect((await closeJobsOf(rt, tender.id)).map((j) => j.startAfter.toISOString())).toContain(later.toISOString());
    const audit = await rt.db.selectFrom('audit_events').select('action').where('subject_id', '=', tender.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['tender.corrigendum_published']);

    const mails = await mailsTo(rt, retriever.email, 'tenders.corrigendum');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(`consultation ${tender.reference}`);
    expect(mails[0]?.text_body).toContain('Bonjour Léa Dubois');
    expect(mails[0]?.text_body).toContain('Report de la date limite à la demande des candidats');
    expect(mails[0]?.text_body).toContain('Date limite de remise des offres : ');
    expect(mails[0]?.text_body).toContain('(heure de Paris) → ');
    expect(linkIn(rt, mails[0]?.text_body ?? '')).toBe(`/consultations/${tender.reference}`);
    expect(await mailsTo(rt, other.email)).toEqual([]);

    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('id="rectificatif-1"');
    expect(notice.body).toContain('Rectificatif n° 1 du ');
    expect(notice.body).toContain('Motif : Report de la date limite à la demande des candidats');
    expect(notice.body).toContain(
      '<th scope="row">Téléphone du contact</th><td>non renseigné</td><td>01 49 33 00 00</td>',
    );
  });

  it('refuses an empty corrigendum, and one without a reason', async () => {
    const tender = await publishedTender();
    const empty = await agent.post(
      `/mon-espace/consultations/${tender.reference}/rectificatif`,
      await corrigendumForm(tender.reference, { reason: 'Rien' }),
      { csrf: agent.csrf() },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(fr('publication.corrigendum.empty').replaceAll("'", '&#39;'));
    const noReason = await agent.post(
      `/mon-espace/consultations/${tender.reference}/rectificatif`,
      await corrigendumForm(tender.reference, { reason: '  ', title: 'Nouveau titre' }),
      { csrf: agent.csrf() },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(fr('publication.corrigendum.reason.required'));
    expect(noReason.body).toContain('value="Nouveau titre"');
    expect(await rt.db.selectFrom('corrigenda').selectAll().where('tender_id', '=', tender.id).execute()).toEqual([]);
  });

  it('refuses any corrigendum once the deadline has passed', async () => {
    const tender = await publishedTender({ deadline: new Date(Date.now() - 60_000) });
    const page = await agent.get(`/mon-espace/consultations/${tender.reference}/rectificatif`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(fr('publication.corrigendum.deadline_passed'));
    const res = await agent.post(
      `/mon-espace/consultations/${tender.reference}/rectificatif`,
      { reason: 'Trop tard', title: 'Nouveau titre' },
      { from: '/mon-espace/consultations' },
    );
    expect(res.statusCode).toBe(400);
    expect(await rt.db.selectFrom('corrigenda').selectAll().where('tender_id', '=', tender.id).execute()).toEqual([]);
    const row = await rt.db.selectFrom('tenders').select('title').where('id', '=', tender.id).executeTakeFirstOrThrow();
    expect(row.title).not.toBe('Nouveau titre');
  });

  it('publishes staged documents as a new DCE version', async () => {
    const tender = await publishedTender();
    await addDocument(rt, tender.id, { name: 'RC.pdf' });
    await addDocument(rt, tender.id, { name: 'CCTP v2.pdf', type: 'cctp', addedInVersion: 2 });
    const form = await corrigendumForm(tender.reference, { reason: 'Nouveau CCTP', include_documents: 'on' });
    expect(agent.lastHtml).toContain('nouvelle version 2 du DCE');
    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/rectificatif`, form, {
      csrf: agent.csrf(),
    });
    expect(res.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('tenders')
      .select('dce_version')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row.dce_version).toBe(2);
    const corrigendum = await rt.db
      .selectFrom('corrigenda')
      .select(['dce_version', 'changes'])
      .where('tender_id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(corrigendum).toEqual({ dce_version: 2, changes: [] });
    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('Nouvelle version du DCE : version 2.');
    const api = (await app.inject({ url: `/api/v1/tenders/${tender.id}` })).json();
    expect(api.documents.map((d: { name: string }) => d.name).sort()).toEqual(['CCTP v2.pdf', 'RC.pdf']);
  });

  it('takes a deadline on the night of the autumn clock change as its first occurrence', async () => {
    const tender = await publishedTender();
    // 2027-10-31 02:30 happens twice in Paris; the first one is 00:30 UTC
    const form = await corrigendumForm(tender.reference, {
      reason: 'Report à la nuit du changement d’heure',
      submission_deadline_date: '2027-10-31',
      submission_deadline_time: '02:30',
    });
    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/rectificatif`, form, {
      csrf: agent.csrf(),
    });
    expect(res.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('tenders')
      .select('submission_deadline')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row.submission_deadline?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('31 octobre 2027 à 02:30 (heure de Paris)');
    const again = await agent.get(`/mon-espace/consultations/${tender.reference}/rectificatif`);
    expect(again.body).toContain('value="2027-10-31"');
    expect(again.body).toContain('value="02:30"');
    // a time skipped by the spring change is refused rather than shifted
    const spring = await agent.post(
      `/mon-espace/consultations/${tender.reference}/rectificatif`,
      await corrigendumForm(tender.reference, {
        reason: 'Heure inexistante',
        submission_deadline_date: '2028-03-26',
        submission_deadline_time: '02:30',
      }),
      { csrf: agent.csrf() },
    );
    expect(spring.statusCode).toBe(400);
    expect(spring.body).toContain('passage à l’heure d’été');
  });
});

describe('cancelling or declaring unsuccessful', () => {
  it('cancels with a reason: status, audit, printable record, notice page', async () => {
    const tender = await publishedTender({ title: 'Travaux de voirie rue de la République' });
    const missing = await agent.post(`/mon-espace/consultations/${tender.reference}/abandon`, { event: 'cancel' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain(fr('publication.abandon.reason.required'));
    expect(
      (await rt.db.selectFrom('tenders').select('status').where('id', '=', tender.id).executeTakeFirstOrThrow()).status,
    ).toBe('published');

    const res = await agent.post(`/mon-espace/consultations/${tender.reference}/abandon`, {
      event: 'cancel',
      reason: 'Le besoin a disparu après la fusion des services.',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/mon-espace/consultations/${tender.reference}/abandon`);
    const row = await rt.db
      .selectFrom('tenders')
      .select(['status', 'status_reason'])
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', status_reason: 'Le besoin a disparu après la fusion des services.' });
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('subject_id', '=', tender.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'tender.cancelled',
        before: { status: 'published' },
        after: { status: 'cancelled', reason: 'Le besoin a disparu après la fusion des services.' },
      },
    ]);
    const proof = await agent.get(`/mon-espace/consultations/${tender.reference}/abandon`);
    expect(proof.body).toContain('Le besoin a disparu après la fusion des services.');
    expect(proof.body).toContain(fr('publication.abandon.proof.print'));
    expect(proof.body).toContain('Camille Martin');

    const notice = await new TestBrowser(app).get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain(`<span class="chip chip-danger">${fr('publication.status.cancelled')}</span>`);
    expect(notice.body).toContain('Le besoin a disparu après la fusion des services.');
    // a final state does not change again, and the closing job will find nothing to close
    const again = await agent.post(`/mon-espace/consultations/${tender.reference}/abandon`, {
      event: 'declareUnsuccessful',
      reason: 'Essai',
    });
    expect(again.statusCode).toBe(409);
  });

  it('declares a closed tender unsuccessful, and refuses a draft', async () => {
    const closed = await createTender(rt, { buyerId: buyer.id, status: 'closed' });
    const res = await agent.post(`/mon-espace/consultations/${closed.reference}/abandon`, {
      event: 'declareUnsuccessful',
      reason: 'Aucune offre recevable.',
    });
    expect(res.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('unsuccessful');

    const draft = await createTender(rt, { buyerId: buyer.id });
    const page = await agent.get(`/mon-espace/consultations/${draft.reference}/abandon`);
    expect(page.body).toContain(fr('publication.abandon.not_allowed'));
    const refused = await agent.post(`/mon-espace/consultations/${draft.reference}/abandon`, {
      event: 'cancel',
      reason: 'Essai',
    });
    expect(refused.statusCode).toBe(409);
    expect(
      (await rt.db.selectFrom('tenders').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()).status,
    ).toBe('draft');
  });
});
