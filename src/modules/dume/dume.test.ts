import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { espdCriteria, espdDir } from './catalogue.js';
import { readEspdResponse } from './domain/importResponse.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bondy & Co' });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

/** Validates against the official UBL 2.3 schemas (OP-TED ESPD-EDM; ESPD 2.1.1 is UBL 2.2, a subset). */
async function validate(xml: string, kind: 'Request' | 'Response') {
  const xsdDir = path.join(espdDir, 'xsd');
  const preload = ['common', 'maindoc'].flatMap((sub) =>
    fs
      .readdirSync(path.join(xsdDir, sub))
      .map((f) => ({ fileName: `${sub}/${f}`, contents: fs.readFileSync(path.join(xsdDir, sub, f), 'utf8') })),
  );
  const main = preload.find((p) => p.fileName === `maindoc/UBL-QualificationApplication${kind}-2.3.xsd`);
  if (!main) throw new Error('schema missing');
  return validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [main],
    preload: preload.filter((p) => p !== main),
  });
}

const officialResponse = fs.readFileSync(path.join(espdDir, 'BASIC-ESPDResponse-2.1.1.xml'), 'utf8');

async function importFile(browser: TestBrowser, reference: string, content: string) {
  await browser.get(`/consultations/${reference}/dume`);
  const boundary = `----halle${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${browser.csrf()}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dume.xml"\r\nContent-Type: application/xml\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/consultations/${reference}/dume/import`,
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

describe('ESPD (DUME)', () => {
  it('the official v2.1.1 response example is valid against the official schema and is read back', async () => {
    expect((await validate(officialResponse, 'Response')).valid).toBe(true);
    // the check can fail: an element the schema does not know makes the document invalid
    const broken = officialResponse.replace('<cbc:CopyIndicator', '<cbc:Bogus>x</cbc:Bogus><cbc:CopyIndicator');
    expect((await validate(broken, 'Response')).valid).toBe(false);
    const read = readEspdResponse(officialResponse);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const exclusions = espdCriteria().filter((c) => c.kind === 'exclusion');
    expect(exclusions.length).toBeGreaterThan(20);
    // the example answers every exclusion ground of the official request
    for (const c of exclusions) expect(typeof read.answers[c.questionId]).toBe('boolean');
  });

  it('gives the buyer the ESPD request of its tender, valid against the official schema', async () => {
    const tender = await createTender(rt, {
      buyerId: buyer.id,
      status: 'published',
      title: 'Travaux <urgents> & "divers"',
    });
    const theBuyer = await signedInAs(rt, app, 'buyer_agent', buyer);
    const res = await theBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/dume-demande.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const result = await validate(res.body, 'Request');
    expect(result.errors).toEqual([]);
    expect(res.body).toContain('Travaux &lt;urgents&gt; &amp; &quot;divers&quot;');
    expect(res.body).toContain('CRITERION.SELECTION.ALL');
    const notice = await theBuyer.browser.get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('dume-demande.xml');
    const otherBuyer = await signedInAs(rt, app, 'buyer_admin');
    expect(
      (await otherBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/dume-demande.xml`)).statusCode,
    ).toBe(404);
  });

  it('a company fills in its ESPD from its profile and exports valid ESPD 2.1.1 XML and a PDF', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const company = await signedInAs(rt, app, 'company_member');
    const base = `/consultations/${tender.reference}/dume`;
    const page = await company.browser.get(base);
    expect(page.statusCode).toBe(200);
    // the exclusion grounds read in French on a French page, not in the English of the official file
    expect(page.body).toContain('Participation à une organisation criminelle');
    expect(page.body).not.toContain('Participation in a criminal organisation');
    const criteria = espdCriteria();
    const bankruptcy = criteria.find((c) => c.typeCode.includes('BANKRUPTCY'));
    const selection = criteria.find((c) => c.kind === 'selection');
    if (!bankruptcy || !selection) throw new Error('criteria missing');
    // says yes to one exclusion ground, and does not tick the selection indicator
    const saved = await company.browser.post(base, { yes: [bankruptcy.questionId] });
    expect(saved.statusCode).toBe(303);

    const xml = await company.browser.get(`${base}.xml`);
    expect(xml.statusCode).toBe(200);
    const result = await validate(xml.body, 'Response');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const org = await rt.db
      .selectFrom('organisations')
      .select('siret')
      .where('id', '=', company.orgId)
      .executeTakeFirstOrThrow();
    expect(xml.body).toContain(`schemeID="SIRET" schemeAgencyID="FR-INSEE">${org.siret}<`);
    const back = readEspdResponse(xml.body);
    expect(back.ok && back.answers[bankruptcy.questionId]).toBe(true);
    expect(back.ok && back.answers[selection.questionId]).toBe(false);
    expect(back.ok && back.siret).toBe(org.siret);

    const pdf = await company.browser.get(`${base}.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('imports an ESPD response; malformed XML, another document or another version is refused clearly', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const company = await signedInAs(rt, app, 'company_admin');
    const rows = () =>
      rt.db
        .selectFrom('dume_responses')
        .select('answers')
        .where('tender_id', '=', tender.id)
        .where('company_id', '=', company.orgId)
        .execute();

    const malformed = await importFile(company.browser, tender.reference, officialResponse.slice(0, 5000));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('pas un document XML valide');
    const v4 = await importFile(
      company.browser,
      tender.reference,
      '<QualificationApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:UBLVersionID>2.3</cbc:UBLVersionID><cbc:VersionID>4.1.0</cbc:VersionID></QualificationApplicationResponse>',
    );
    expect(v4.statusCode).toBe(400);
    expect(v4.body).toContain('seule la version 2.1.1 est acceptée');
    const request = await importFile(
      company.browser,
      tender.reference,
      fs.readFileSync(path.join(espdDir, 'BASIC-ESPDRequest-2.1.1.xml'), 'utf8'),
    );
    expect(request.statusCode).toBe(400);
    expect(request.body).toContain('n’est pas une réponse ESPD');
    expect(await rows()).toEqual([]);

    const ok = await importFile(company.browser, tender.reference, officialResponse);
    expect(ok.statusCode).toBe(303);
    const [row] = await rows();
    const official = readEspdResponse(officialResponse);
    const exclusion = espdCriteria().find((c) => c.kind === 'exclusion');
    if (!official.ok || !exclusion) throw new Error('unreadable');
    expect(row?.answers[exclusion.questionId]).toBe(official.answers[exclusion.questionId]);
  });

  it('drafts have no ESPD; buyers and visitors do not fill one in', async () => {
    const draft = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    const company = await signedInAs(rt, app, 'company_member');
    expect((await company.browser.get(`/consultations/${draft.reference}/dume`)).statusCode).toBe(404);
    expect((await company.browser.get(`/consultations/${draft.reference}/dume.xml`)).statusCode).toBe(404);
    const published = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const theBuyer = await signedInAs(rt, app, 'buyer_admin', buyer);
    expect((await theBuyer.browser.get(`/consultations/${published.reference}/dume`)).statusCode).toBe(403);
  });
});
