import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import {
  agentPrincipal,
  giveKeyedCommittee,
  type KeyedCommittee,
  postFile,
} from '../../../test/support/submissions.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { verifyReceiptCommand, verifyRegisterCommand } from '../../cli/verifySubmissions.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDocument, signedInAs } from '../tenders/publication/testFixtures.js';
import { addSubmissionFile } from './addSubmissionFile.js';
import { unwrapWith } from './domain/openingKey.js';
import type { SignedReceipt } from './domain/receipt.js';
import { verifyReceipt } from './domain/receipt.js';
import { combineShares, openWithPassphrase, type PassphraseSealed } from './domain/shares.js';
import { holderKeyContext, shareInfo } from './platformKeys.js';
import { checkRegister } from './registerEntries.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
const marker = 'MARQUEUR-CONFIDENTIEL-OFFRE-7f3a9c';

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function publishedTender(options: { lots?: number; maxFileBytes?: number } = {}) {
  const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft', lots: options.lots ?? 2 });
  await addDocument(rt, tender.id);
  const committee = await giveKeyedCommittee(rt, tender, buyer.id);
  if (options.maxFileBytes) {
    await rt.db
      .updateTable('tenders')
      .set({ max_file_size_bytes: options.maxFileBytes })
      .where('id', '=', tender.id)
      .execute();
  }
  const agent = await signedInAs(rt, app, 'buyer_agent', buyer);
  const res = await agent.browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
  expect(res.statusCode).toBe(303);
  return { ...tender, committee, agent };
}

async function companyUser() {
  return signedInAs(rt, app, 'company_member');
}

async function upload(browser: TestBrowser, reference: string, kind: string, name: string, content: Buffer) {
  return postFile(
    browser,
    `/consultations/${reference}/depot/fichiers`,
    { kind },
    { name, content },
    { from: `/consultations/${reference}/depot` },
  );
}

/** Chooses lot 1, uploads a candidature and an offer, seals; returns the receipt. */
async function submit(browser: TestBrowser, reference: string, offer: Buffer): Promise<SignedReceipt> {
  expect(
    (
      await browser.post(
        `/consultations/${reference}/depot/details`,
        { lots: '1' },
        { from: `/consultations/${reference}/depot` },
      )
    ).statusCode,
  ).toBe(303);
  expect((await upload(browser, reference, 'candidature', 'DUME.pdf', Buffer.from('candidature'))).statusCode).toBe(
    303,
  );
  expect((await upload(browser, reference, 'offer:1', 'Offre lot 1.pdf', offer)).statusCode).toBe(303);
  const sealed = await browser.post(
    `/consultations/${reference}/depot/sceller`,
    {},
    { from: `/consultations/${reference}/depot` },
  );
  expect(sealed.statusCode).toBe(303);
  const id = /\/mon-espace\/depots\/([0-9a-f-]{36})/.exec(String(sealed.headers.location))?.[1];
  const json = await browser.get(`/mon-espace/depots/${id}/accuse.json`);
  expect(json.statusCode).toBe(200);
  return JSON.parse(json.body) as SignedReceipt;
}

async function publicKey(): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/.well-known/halle-signing-key' });
  expect(res.statusCode).toBe(200);
  return res.body;
}

async function pastDeadline(tenderId: string, msAgo = 1000) {
  await rt.db
    .updateTable('tenders')
    .set({ submission_deadline: new Date(Date.now() - msAgo) })
    .where('id', '=', tenderId)
    .execute();
}

async function holderBrowser(h: KeyedCommittee['holders'][number]) {
  const b = new TestBrowser(app);
  await b.signIn(h.email, h.password);
  return b;
}

/** Every row of every table as text, and every file of the blob store: what an operator could dump. */
async function dumpEverything(): Promise<Buffer> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(
    rt.db,
  );
  const parts: Buffer[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql.raw(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t`).execute(rt.db);
    for (const r of rows.rows as { j: string }[]) parts.push(Buffer.from(r.j));
  }
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else parts.push(fs.readFileSync(p));
    }
  };
  walk(rt.config.dataDir);
  return Buffer.concat(parts);
}

describe('opening committee and publication', () => {
  it('refuses publication without a committee, and until every holder has set a passphrase', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    await addDocument(rt, tender.id);
    const { browser } = await signedInAs(rt, app, 'buyer_agent', buyer);
    const refused = await browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Nommez la commission d’ouverture des plis');

    const members = await Promise.all(
      [1, 2, 3].map(() => createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] })),
    );
    const page = await browser.get(`/mon-espace/consultations/${tender.reference}/commission`);
    expect(page.statusCode).toBe(200);
    const named = await browser.post(`/mon-espace/consultations/${tender.reference}/commission`, {
      holders: [members[0]?.id as string, members[1]?.id as string],
      threshold: '2',
      backup: members[2]?.id as string,
    });
    expect(named.statusCode).toBe(303);
    const mails = await rt.db
      .selectFrom('outbox_mails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'submissions.holder_named')
      .execute();
    expect(mails.filter((m) => members.some((u) => u.email === m.to_address))).toHaveLength(3);
    expect((await browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {})).body).toContain(
      'n’ont pas encore choisi leur phrase de passe',
    );

    // each holder sets a passphrase on their own page; nobody else can open it
    const holders = await rt.db
      .selectFrom('committee_holders')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .orderBy('position')
      .execute();
    const intruder = new TestBrowser(app);
    await intruder.signIn((members[1] as { email: string }).email, (members[1] as { password: string }).password);
    expect((await intruder.get(`/mon-espace/cles/${holders[0]?.id}`)).statusCode).toBe(404);
    for (const [i, m] of members.entries()) {
      const b = new TestBrowser(app);
      await b.signIn(m.email, m.password);
      const res = await b.post(`/mon-espace/cles/${holders[i]?.id}`, {
        passphrase: `une longue phrase ${i}`,
        confirmation: `une longue phrase ${i}`,
      });
      expect(res.statusCode).toBe(303);
    }
    const committee = await rt.db
      .selectFrom('opening_committees')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(committee.public_key).not.toBeNull();
    expect(committee.keyed_at).not.toBeNull();
    expect((await browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {})).statusCode).toBe(303);
    // after publication the committee is frozen
    const again = await browser.post(`/mon-espace/consultations/${tender.reference}/commission`, {
      holders: [members[0]?.id as string, members[2]?.id as string],
      threshold: '2',
      backup: members[1]?.id as string,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a bad committee and hides it from another buyer', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    const { browser } = await signedInAs(rt, app, 'buyer_agent', buyer);
    const outsider = await createUser(rt, {
      memberships: [{ organisationId: (await createOrganisation(rt, { kind: 'buyer' })).id, role: 'buyer_agent' }],
    });
    const member = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
    const bad = await browser.post(`/mon-espace/consultations/${tender.reference}/commission`, {
      holders: [member.id, outsider.id],
      threshold: '2',
      backup: member.id,
    });
    expect(bad.statusCode).toBe(400);
    const notMembers = await browser.post(`/mon-espace/consultations/${tender.reference}/commission`, {
      holders: [member.id, outsider.id],
      threshold: '2',
      backup: (await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] })).id,
    });
    expect(notMembers.statusCode).toBe(400);
    expect(
      await rt.db.selectFrom('opening_committees').selectAll().where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);
    const other = await signedInAs(rt, app, 'buyer_agent');
    expect((await other.browser.get(`/mon-espace/consultations/${tender.reference}/commission`)).statusCode).toBe(404);
  });
});

describe('sealed submissions, receipts, register and opening', () => {
  it('seals, signs, registers and opens: the whole story with its guarantees', async () => {
    const tender = await publishedTender();
    const a = await companyUser();
    const b = await companyUser();
    const offerA1 = Buffer.concat([Buffer.from(`${marker} première offre `), randomBytes(200_000)]);
    const offerA2 = Buffer.concat([Buffer.from(`${marker} seconde offre `), randomBytes(150_000)]);
    const offerB = Buffer.concat([Buffer.from(`${marker} offre B `), randomBytes(70_000)]);
    const pem = await publicKey();

    const receiptA1 = await submit(a.browser, tender.reference, offerA1);
    expect(verifyReceipt(receiptA1, pem)).toEqual({ valid: true });
    expect(receiptA1.body.late).toBe(false);
    expect(receiptA1.body.register.position).toBe(1);
    expect(receiptA1.body.files.map((f) => f.name)).toEqual(['DUME.pdf', 'Offre lot 1.pdf']);
    const receiptA2 = await submit(a.browser, tender.reference, offerA2);
    const receiptB = await submit(b.browser, tender.reference, offerB);
    expect(receiptB.body.register.position).toBe(3);

    // the receipt at once, on screen, by mail, as PDF
    const page = await a.browser.get(`/mon-espace/depots/${receiptA2.body.submissionId}`);
    expect(page.body).toContain(receiptA2.body.register.entryHash);
    const pdf = await a.browser.get(`/mon-espace/depots/${receiptA2.body.submissionId}/accuse.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mail = await rt.db
      .selectFrom('outbox_mails')
      .select('text_body')
      .where('to_address', '=', a.user.email)
      .where('template', '=', 'submissions.receipt')
      .execute();
    expect(mail).toHaveLength(2);
    // another company or another buyer sees nothing
    expect((await b.browser.get(`/mon-espace/depots/${receiptA1.body.submissionId}`)).statusCode).toBe(404);
    expect((await b.browser.get(`/mon-espace/depots/${receiptA1.body.submissionId}/accuse.json`)).statusCode).toBe(404);
    const otherBuyer = await signedInAs(rt, app, 'buyer_agent');
    expect((await otherBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/depots`)).statusCode).toBe(404);
    expect((await otherBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/depots.csv`)).statusCode).toBe(
      404,
    );

    // the register: who, when, counts, never content
    const register = await tender.agent.browser.get(`/mon-espace/consultations/${tender.reference}/depots`);
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain(receiptB.body.register.entryHash);
    expect(register.body).not.toContain('Offre lot 1.pdf');
    const csv = await tender.agent.browser.get(`/mon-espace/consultations/${tender.reference}/depots.csv`);
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(4);

    // before opening, a dump of the database and the blob store holds no plaintext and no usable key
    const dump = await dumpEverything();
    expect(dump.includes(Buffer.from(marker))).toBe(false);

    // late: one second after the deadline
    await pastDeadline(tender.id, 1000);
    const receiptLate = await submit(b.browser, tender.reference, Buffer.from(`${marker} tardive`)).catch(() => null);
    // the draft could still be prepared because the tender is still "published" (the closing job has not run)
    expect(receiptLate?.body.late).toBe(true);
    expect(verifyReceipt(receiptLate, pem)).toEqual({ valid: true });

    // opening: refused with a wrong passphrase, and with fewer than k shares
    const [h1, h2] = tender.committee.holders as [KeyedCommittee['holders'][number], KeyedCommittee['holders'][number]];
    const b1 = await holderBrowser(h1);
    const wrong = await b1.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, {
      passphrase: 'pas la bonne phrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Phrase de passe incorrecte');
    expect(
      (await b1.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, { passphrase: h1.passphrase }))
        .statusCode,
    ).toBe(200);
    const tooFew = await b1.post(`/mon-espace/consultations/${tender.reference}/ouverture/ouvrir`, {});
    expect(tooFew.statusCode).toBe(409);
    expect(await rt.db.selectFrom('opening_reports').selectAll().execute()).toHaveLength(0);
    // the shares in the session are sealed: the dump still has no usable key
    const b2 = await holderBrowser(h2);
    expect(
      (await b2.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, { passphrase: h2.passphrase }))
        .statusCode,
    ).toBe(200);

    // what the opening key is, rebuilt here from two holders' passphrases, to search the dump for it
    const holderRows = await rt.db
      .selectFrom('committee_holders')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .orderBy('position')
      .execute();
    const shares = [];
    for (const [i, h] of [h1, h2].entries()) {
      const row = holderRows[i] as (typeof holderRows)[number];
      const own = await openWithPassphrase(
        row.sealed_holder_key as PassphraseSealed,
        h.passphrase,
        holderKeyContext(tender.id, row.id),
      );
      shares.push(
        await unwrapWith(
          own,
          { enc: Buffer.from(row.share_enc as string, 'base64'), ct: Buffer.from(row.share_ct as string, 'base64') },
          shareInfo(tender.id, row.id),
        ),
      );
    }
    const privateKey = await combineShares(shares);
    const dumpWithSession = Buffer.concat([dump, await dumpEverything()]);
    for (const form of [
      privateKey,
      Buffer.from(privateKey.toString('base64')),
      Buffer.from(privateKey.toString('hex')),
    ]) {
      expect(dumpWithSession.includes(form)).toBe(false);
    }

    const opened = await b2.post(`/mon-espace/consultations/${tender.reference}/ouverture/ouvrir`, {});
    expect(opened.statusCode).toBe(303);
    const report = await b2.get(`/mon-espace/consultations/${tender.reference}/proces-verbal`);
    expect(report.statusCode).toBe(200);
    const stored = await rt.db.selectFrom('opening_reports').select('report').executeTakeFirstOrThrow();
    const r = stored.report as {
      submissions: { submissionId: string; standing: string; files: { id: string; intact: boolean | null }[] }[];
    };
    const standingOf = (id: string) => r.submissions.find((s) => s.submissionId === id)?.standing;
    expect(standingOf(receiptA1.body.submissionId)).toBe('superseded');
    expect(standingOf(receiptA2.body.submissionId)).toBe('counts');
    expect(standingOf(receiptB.body.submissionId)).toBe('counts');
    expect(standingOf(receiptLate?.body.submissionId as string)).toBe('late');
    expect(
      r.submissions
        .filter((s) => s.standing === 'counts')
        .flatMap((s) => s.files)
        .every((f) => f.intact === true),
    ).toBe(true);
    // the session's shares are wiped
    expect(await rt.db.selectFrom('opening_session_shares').selectAll().execute()).toHaveLength(0);
    expect(
      (await rt.db.selectFrom('tenders').select('status').where('id', '=', tender.id).executeTakeFirstOrThrow()).status,
    ).toBe('opened');

    // the tender's agents download the opened offers, decrypted; superseded and late ones stay sealed
    const filesA2 = r.submissions.find((s) => s.submissionId === receiptA2.body.submissionId)?.files ?? [];
    const offerFile = await rt.db
      .selectFrom('submission_files')
      .select(['id'])
      .where('submission_id', '=', receiptA2.body.submissionId)
      .where('kind', '=', 'offer')
      .executeTakeFirstOrThrow();
    expect(filesA2.some((f) => f.id === offerFile.id)).toBe(true);
    const download = await tender.agent.browser.get(
      `/mon-espace/consultations/${tender.reference}/plis/${offerFile.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(offerA2)).toBe(true);
    const superseded = await rt.db
      .selectFrom('submission_files')
      .select('id')
      .where('submission_id', '=', receiptA1.body.submissionId)
      .execute();
    for (const f of superseded) {
      expect(
        (await tender.agent.browser.get(`/mon-espace/consultations/${tender.reference}/plis/${f.id}`)).statusCode,
      ).toBe(404);
    }
    expect(
      (await otherBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/plis/${offerFile.id}`)).statusCode,
    ).toBe(404);
    expect((await a.browser.get(`/mon-espace/consultations/${tender.reference}/plis/${offerFile.id}`)).statusCode).toBe(
      404,
    );
    const pv = await tender.agent.browser.get(`/mon-espace/consultations/${tender.reference}/proces-verbal.pdf`);
    expect(pv.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // everything audited
    const actions = (await rt.db.selectFrom('audit_events').select('action').execute()).map((e) => e.action);
    for (const action of [
      'submissions.sealed',
      'submissions.sealed_late',
      'submissions.opening.wrong_passphrase',
      'submissions.opening.share_given',
      'submissions.opened',
      'submissions.file.downloaded',
    ]) {
      expect(actions).toContain(action);
    }

    // opening twice is refused: the opening page now leads to the report, and no share is taken
    const twice = await b1.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, {
      passphrase: h1.passphrase,
    });
    expect(twice.headers.location).toBe(`/mon-espace/consultations/${tender.reference}/proces-verbal`);
    expect(await rt.db.selectFrom('opening_session_shares').selectAll().execute()).toHaveLength(0);
  });

  it('refuses opening before the deadline', async () => {
    const tender = await publishedTender();
    const h1 = await holderBrowser(tender.committee.holders[0] as KeyedCommittee['holders'][number]);
    const res = await h1.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, {
      passphrase: tender.committee.holders[0]?.passphrase as string,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('qu’après la date limite');
    expect((await h1.post(`/mon-espace/consultations/${tender.reference}/ouverture/ouvrir`, {})).statusCode).toBe(409);
  });

  it('detects a tampered ciphertext chunk at opening, and a tampered register entry', async () => {
    const tender = await publishedTender();
    const a = await companyUser();
    const receipt = await submit(a.browser, tender.reference, randomBytes(300_000));
    expect((await checkRegister(rt.db, tender.id)).valid).toBe(true);

    const file = await rt.db
      .selectFrom('submission_files')
      .innerJoin('blobs', 'blobs.id', 'submission_files.blob_id')
      .select(['submission_files.id', 'blobs.storage_key'])
      .where('submission_id', '=', receipt.body.submissionId)
      .where('kind', '=', 'offer')
      .executeTakeFirstOrThrow();
    const blobPath = path.join(rt.config.blobsDir, file.storage_key.slice(0, 2), file.storage_key);
    const bytes = fs.readFileSync(blobPath);
    bytes[70_000] = (bytes[70_000] as number) ^ 0xff;
    fs.writeFileSync(blobPath, bytes);

    await pastDeadline(tender.id);
    for (const h of tender.committee.holders.slice(0, 2)) {
      const hb = await holderBrowser(h);
      expect(
        (await hb.post(`/mon-espace/consultations/${tender.reference}/ouverture/part`, { passphrase: h.passphrase }))
          .statusCode,
      ).toBe(200);
    }
    expect(
      (await tender.agent.browser.post(`/mon-espace/consultations/${tender.reference}/ouverture/ouvrir`, {}))
        .statusCode,
    ).toBe(303);
    const stored = await rt.db
      .selectFrom('opening_reports')
      .select('report')
      .where('tender_id', '=', tender.id)
      .executeTakeFirstOrThrow();
    const files =
      (stored.report as { submissions: { files: { id: string; intact: boolean }[] }[] }).submissions[0]?.files ?? [];
    expect(files.find((f) => f.id === file.id)?.intact).toBe(false);
    expect(files.filter((f) => f.id !== file.id).every((f) => f.intact)).toBe(true);

    await sql`UPDATE deposit_register SET content = jsonb_set(content, '{late}', 'true') WHERE tender_id = ${tender.id}`.execute(
      rt.db,
    );
    expect(await checkRegister(rt.db, tender.id)).toMatchObject({ valid: false, position: 1 });
  });
});

describe('bad input on deposit', () => {
  it('refuses files over the maximum, unknown lots, drafts and other tenants, leaving nothing behind', async () => {
    const tender = await publishedTender({ maxFileBytes: 100_000 });
    const a = await companyUser();
    const blobsBefore = (await rt.db.selectFrom('blobs').select('id').execute()).length;
    const page = await a.browser.get(`/consultations/${tender.reference}/depot`);
    expect(page.body).toContain('Taille maximale par fichier : 100 ko');
    const tooBig = await upload(a.browser, tender.reference, 'candidature', 'gros.pdf', randomBytes(100_001));
    expect(tooBig.statusCode).toBe(413);
    expect(await upload(a.browser, tender.reference, 'offer:9', 'offre.pdf', Buffer.from('x'))).toMatchObject({
      statusCode: 400,
    });
    expect((await rt.db.selectFrom('blobs').select('id').execute()).length).toBe(blobsBefore);
    const filesOfTender = () =>
      rt.db
        .selectFrom('submission_files')
        .innerJoin('submissions', 'submissions.id', 'submission_files.submission_id')
        .select('submission_files.id')
        .where('submissions.tender_id', '=', tender.id)
        .execute();
    expect(await filesOfTender()).toHaveLength(0);

    // sealing an incomplete submission is refused
    expect((await upload(a.browser, tender.reference, 'candidature', 'DUME.pdf', Buffer.from('dume'))).statusCode).toBe(
      303,
    );
    const incomplete = await a.browser.post(
      `/consultations/${tender.reference}/depot/sceller`,
      {},
      { from: `/consultations/${tender.reference}/depot` },
    );
    expect(incomplete.statusCode).toBe(400);
    expect(
      await rt.db
        .selectFrom('submissions')
        .selectAll()
        .where('status', '=', 'sealed')
        .where('tender_id', '=', tender.id)
        .execute(),
    ).toHaveLength(0);

    // a draft tender does not exist for companies; a buyer cannot submit
    const draft = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    expect((await a.browser.get(`/consultations/${draft.reference}/depot`)).statusCode).toBe(404);
    expect((await upload(a.browser, draft.reference, 'candidature', 'x.pdf', Buffer.from('x'))).statusCode).toBe(404);
    expect((await tender.agent.browser.get(`/consultations/${tender.reference}/depot`)).statusCode).toBe(403);
    // CSRF is checked on multipart uploads too
    const forged = await postFile(
      a.browser,
      `/consultations/${tender.reference}/depot/fichiers`,
      { _csrf: 'faux' },
      { name: 'x.pdf', content: Buffer.from('x') },
      { from: `/consultations/${tender.reference}/depot` },
    );
    expect(forged.statusCode).toBe(403);
  });

  it('refuses a file past the 200th of a submission (10,000 tiny files are not accepted)', async () => {
    const tender = await publishedTender();
    const a = await companyUser();
    expect((await upload(a.browser, tender.reference, 'candidature', 'pièce-1.pdf', Buffer.from('1'))).statusCode).toBe(
      303,
    );
    const draft = await rt.db
      .selectFrom('submissions')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const model = await rt.db
      .selectFrom('submission_files')
      .selectAll()
      .where('submission_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    // 199 more rows straight in the database (the same ciphertext blob: only the count matters here)
    await rt.db
      .insertInto('submission_files')
      .values(
        Array.from({ length: 199 }, (_, i) => ({
          ...model,
          id: crypto.randomUUID(),
          file_name: `pièce-${i + 2}.pdf`,
          created_at: new Date(),
        })),
      )
      .execute();
    const refused = await upload(a.browser, tender.reference, 'candidature', 'pièce-201.pdf', Buffer.from('201'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Un pli compte au plus 200 fichiers');
    expect(
      await rt.db.selectFrom('submission_files').selectAll().where('submission_id', '=', draft.id).execute(),
    ).toHaveLength(200);
  });

  it('an upload broken mid-way leaves no file, no blob and nothing sealed; the company can start again', async () => {
    const tender = await publishedTender();
    const company = await createOrganisation(rt, { kind: 'company' });
    const user = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
    const principal = { ...agentPrincipal(user, company.id) };
    principal.memberships = [
      { organisationId: company.id, organisationName: 'Société', organisationKind: 'company', role: 'company_member' },
    ];
    const blobsBefore = fs.existsSync(rt.config.blobsDir) ? countFiles(rt.config.blobsDir) : 0;
    let sent = 0;
    const broken = new Readable({
      read() {
        this.push(randomBytes(256 * 1024));
        if (++sent === 4) this.destroy(new Error('connection reset'));
      },
    });
    await expect(
      addSubmissionFile(rt, principal, {
        reference: tender.reference,
        kind: 'offer',
        lotNumber: 1,
        fileName: 'offre.pdf',
        content: broken,
      }),
    ).rejects.toThrow();
    expect(countFiles(rt.config.blobsDir)).toBe(blobsBefore);
    expect(
      await rt.db.selectFrom('submission_files').selectAll().where('file_name', '=', 'offre.pdf').execute(),
    ).toHaveLength(0);
    const again = await addSubmissionFile(rt, principal, {
      reference: tender.reference,
      kind: 'offer',
      lotNumber: 1,
      fileName: 'offre.pdf',
      content: Readable.from([Buffer.from('offre complète')]),
    });
    expect(again.sizeBytes).toBe(Buffer.byteLength('offre complète'));
  });
});

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countFiles(path.join(dir, entry.name));
    else n++;
  }
  return n;
}

describe('offline verification (CLI)', () => {
  it('verifies a receipt against the published key, refuses a changed one, and checks the register', async () => {
    const tender = await publishedTender();
    const a = await companyUser();
    const receipt = await submit(a.browser, tender.reference, Buffer.from('offre'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-receipt-'));
    const keyFile = path.join(dir, 'halle-signing-key.pem');
    fs.writeFileSync(keyFile, await publicKey());
    const receiptFile = path.join(dir, 'accuse.json');
    fs.writeFileSync(receiptFile, JSON.stringify(receipt));
    const out: string[] = [];
    await verifyReceiptCommand([receiptFile, '--key', keyFile], (t) => out.push(t));
    expect(out[0]).toContain(`Valid receipt: tender ${tender.reference}`);

    const replayed = structuredClone(receipt);
    replayed.body.sealedAt = '2020-01-01T00:00:00Z';
    fs.writeFileSync(receiptFile, JSON.stringify(replayed));
    await expect(verifyReceiptCommand([receiptFile, '--key', keyFile], () => undefined)).rejects.toThrow(/INVALID/);
    fs.writeFileSync(receiptFile, '{not json');
    await expect(verifyReceiptCommand([receiptFile, '--key', keyFile], () => undefined)).rejects.toThrow(/cannot read/);

    const lines: string[] = [];
    await verifyRegisterCommand({ rt, out: (t) => lines.push(t) }, [tender.reference]);
    expect(lines[0]).toContain('intact: 1 entry');
    await sql`UPDATE deposit_register SET entry_hash = repeat('a', 64) WHERE tender_id = ${tender.id}`.execute(rt.db);
    await expect(verifyRegisterCommand({ rt, out: () => undefined }, [tender.reference])).rejects.toThrow(
      /BROKEN at position 1/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('resumable uploads (tus core)', () => {
  it('keeps the whole chunks of a broken request, resumes on another server instance, and records the file', async () => {
    const tender = await publishedTender({ maxFileBytes: 1_000_000 });
    const a = await companyUser();
    const other = await companyUser();
    const app2 = await buildServer(rt);
    try {
      const plain = randomBytes(200_000);
      await a.browser.get(`/consultations/${tender.reference}/depot`);
      const headers = () => ({
        cookie: [...a.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': a.browser.csrf(),
        'tus-resumable': '1.0.0',
      });
      const meta = `filename ${Buffer.from('Offre reprise.pdf').toString('base64')},kind ${Buffer.from('offer:1').toString('base64')}`;
      const url = `/consultations/${tender.reference}/depot/tus`;

      const big = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers(), 'upload-length': '1000001', 'upload-metadata': meta },
      });
      expect(big.statusCode).toBe(413);
      const created = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers(), 'upload-length': String(plain.length), 'upload-metadata': meta },
      });
      expect(created.statusCode).toBe(201);
      const location = String(created.headers.location);
      const secret = String(created.headers['halle-upload-secret']);
      const patch = (target: FastifyInstance, offset: number, body: Buffer, s = secret) =>
        target.inject({
          method: 'PATCH',
          url: location,
          headers: {
            ...headers(),
            'halle-upload-secret': s,
            'upload-offset': String(offset),
            'content-type': 'application/offset+octet-stream',
          },
          payload: body,
        });

      // a request that stops after 100 000 bytes: the whole 64 KiB chunk is committed, the tail is not
      const first = await patch(app, 0, plain.subarray(0, 100_000));
      expect(first.statusCode).toBe(204);
      expect(first.headers['upload-offset']).toBe('65536');
      const head = await app2.inject({
        method: 'HEAD',
        url: location,
        headers: { ...headers(), 'halle-upload-secret': secret },
      });
      expect(head.headers['upload-offset']).toBe('65536');
      // a wrong offset, a wrong secret, another company: refused, nothing moves
      expect((await patch(app, 0, plain)).statusCode).toBe(409);
      expect((await patch(app, 65536, plain.subarray(65536), 'x'.repeat(43))).statusCode).toBe(404);
      await other.browser.get(`/consultations/${tender.reference}/depot`);
      const intruder = await app.inject({
        method: 'HEAD',
        url: location,
        headers: {
          cookie: [...other.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'halle-upload-secret': secret,
        },
      });
      expect(intruder.statusCode).toBe(404);
      expect(
        await rt.db.selectFrom('submission_files').selectAll().where('file_name', '=', 'Offre reprise.pdf').execute(),
      ).toHaveLength(0);
      // no plaintext and no usable file key at rest meanwhile
      expect((await dumpEverything()).includes(plain.subarray(0, 64))).toBe(false);

      // resumed on another server instance (state in the database and the blob store only)
      const second = await patch(app2, 65536, plain.subarray(65536));
      expect(second.statusCode).toBe(204);
      expect(second.headers['upload-offset']).toBe(String(plain.length));
      const file = await rt.db
        .selectFrom('submission_files')
        .selectAll()
        .where('file_name', '=', 'Offre reprise.pdf')
        .executeTakeFirstOrThrow();
      expect(file.sha256).toBe(createHash('sha256').update(plain).digest('hex'));
      expect(Number(file.size_bytes)).toBe(plain.length);
      const upload = await rt.db
        .selectFrom('submission_uploads')
        .selectAll()
        .where('file_id', '=', file.id)
        .executeTakeFirstOrThrow();
      expect(upload.sealed_key).toBeNull();
      expect(
        await rt.db.selectFrom('submission_upload_segments').selectAll().where('upload_id', '=', upload.id).execute(),
      ).toHaveLength(0);
      expect((await patch(app, plain.length, Buffer.alloc(0))).statusCode).toBe(409);

      // the file is part of the submission like any other: seal it with a candidature
      expect(
        (
          await a.browser.post(
            `/consultations/${tender.reference}/depot/details`,
            { lots: '1' },
            { from: `/consultations/${tender.reference}/depot` },
          )
        ).statusCode,
      ).toBe(303);
      expect((await upload_(a.browser, tender.reference)).statusCode).toBe(303);
      const sealed = await a.browser.post(
        `/consultations/${tender.reference}/depot/sceller`,
        {},
        { from: `/consultations/${tender.reference}/depot` },
      );
      expect(sealed.statusCode).toBe(303);
    } finally {
      await app2.close();
    }
  });
});

function upload_(browser: TestBrowser, reference: string) {
  return postFile(
    browser,
    `/consultations/${reference}/depot/fichiers`,
    { kind: 'candidature' },
    { name: 'DUME.pdf', content: Buffer.from('dume') },
    { from: `/consultations/${reference}/depot` },
  );
}
