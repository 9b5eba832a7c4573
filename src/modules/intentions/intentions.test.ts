import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';

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

async function listedCompanyWithAdmin(name: string, listed = true) {
  const org = await createOrganisation(rt, { kind: 'company', name });
  const admin = await createUser(rt, { memberships: [{ organisationId: org.id, role: 'company_admin' }] });
  await rt.db.insertInto('company_profiles').values({ organisation_id: org.id, in_directory: listed }).execute();
  return { org, admin };
}

async function selection(buyerId: string, companyIds: string[]) {
  const id = uuidv7();
  await rt.db.insertInto('directory_selections').values({ id, buyer_id: buyerId, name: 'Couvreurs' }).execute();
  await rt.db
    .insertInto('directory_selection_companies')
    .values(companyIds.map((c) => ({ selection_id: id, company_id: c })))
    .execute();
  return id;
}

const fields = {
  title: 'Réfection de la toiture du gymnase',
  description: 'Environ 1 200 m² de bac acier.',
  cpv_code: '45261210',
  estimated_value: '180 000',
  expected_on: '2027-03-15',
};

describe('purchase intentions', () => {
  it('publishes an intention to a directory selection; targeted companies are mailed, the event is recorded', async () => {
    const a = await listedCompanyWithAdmin('Toitures Alpha');
    const b = await listedCompanyWithAdmin('Couverture Beta');
    const gone = await listedCompanyWithAdmin('Zinguerie Partie', false);
    const { browser, orgId } = await signedInAs(rt, app, 'buyer_agent');
    const selectionId = await selection(orgId, [a.org.id, b.org.id, gone.org.id]);

    const page = await browser.get(`/mon-espace/intentions/nouvelle?selection=${selectionId}`);
    expect(page.body).toContain(`<option value="${selectionId}" selected`);
    const bad = await browser.post('/mon-espace/intentions', {
      ...fields,
      cpv_code: '4526',
      expected_on: '2027-02-30',
      selection: selectionId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Le code CPV comporte 8 chiffres.');
    expect(bad.body).toContain('Saisissez une date valide.');
    const otherBuyer = await createOrganisation(rt, { kind: 'buyer' });
    const foreign = await selection(otherBuyer.id, [a.org.id]);
    const stolen = await browser.post('/mon-espace/intentions', { ...fields, selection: foreign });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.body).toContain('Cette sélection n’existe pas.');
    expect(await rt.db.selectFrom('purchase_intentions').select('id').where('buyer_id', '=', orgId).execute()).toEqual(
      [],
    );

    const res = await browser.post('/mon-espace/intentions', { ...fields, selection: selectionId });
    expect(res.statusCode).toBe(303);
    const intention = await rt.db
      .selectFrom('purchase_intentions')
      .selectAll()
      .where('buyer_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(intention).toMatchObject({
      cpv_code: '45261210',
      estimated_value_cents: 18_000_000,
      expected_on: '2027-03-15',
      status: 'published',
    });
    expect((await browser.get(String(res.headers.location))).body).toContain('2 entreprise(s) ciblée(s) prévenue(s)');
    expect(await mailsTo(rt, a.admin.email, 'intentions.targeted')).toHaveLength(1);
    expect(await mailsTo(rt, b.admin.email, 'intentions.targeted')).toHaveLength(1);
    expect(await mailsTo(rt, gone.admin.email, 'intentions.targeted')).toHaveLength(0);
    const event = await rt.db
      .selectFrom('domain_events')
      .selectAll()
      .where('type', '=', 'intention.published')
      .where('aggregate_id', '=', intention.id)
      .executeTakeFirstOrThrow();
    const payload = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
    expect(payload).toMatchObject({ id: intention.id, buyerId: orgId, cpvCode: '45261210' });
    expect([...payload.targetedCompanyIds].sort()).toEqual([a.org.id, b.org.id].sort());
  });

  it('companies express interest; the buyer turns the intention into a draft tender in one step', async () => {
    const buyer = await signedInAs(rt, app, 'buyer_admin');
    await buyer.browser.post('/mon-espace/intentions', fields);
    const intention = await rt.db
      .selectFrom('purchase_intentions')
      .selectAll()
      .where('buyer_id', '=', buyer.orgId)
      .executeTakeFirstOrThrow();

    const company = await signedInAs(rt, app, 'company_member');
    const list = await company.browser.get('/intentions');
    expect(list.body).toContain(fields.title);
    const interest = await company.browser.post(
      `/intentions/${intention.id}/interet`,
      { note: 'Nous posons du bac acier.' },
      { from: `/intentions/${intention.id}` },
    );
    expect(interest.statusCode).toBe(303);
    expect(await mailsTo(rt, buyer.user.email, 'intentions.interest')).toHaveLength(1);
    const detail = await buyer.browser.get(`/mon-espace/intentions/${intention.id}`);
    expect(detail.body).toContain('Nous posons du bac acier.');

    // another buyer sees nothing of it
    const other = await signedInAs(rt, app, 'buyer_admin');
    expect((await other.browser.get(`/mon-espace/intentions/${intention.id}`)).statusCode).toBe(404);
    const forged = await other.browser.post(
      `/mon-espace/intentions/${intention.id}/consultation`,
      {},
      { from: '/mon-espace/intentions' },
    );
    expect(forged.statusCode).toBe(404);

    const converted = await buyer.browser.post(
      `/mon-espace/intentions/${intention.id}/consultation`,
      {},
      { from: `/mon-espace/intentions/${intention.id}` },
    );
    expect(converted.statusCode).toBe(303);
    const tender = await rt.db
      .selectFrom('tenders')
      .selectAll()
      .where('buyer_id', '=', buyer.orgId)
      .executeTakeFirstOrThrow();
    expect(converted.headers.location).toBe(`/mon-espace/consultations/${tender.reference}`);
    expect(tender).toMatchObject({
      status: 'draft',
      title: fields.title,
      cpv_codes: ['45261210'],
      estimated_value_cents: 18_000_000,
      main_category: 'works',
    });
    expect(await rt.db.selectFrom('lots').select('id').where('tender_id', '=', tender.id).execute()).toHaveLength(1);
    const after = await rt.db
      .selectFrom('purchase_intentions')
      .selectAll()
      .where('id', '=', intention.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'converted', tender_id: tender.id });
    expect((await buyer.browser.get(`/mon-espace/consultations/${tender.reference}`)).statusCode).toBe(200);

    const again = await buyer.browser.post(
      `/mon-espace/intentions/${intention.id}/consultation`,
      {},
      { from: `/mon-espace/intentions/${intention.id}` },
    );
    expect(again.statusCode).toBe(409);
    expect(await rt.db.selectFrom('tenders').select('id').where('buyer_id', '=', buyer.orgId).execute()).toHaveLength(
      1,
    );
    const late = await company.browser.post(
      `/intentions/${intention.id}/interet`,
      { note: 'Et nous ?' },
      { csrf: company.browser.csrf() },
    );
    expect(late.statusCode).toBe(409);
    expect((await company.browser.get('/mon-espace/intentions')).statusCode).toBe(403);
  });
});
