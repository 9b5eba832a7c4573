import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { giveKeyedCommittee, postFile } from '../../../test/support/submissions.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { addDocument, signedInAs } from '../tenders/publication/testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
const fr = translatorFor('fr');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bobigny' });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function publishedTender() {
  const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft', lots: 1 });
  await addDocument(rt, tender.id);
  await giveKeyedCommittee(rt, tender, buyer.id);
  const agent = await signedInAs(rt, app, 'buyer_agent', buyer);
  expect((await agent.browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {})).statusCode).toBe(303);
  return tender;
}

describe('a vault document joins a submission in one click', () => {
  it('attaches the stored file, encrypted like an upload, and warns when it will have expired', async () => {
    const tender = await publishedTender();
    const { browser, orgId } = await signedInAs(rt, app, 'company_member');
    const kbis = randomBytes(3000);
    const stored = await postFile(
      browser,
      '/mon-espace/coffre-fort',
      { type: 'kbis', title: 'Extrait Kbis', valid_until: isoDay(200) },
      { name: 'kbis.pdf', content: kbis },
      { from: '/mon-espace/coffre-fort' },
    );
    expect(stored.statusCode).toBe(303);
    const urssaf = await postFile(
      browser,
      '/mon-espace/coffre-fort',
      { type: 'urssaf', title: 'Attestation URSSAF', valid_until: isoDay(-3) },
      { name: 'urssaf.pdf', content: randomBytes(1000) },
      { from: '/mon-espace/coffre-fort' },
    );
    expect(urssaf.statusCode).toBe(303);
    const documents = await rt.db
      .selectFrom('vault_documents')
      .select(['id', 'title'])
      .where('organisation_id', '=', orgId)
      .execute();
    const kbisId = documents.find((d) => d.title === 'Extrait Kbis')?.id as string;
    const urssafId = documents.find((d) => d.title === 'Attestation URSSAF')?.id as string;

    const page = await browser.get(`/consultations/${tender.reference}/depot`);
    expect(page.body).toContain(fr('submissions.vault.title'));
    expect(page.body).toContain(`value="${kbisId}"`);
    expect(page.body).toContain(fr('submissions.vault.expired'));

    const attached = await browser.post(`/consultations/${tender.reference}/depot/coffre`, { document: kbisId });
    expect(attached.statusCode).toBe(303);
    const files = await rt.db
      .selectFrom('submission_files')
      .innerJoin('submissions', 'submissions.id', 'submission_files.submission_id')
      .select(['submission_files.file_name', 'submission_files.sha256', 'submission_files.cipher_sha256'])
      .where('submissions.company_id', '=', orgId)
      .execute();
    expect(files).toHaveLength(1);
    expect(files[0]?.file_name).toBe('kbis.pdf');
    // the plaintext hash is the vault file's; what is stored is ciphertext
    expect(files[0]?.sha256).toBe(createHash('sha256').update(kbis).digest('hex'));
    expect(files[0]?.cipher_sha256).not.toBe(files[0]?.sha256);

    const expired = await browser.post(`/consultations/${tender.reference}/depot/coffre`, { document: urssafId });
    expect(expired.headers.location).toContain('perime=1');
    const after = await browser.get(expired.headers.location as string);
    expect(after.body).toContain(fr('submissions.vault.expired_attached').replaceAll('’', '&#39;').slice(0, 20));
  });

  it('refuses another company’s document and a forged id, attaching nothing', async () => {
    const tender = await publishedTender();
    const owner = await signedInAs(rt, app, 'company_member');
    await postFile(
      owner.browser,
      '/mon-espace/coffre-fort',
      { type: 'kbis', title: 'Kbis du voisin', valid_until: isoDay(100) },
      { name: 'kbis-voisin.pdf', content: randomBytes(500) },
      { from: '/mon-espace/coffre-fort' },
    );
    const [document] = await rt.db
      .selectFrom('vault_documents')
      .select('id')
      .where('organisation_id', '=', owner.orgId)
      .execute();
    const other = await signedInAs(rt, app, 'company_member');
    await other.browser.get(`/consultations/${tender.reference}/depot`);
    const stolen = await other.browser.post(`/consultations/${tender.reference}/depot/coffre`, {
      document: document?.id as string,
    });
    expect(stolen.statusCode).toBe(404);
    const forged = await other.browser.post(`/consultations/${tender.reference}/depot/coffre`, {
      document: "' OR 1=1 --",
    });
    expect(forged.statusCode).toBe(404);
    const count = await rt.db
      .selectFrom('submission_files')
      .innerJoin('submissions', 'submissions.id', 'submission_files.submission_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submissions.company_id', '=', other.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
