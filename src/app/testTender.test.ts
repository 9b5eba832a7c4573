import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../test/support/browser.js';
import { createTestRuntime } from '../../test/support/runtime.js';
import { postFile } from '../../test/support/submissions.js';
import type { SignedReceipt } from '../modules/submissions/domain/receipt.js';
import { verifyReceipt } from '../modules/submissions/index.js';
import { signedInAs } from '../modules/tenders/publication/testFixtures.js';
import type { Runtime } from '../platform/runtime.js';
import { buildServer } from './server.js';
import { ensureTestTender, testBuyer, testTenderDeadline, testTenderTitle } from './testTender.js';

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

async function counts() {
  const count = async (table: 'tenders' | 'organisations' | 'users' | 'committee_holders' | 'outbox_mails') =>
    Number(
      (
        await rt.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    tenders: await count('tenders'),
    organisations: await count('organisations'),
    users: await count('users'),
    holders: await count('committee_holders'),
    mails: await count('outbox_mails'),
  };
}

describe('the permanent test tender', () => {
  let reference: string;

  it('is made once: published, owned by the test buyer, open until 2099, with a keyed committee of system holders', async () => {
    const before = await counts();
    const first = await ensureTestTender(rt);
    expect(first.created).toBe(true);
    const tender = await rt.db
      .selectFrom('tenders')
      .innerJoin('organisations', 'organisations.id', 'tenders.buyer_id')
      .select(['tenders.reference', 'tenders.status', 'tenders.title', 'tenders.submission_deadline'])
      .select(['organisations.name as buyer', 'organisations.id as buyerId'])
      .where('tenders.id', '=', first.tenderId)
      .executeTakeFirstOrThrow();
    reference = tender.reference;
    expect(tender).toMatchObject({ status: 'published', title: testTenderTitle, buyer: testBuyer.name });
    expect(tender.submission_deadline?.toISOString()).toBe(testTenderDeadline.toISOString());
    const committee = await rt.db
      .selectFrom('opening_committees')
      .selectAll()
      .where('tender_id', '=', first.tenderId)
      .executeTakeFirstOrThrow();
    expect(committee.keyed_at).not.toBeNull();
    expect(committee.public_key).toBeTruthy();
    const holders = await rt.db
      .selectFrom('committee_holders')
      .innerJoin('users', 'users.id', 'committee_holders.user_id')
      .select(['users.password_hash', 'users.email', 'committee_holders.share_ct'])
      .where('committee_holders.tender_id', '=', first.tenderId)
      .execute();
    expect(holders).toHaveLength(3);
    for (const h of holders) {
      // nobody can sign in as a system holder, and their mailbox does not exist
      expect(h.password_hash).toBeNull();
      expect(h.email.endsWith('.invalid')).toBe(true);
      expect(h.share_ct).toBeTruthy();
    }
    const after = await counts();
    expect(after.tenders - before.tenders).toBe(1);
    expect(after.organisations - before.organisations).toBe(1);
    // no mail to the system holders
    expect(after.mails).toBe(before.mails);

    // a second start changes nothing
    const second = await ensureTestTender(rt);
    expect(second).toEqual({ created: false, tenderId: first.tenderId });
    expect(await counts()).toEqual(after);
  });

  it('is linked from the workstation page; a company submits to it through the pages and gets a signed receipt', async () => {
    const company = await signedInAs(rt, app, 'company_member');
    const browser: TestBrowser = company.browser;
    const workstation = await browser.get('/depot-test');
    expect(workstation.statusCode).toBe(200);
    expect(workstation.body).toContain(`href="/consultations/${reference}/depot"`);
    expect(workstation.body).toContain('Faire un dépôt d’essai');

    const deposit = await browser.get(`/consultations/${reference}/depot`);
    expect(deposit.statusCode).toBe(200);
    expect(deposit.body).toContain('Ceci est une consultation de test');
    expect(deposit.body).toContain('personne, pas même l’équipe de la plateforme, ne pourra jamais l’ouvrir');

    const from = { from: `/consultations/${reference}/depot` };
    expect((await browser.post(`/consultations/${reference}/depot/details`, { lots: '1' }, from)).statusCode).toBe(303);
    for (const [kind, name] of [
      ['candidature', 'DUME.pdf'],
      ['offer:1', 'Offre.pdf'],
    ] as const) {
      const res = await postFile(
        browser,
        `/consultations/${reference}/depot/fichiers`,
        { kind },
        { name, content: Buffer.from(`essai ${kind}`) },
        from,
      );
      expect(res.statusCode).toBe(303);
    }
    const sealed = await browser.post(`/consultations/${reference}/depot/sceller`, {}, from);
    expect(sealed.statusCode).toBe(303);
    const id = /\/mon-espace\/depots\/([0-9a-f-]{36})/.exec(String(sealed.headers.location))?.[1];
    const json = await browser.get(`/mon-espace/depots/${id}/accuse.json`);
    expect(json.statusCode).toBe(200);
    const receipt = JSON.parse(json.body) as SignedReceipt;
    const pem = (await app.inject({ method: 'GET', url: '/.well-known/halle-signing-key' })).body;
    expect(verifyReceipt(receipt, pem)).toEqual({ valid: true });
    // the signed receipt names the tender by its title, which says it is a test
    expect(receipt.body.tender).toEqual({ reference, title: testTenderTitle });
    const receiptPage = await browser.get(`/mon-espace/depots/${id}`);
    expect(receiptPage.statusCode).toBe(200);
    expect(receiptPage.body).toContain('Consultation de test permanente');
  });
});
