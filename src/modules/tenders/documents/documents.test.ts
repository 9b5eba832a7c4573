import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { buildServer } from '../../../app/server.js';
import type { Runtime } from '../../../platform/runtime.js';
import { dceLimits } from './limits.js';
import { stagedDocumentChanges } from './repo.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
let agent: { email: string; password: string; id: string };
const defaultMax = dceLimits.maxFileBytes;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
  agent = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});
afterEach(() => {
  dceLimits.maxFileBytes = defaultMax;
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every blob file on disk (the temp directory must stay empty). */
function storedFiles(): string[] {
  const root = rt.config.blobsDir;
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function cookieHeader(browser: TestBrowser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A multipart body as a browser builds it: fields in form order, then the file. */
function multipart(fields: [string, string][], file: { name: string; content: Buffer } | null) {
  const boundary = `----halle${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  browser: TestBrowser,
  reference: string,
  file: { name: string; content: Buffer } | null,
  options: { type?: string; csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const url = `/mon-espace/consultations/${reference}/documents`;
  let csrf = options.csrf;
  if (csrf === undefined) {
    const page = await browser.get(url);
    csrf = page.statusCode === 200 ? browser.csrf() : 'none';
  }
  const fields: [string, string][] = csrf === null ? [] : [['_csrf', csrf]];
  fields.push(['type', options.type ?? 'cctp']);
  const body = multipart(fields, file);
  return browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(browser), 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function signedInAgent(): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.signIn(agent.email, agent.password);
  return browser;
}

async function documentRows(tenderId: string) {
  return rt.db.selectFrom('tender_documents').selectAll().where('tender_id', '=', tenderId).execute();
}

async function publish(tenderId: string) {
  await rt.db
    .updateTable('tenders')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', tenderId)
    .execute();
}

describe('DCE upload by the buyer', () => {
  it('streams the file to the blob store with its SHA-256 and size, in one transaction with the audit', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    const content = randomBytes(1_234_567);
    const res = await upload(browser, tender.reference, { name: 'CCTP lot unique – électricité.pdf', content });
    expect(res.statusCode).toBe(303);

    const [row] = await documentRows(tender.id);
    expect(row).toMatchObject({
      file_name: 'CCTP lot unique – électricité.pdf',
      document_type: 'cctp',
      size_bytes: content.length,
      sha256: sha(content),
      added_in_version: 1,
      removed_in_version: null,
      uploaded_by: agent.id,
    });
    const blob = await rt.db
      .selectFrom('blobs')
      .selectAll()
      .where('id', '=', row?.blob_id as string)
      .executeTakeFirstOrThrow();
    expect(blob.content_type).toBe('application/pdf');
    const file = path.join(rt.config.blobsDir, blob.storage_key.slice(0, 2), blob.storage_key);
    expect(sha(fs.readFileSync(file))).toBe(sha(content));
    const audit = await rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', row?.id as string)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['tenders.document.added']);

    const page = await browser.get(String(res.headers.location));
    expect(page.body).toContain('a été déposé');
    expect(page.body).toContain('1,2 Mo');
    expect(page.body).toContain('Cahier des clauses techniques particulières (CCTP)');
    expect(page.body).toContain(`title="Empreinte SHA-256 complète : ${sha(content)}"`);
    expect(page.body).toContain(`${sha(content).slice(0, 12)}…`);
  });

  it.each([
    ['../../etc/passwd', 'ne doit pas contenir « .. »'],
    ['..\\..\\boot.ini', 'ne doit pas contenir « .. »'],
    ['con\u0007trol.pdf', 'caractères non autorisés'],
    [`${'e'.repeat(260)}.pdf`, 'trop long'],
  ])('refuses the name %j with a French message, and leaves no row and no blob', async (name, message) => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    const before = storedFiles().length;
    const res = await upload(browser, tender.reference, { name, content: randomBytes(2000) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
    expect(await documentRows(tender.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it('keeps only the last part of a name with directories', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    const res = await upload(browser, tender.reference, { name: 'a/b.pdf', content: randomBytes(100) });
    expect(res.statusCode).toBe(303);
    expect((await documentRows(tender.id)).map((d) => d.file_name)).toEqual(['b.pdf']);
  });

  it('refuses an empty file, a missing file and a bad type', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    const before = storedFiles().length;
    const empty = await upload(browser, tender.reference, { name: 'vide.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Le fichier est vide');
    const none = await upload(browser, tender.reference, null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez un fichier à déposer.');
    const badType = await upload(browser, tender.reference, { name: 'x.pdf', content: randomBytes(10) }, { type: 'z' });
    expect(badType.statusCode).toBe(400);
    expect(badType.body).toContain('Choisissez le type de document.');
    expect(await documentRows(tender.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it('refuses a file over the platform maximum: 413, French message, no row, no blob, no temp file', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    const before = storedFiles().length;
    dceLimits.maxFileBytes = 64 * 1024;
    const res = await upload(browser, tender.reference, { name: 'plans.pdf', content: randomBytes(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('dépasse la taille maximale autorisée');
    expect(await documentRows(tender.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
    const exact = await upload(browser, tender.reference, { name: 'juste.pdf', content: randomBytes(64 * 1024) });
    expect(exact.statusCode).toBe(303);
  });

  it('refuses a second document with the same name (whatever the case) in the same version', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    expect((await upload(browser, tender.reference, { name: 'RC.pdf', content: randomBytes(10) })).statusCode).toBe(
      303,
    );
    const before = storedFiles().length;
    const again = await upload(browser, tender.reference, { name: 'rc.PDF', content: randomBytes(10) });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Un document porte déjà ce nom');
    expect(await documentRows(tender.id)).toHaveLength(1);
    expect(storedFiles()).toHaveLength(before);
  });

  it('refuses a multipart upload without the CSRF token', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    await browser.get(`/mon-espace/consultations/${tender.reference}/documents`);
    const res = await upload(browser, tender.reference, { name: 'RC.pdf', content: randomBytes(10) }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(await documentRows(tender.id)).toHaveLength(0);
  });

  it('answers 404 to another buyer and to a company, and sends anonymous visitors to sign in', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const otherBuyer = await createOrganisation(rt, { kind: 'buyer' });
    const other = await createUser(rt, { memberships: [{ organisationId: otherBuyer.id, role: 'buyer_admin' }] });
    const company = await createOrganisation(rt, { kind: 'company' });
    const companyUser = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    for (const user of [other, companyUser]) {
      const browser = new TestBrowser(app);
      await browser.signIn(user.email, user.password);
      expect((await browser.get(`/mon-espace/consultations/${tender.reference}/documents`)).statusCode).toBe(404);
      const res = await upload(browser, tender.reference, { name: 'x.pdf', content: randomBytes(10) }, { csrf: 'x' });
      expect([403, 404]).toContain(res.statusCode);
    }
    // with a valid CSRF token, the decision is the policy's: 404, nothing stored
    const browser = new TestBrowser(app);
    await browser.signIn(other.email, other.password);
    await browser.get('/');
    const res = await upload(
      browser,
      tender.reference,
      { name: 'x.pdf', content: randomBytes(10) },
      {
        csrf: browser.csrf(),
      },
    );
    expect(res.statusCode).toBe(404);
    expect(await documentRows(tender.id)).toHaveLength(0);
    expect(
      isSentToSignIn(await new TestBrowser(app).get(`/mon-espace/consultations/${tender.reference}/documents`)),
    ).toBe(true);
  });

  it('deletes a draft document with its blob', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    await upload(browser, tender.reference, { name: 'RC.pdf', content: randomBytes(500) });
    const [row] = await documentRows(tender.id);
    const before = storedFiles().length;
    const res = await browser.post(
      `/mon-espace/consultations/${tender.reference}/documents/${row?.id}/retirer`,
      {},
      {
        from: `/mon-espace/consultations/${tender.reference}/documents`,
      },
    );
    expect(res.statusCode).toBe(303);
    expect(await documentRows(tender.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before - 1);
    expect((await browser.get(String(res.headers.location))).body).toContain('Le document « RC.pdf » a été retiré.');
  });
});

describe('after publication: changes wait for a corrigendum', () => {
  it('stages additions and removals for the next DCE version, visible once dce_version moves', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    await upload(browser, tender.reference, { name: 'RC.pdf', content: randomBytes(300) }, { type: 'rc' });
    await publish(tender.id);
    const added = await upload(browser, tender.reference, { name: 'Additif.pdf', content: randomBytes(300) });
    expect(added.statusCode).toBe(303);
    const page = await browser.get(String(added.headers.location));
    expect(page.body).toContain('il sera publié avec le prochain avis rectificatif');
    const rc = (await documentRows(tender.id)).find((d) => d.file_name === 'RC.pdf');
    const removed = await browser.post(
      `/mon-espace/consultations/${tender.reference}/documents/${rc?.id}/retirer`,
      {},
      {
        from: `/mon-espace/consultations/${tender.reference}/documents`,
      },
    );
    expect(removed.statusCode).toBe(303);

    const staged = await stagedDocumentChanges(rt.db, tender.id);
    expect(staged.nextVersion).toBe(2);
    expect(staged.added.map((d) => d.fileName)).toEqual(['Additif.pdf']);
    expect(staged.removed.map((d) => d.fileName)).toEqual(['RC.pdf']);

    const visitor = new TestBrowser(app);
    const additif = (await documentRows(tender.id)).find((d) => d.file_name === 'Additif.pdf');
    expect((await visitor.get(`/consultations/${tender.reference}/documents/${additif?.id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/consultations/${tender.reference}/documents/${rc?.id}`)).statusCode).toBe(200);

    // what the corrigendum does
    await rt.db.updateTable('tenders').set({ dce_version: 2 }).where('id', '=', tender.id).execute();
    expect((await visitor.get(`/consultations/${tender.reference}/documents/${additif?.id}`)).statusCode).toBe(200);
    expect((await visitor.get(`/consultations/${tender.reference}/documents/${rc?.id}`)).statusCode).toBe(404);
    expect((await stagedDocumentChanges(rt.db, tender.id)).added).toHaveLength(0);
  });

  it('refuses changes once the tender is closed', async () => {
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'closed' });
    const browser = await signedInAgent();
    const page = await browser.get(`/mon-espace/consultations/${tender.reference}/documents`);
    expect(page.body).toContain('ne peut plus être modifié');
    expect(page.body).not.toContain('enctype="multipart/form-data"');
    const res = await upload(browser, tender.reference, { name: 'x.pdf', content: randomBytes(10) });
    expect(res.statusCode).toBe(409);
    expect(await documentRows(tender.id)).toHaveLength(0);
  });
});

describe('public downloads', () => {
  async function publishedWithDocuments(files: Record<string, Buffer>) {
    const tender = await createTender(rt, { buyerId: buyer.id });
    const browser = await signedInAgent();
    for (const [name, content] of Object.entries(files)) {
      expect((await upload(browser, tender.reference, { name, content })).statusCode).toBe(303);
    }
    return tender;
  }

  async function retrievals(tenderId: string) {
    return rt.db.selectFrom('retrievals').selectAll().where('tender_id', '=', tenderId).execute();
  }

  it('does not serve the documents of a draft, even with their ids', async () => {
    const tender = await publishedWithDocuments({ 'RC.pdf': randomBytes(100) });
    const [row] = await documentRows(tender.id);
    const visitor = new TestBrowser(app);
    expect((await visitor.get(`/consultations/${tender.reference}/documents/${row?.id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/consultations/${tender.reference}/dce.zip`)).statusCode).toBe(404);
    const own = await signedInAgent();
    expect((await own.get(`/consultations/${tender.reference}/documents/${row?.id}`)).statusCode).toBe(404);
    // the buyer checks its own upload from its space, which is not a retrieval
    const check = await own.get(`/mon-espace/consultations/${tender.reference}/documents/${row?.id}`);
    expect(check.statusCode).toBe(200);
    expect(await retrievals(tender.id)).toHaveLength(0);
  });

  it('serves a document anonymously, with its name, size and ETag, and logs the retrieval', async () => {
    const content = randomBytes(4321);
    const tender = await publishedWithDocuments({ 'Règlement de consultation 100%.pdf': content });
    await publish(tender.id);
    const [row] = await documentRows(tender.id);
    const res = await new TestBrowser(app).get(`/consultations/${tender.reference}/documents/${row?.id}`);
    expect(res.statusCode).toBe(200);
    expect(sha(res.rawPayload)).toBe(sha(content));
    expect(res.headers['content-length']).toBe('4321');
    expect(res.headers.etag).toBe(`"${sha(content)}"`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Reglement de consultation 100_.pdf"; filename*=UTF-8''R%C3%A8glement%20de%20consultation%20100%25.pdf`,
    );
    const logged = await retrievals(tender.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ document_id: row?.id, dce_version: 1, user_id: null, organisation_id: null });
  });

  it('logs the user and the company of a signed-in company member', async () => {
    const tender = await publishedWithDocuments({ 'CCTP.pdf': randomBytes(100) });
    await publish(tender.id);
    const [row] = await documentRows(tender.id);
    const company = await createOrganisation(rt, { kind: 'company' });
    const user = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    expect((await browser.get(`/consultations/${tender.reference}/documents/${row?.id}`)).statusCode).toBe(200);
    const logged = await retrievals(tender.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ user_id: user.id, organisation_id: company.id, document_id: row?.id });
  });

  it('serves the whole DCE as a valid ZIP built while streaming, and logs it once', async () => {
    const files = {
      'RC.pdf': randomBytes(10_000),
      'CCTP – électricité.pdf': randomBytes(200_000),
      'BPU.xlsx': randomBytes(3_000),
    };
    const tender = await publishedWithDocuments(files);
    await publish(tender.id);
    const res = await new TestBrowser(app).get(`/consultations/${tender.reference}/dce.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const zipFile = path.join(rt.config.dataDir, 'dce-test.zip');
    fs.writeFileSync(zipFile, res.rawPayload);
    expect(execFileSync('unzip', ['-t', zipFile], { encoding: 'utf8' })).toContain('No errors detected');
    const script = [
      'import hashlib, json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))',
    ].join('\n');
    const back = JSON.parse(execFileSync('python3', ['-c', script, zipFile], { encoding: 'utf8' }));
    const folder = `DCE-${tender.reference}-v1`;
    expect(back).toEqual(Object.fromEntries(Object.entries(files).map(([n, c]) => [`${folder}/${n}`, sha(c)])));
    const logged = await retrievals(tender.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ document_id: null, dce_version: 1 });
  });
});
