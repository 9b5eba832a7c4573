import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer' });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function companyWithAdmin(name: string) {
  const org = await createOrganisation(rt, { kind: 'company', name });
  const admin = await createUser(rt, { memberships: [{ organisationId: org.id, role: 'company_admin' }] });
  const browser = new TestBrowser(app);
  await browser.signIn(admin.email, admin.password);
  return { org, admin, browser };
}

describe('partnering exchange', () => {
  it('companies declare themselves, see each other and contact each other without seeing addresses', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const base = `/consultations/${tender.reference}/cotraitance`;
    const lead = await companyWithAdmin('Entreprise Générale Martin');
    const sub = await companyWithAdmin('Plâtrerie Nguyen');

    const bad = await lead.browser.post(base, { role: 'boss', note: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez votre rôle.');
    expect(
      await rt.db.selectFrom('partnering_entries').selectAll().where('tender_id', '=', tender.id).execute(),
    ).toEqual([]);

    expect(
      (await lead.browser.post(base, { role: 'lead', skills: 'gros œuvre', note: 'Cherche plâtrier' })).statusCode,
    ).toBe(303);
    expect((await sub.browser.post(base, { role: 'subcontractor', skills: 'plâtrerie, isolation' })).statusCode).toBe(
      303,
    );

    const page = await lead.browser.get(base);
    expect(page.body).toContain('Plâtrerie Nguyen');
    expect(page.body).toContain('plâtrerie, isolation');
    expect(page.body).toContain('Sous-traitant');
    expect(page.body).not.toContain(sub.admin.email);

    const notice = await lead.browser.get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('Bourse à la cotraitance : 2 entreprise(s) déclarée(s)');

    const sent = await lead.browser.post(
      `${base}/${sub.org.id}/contact`,
      { [`message-${sub.org.id}`]: 'Bonjour, associons-nous pour le lot 1.' },
      { from: base },
    );
    expect(sent.statusCode).toBe(303);
    const mails = await mailsTo(rt, sub.admin.email, 'partnering.contact');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain(lead.admin.email);
    expect(mails[0]?.text_body).toContain('Mandataire possible');
    expect(
      await rt.db.selectFrom('partnering_contacts').select('id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(1);

    // not declared: must declare first; a company not on the exchange does not exist here
    const outsider = await companyWithAdmin('Curieux SARL');
    const refused = await outsider.browser.post(
      `${base}/${sub.org.id}/contact`,
      { [`message-${sub.org.id}`]: 'Salut' },
      { from: base },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Déclarez d’abord votre entreprise');
    const unknown = await lead.browser.post(
      `${base}/${outsider.org.id}/contact`,
      { [`message-${outsider.org.id}`]: 'Salut' },
      { from: base },
    );
    expect(unknown.statusCode).toBe(404);
    const empty = await lead.browser.post(
      `${base}/${sub.org.id}/contact`,
      { [`message-${sub.org.id}`]: '  ' },
      { from: base },
    );
    expect(empty.statusCode).toBe(400);
    expect(await mailsTo(rt, sub.admin.email, 'partnering.contact')).toHaveLength(1);

    // withdrawing takes the company off the list
    expect((await sub.browser.post(`${base}/retirer`, {}, { from: base })).statusCode).toBe(303);
    expect((await lead.browser.get(base)).body).not.toContain('Plâtrerie Nguyen');
  });

  it('drafts do not exist, closed tenders are read-only, buyers and visitors stay out', async () => {
    const draft = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    const closed = await createTender(rt, { buyerId: buyer.id, status: 'closed' });
    const company = await signedInAs(rt, app, 'company_member');
    expect((await company.browser.get(`/consultations/${draft.reference}/cotraitance`)).statusCode).toBe(404);
    expect((await company.browser.get('/consultations/INEXISTANTE/cotraitance')).statusCode).toBe(404);
    const base = `/consultations/${closed.reference}/cotraitance`;
    const page = await company.browser.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('la bourse est en lecture seule');
    const declare = await company.browser.post(base, { role: 'lead' }, { csrf: company.browser.csrf() });
    expect(declare.statusCode).toBe(409);
    const theBuyer = await signedInAs(rt, app, 'buyer_admin', buyer);
    expect((await theBuyer.browser.get(base)).statusCode).toBe(403);
    expect((await new TestBrowser(app).get(base)).statusCode).toBe(303);
  });
});
