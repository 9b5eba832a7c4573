import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { CompanySize } from '../../platform/db/schema.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
const tag = uuidv7().slice(-6);

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

/** A company with a profile, listed in the directory unless told otherwise. */
async function listedCompany(values: {
  name: string;
  naf?: string;
  department?: string;
  size?: CompanySize;
  ess?: boolean;
  siae?: boolean;
  cpv?: string[];
  keywords?: string;
  listed?: boolean;
  certification?: { title: string; validUntil: string | null };
}) {
  const org = await createOrganisation(rt, {
    kind: 'company',
    name: values.name,
    department: values.department ?? '75',
    size: values.size ?? 'PME',
  });
  await rt.db
    .updateTable('organisations')
    .set({ naf: values.naf ?? '43.21A', is_ess: values.ess ?? false, is_siae: values.siae ?? false })
    .where('id', '=', org.id)
    .execute();
  await rt.db
    .insertInto('company_profiles')
    .values({
      organisation_id: org.id,
      in_directory: values.listed ?? true,
      cpv_codes: values.cpv ?? [],
      keywords: values.keywords ?? '',
    })
    .execute();
  if (values.certification) {
    const blobId = uuidv7();
    await rt.db
      .insertInto('blobs')
      .values({ id: blobId, storage_key: `test/${blobId}`, size_bytes: 3, sha256: 'a'.repeat(64) })
      .execute();
    await rt.db
      .insertInto('vault_documents')
      .values({
        id: uuidv7(),
        organisation_id: org.id,
        blob_id: blobId,
        document_type: 'certification',
        title: values.certification.title,
        file_name: 'cert.pdf',
        content_type: 'application/pdf',
        size_bytes: 3,
        sha256: 'a'.repeat(64),
        valid_until: values.certification.validUntil,
      })
      .execute();
  }
  return org;
}

const names = (body: string, candidates: string[]) => candidates.filter((n) => body.includes(n));

describe('supplier directory', () => {
  it('finds listed companies by keywords, CPV, NAF, department, size, ESS/SIAE and certification', async () => {
    const elec = await listedCompany({
      name: `Élec ${tag}`,
      keywords: 'courants faibles',
      cpv: ['45310000'],
      department: '93',
    });
    const plumb = await listedCompany({
      name: `Plomberie ${tag}`,
      naf: '43.22A',
      size: 'TPE',
      cpv: ['45330000'],
      certification: { title: 'Qualibat RGE', validUntil: null },
    });
    const insert = await listedCompany({
      name: `Insertion ${tag}`,
      naf: '81.21Z',
      ess: true,
      siae: true,
      certification: { title: 'Qualibat RGE', validUntil: '2020-01-01' },
    });
    const hidden = await listedCompany({ name: `Cachée ${tag}`, listed: false, keywords: 'courants faibles' });
    const all = [elec.name, plumb.name, insert.name, hidden.name];
    const { browser } = await signedInAs(rt, app, 'buyer_agent');
    const search = async (qs: string) => {
      const res = await browser.get(`/annuaire?${qs}`);
      expect(res.statusCode).toBe(200);
      return names(res.body, all);
    };
    expect(await search(`q=${tag}`)).toEqual([elec.name, plumb.name, insert.name]);
    expect(await search(`q=${encodeURIComponent('courants faibles')}`)).toEqual([elec.name]);
    expect(await search(`q=${tag}&cpv=45000000`)).toEqual([elec.name, plumb.name]);
    expect(await search(`q=${tag}&cpv=45330000`)).toEqual([plumb.name]);
    expect(await search(`q=${tag}&naf=43.22`)).toEqual([plumb.name]);
    expect(await search(`q=${tag}&department=93`)).toEqual([elec.name]);
    expect(await search(`q=${tag}&size=TPE`)).toEqual([plumb.name]);
    expect(await search(`q=${tag}&ess=on&siae=on`)).toEqual([insert.name]);
    // an expired certification does not count
    expect(await search(`q=${tag}&certification=qualibat`)).toEqual([plumb.name]);
    // hostile input is a search, not an error
    expect(await search(`q=%25%25_&cpv=abc&naf=<x>&department=999&size=XXL`)).toEqual([]);
  });

  it('saves a selection and exports it as CSV; forged ids and another buyer’s selection are refused', async () => {
    const a = await listedCompany({ name: `=Alpha ${tag}` });
    const b = await listedCompany({ name: `Beta ${tag}` });
    const unlisted = await listedCompany({ name: `Gamma ${tag}`, listed: false });
    const { browser, orgId } = await signedInAs(rt, app, 'buyer_admin');
    const forged = await browser.post(
      '/annuaire/selections',
      { name: 'Tentative', companies: [a.id, unlisted.id] },
      { from: `/annuaire?q=${tag}` },
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('ne figure plus dans l’annuaire');
    const empty = await browser.post('/annuaire/selections', { name: 'Vide' }, { from: '/annuaire' });
    expect(empty.statusCode).toBe(400);
    expect(await rt.db.selectFrom('directory_selections').select('id').where('buyer_id', '=', orgId).execute()).toEqual(
      [],
    );
    const saved = await browser.post(
      '/annuaire/selections',
      { name: 'Électriciens 93', companies: [a.id, b.id] },
      { from: `/annuaire?q=${tag}` },
    );
    expect(saved.statusCode).toBe(303);
    const url = String(saved.headers.location).split('?')[0] ?? '';
    const page = await browser.get(url);
    expect(page.body).toContain('Électriciens 93');
    const csv = await browser.get(`${url}/export.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(`'=Alpha ${tag}`);
    expect(csv.body).toContain(b.siret);
    const other = await signedInAs(rt, app, 'buyer_admin');
    expect((await other.browser.get(url)).statusCode).toBe(404);
    expect((await other.browser.get(`${url}/export.csv`)).statusCode).toBe(404);
    const company = await signedInAs(rt, app, 'company_admin');
    expect((await company.browser.get('/annuaire')).statusCode).toBe(403);
    expect((await new TestBrowser(app).get('/annuaire')).statusCode).toBe(303);
  });

  it('contacts a listed company through the outbox; a company that left the directory cannot be contacted', async () => {
    const company = await createOrganisation(rt, { kind: 'company', name: `Delta ${tag}` });
    const admin = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const companyBrowser = new TestBrowser(app);
    await companyBrowser.signIn(admin.email, admin.password);
    const join = await companyBrowser.post('/mon-espace/entreprise/annuaire', { listed: 'oui' });
    expect(join.statusCode).toBe(303);
    expect((await companyBrowser.get('/mon-espace/entreprise/annuaire')).body).toContain(
      'Votre entreprise figure dans l’annuaire',
    );

    const buyer = await signedInAs(rt, app, 'buyer_agent');
    const sent = await buyer.browser.post(`/annuaire/entreprises/${company.id}/contact`, {
      message: 'Bonjour, un marché de câblage arrive.',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Votre message a été envoyé.');
    expect(sent.body).not.toContain(admin.email);
    const mails = await mailsTo(rt, admin.email, 'directory.contact');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain(buyer.user.email);

    await companyBrowser.post('/mon-espace/entreprise/annuaire', { listed: 'non' });
    const page = await buyer.browser.get(`/annuaire/entreprises/${company.id}/contact`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('a quitté l’annuaire des fournisseurs');
    const refused = await buyer.browser.post(
      `/annuaire/entreprises/${company.id}/contact`,
      { message: 'Encore moi' },
      { csrf: buyer.browser.csrf() },
    );
    expect(refused.statusCode).toBe(409);
    expect(await mailsTo(rt, admin.email, 'directory.contact')).toHaveLength(1);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', company.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['directory.joined', 'directory.left', 'directory.company.contacted']),
    );
    // a company member (not admin) cannot change the listing
    const member = await signedInAs(rt, app, 'company_member', company);
    expect((await member.browser.post('/mon-espace/entreprise/annuaire', { listed: 'oui' })).statusCode).toBe(403);
  });
});
