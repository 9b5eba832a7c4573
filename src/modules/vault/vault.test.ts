import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { expiryStatus } from './domain/expiry.js';
import { vaultDocumentForSubmission } from './forSubmission.js';
import { vaultLimits } from './limits.js';
import { sendExpiryReminders } from './sendExpiryReminders.js';

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

/** A multipart body as a browser builds it: CSRF and fields in form order, then the file. */
async function upload(
  browser: TestBrowser,
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null,
  options: { csrf?: boolean } = {},
) {
  await browser.get('/mon-espace/coffre-fort');
  const boundary = `----halle${randomBytes(8).toString('hex')}`;
  const entries =
    options.csrf === false ? Object.entries(fields) : [['_csrf', browser.csrf()], ...Object.entries(fields)];
  const chunks: Buffer[] = entries.map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
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
  return app.inject({
    method: 'POST',
    url: '/mon-espace/coffre-fort',
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(chunks),
  });
}

async function documentsOf(companyId: string) {
  return rt.db
    .selectFrom('vault_documents')
    .selectAll()
    .where('organisation_id', '=', companyId)
    .orderBy('created_at')
    .execute();
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);

describe('vault', () => {
  it('computes the expiry status on calendar dates', () => {
    expect(expiryStatus(null, '2026-11-28')).toBe('none');
    expect(expiryStatus('2026-11-28', '2026-11-28')).toBe('expiring');
    expect(expiryStatus('2026-11-27', '2026-11-28')).toBe('expired');
    expect(expiryStatus('2026-12-28', '2026-11-28')).toBe('expiring');
    expect(expiryStatus('2026-12-29', '2026-11-28')).toBe('valid');
  });

  it('stores a typed document with its validity date, lists it with its status, downloads it intact', async () => {
    const { browser, orgId } = await signedInAs(rt, app, 'company_member');
    const content = randomBytes(5000);
    const res = await upload(
      browser,
      { type: 'urssaf', title: 'Attestation URSSAF 2026', valid_until: isoDay(10) },
      { name: 'attestation-urssaf.pdf', content },
    );
    expect(res.statusCode).toBe(303);
    const [row] = await documentsOf(orgId);
    expect(row).toMatchObject({
      document_type: 'urssaf',
      title: 'Attestation URSSAF 2026',
      valid_until: isoDay(10),
      size_bytes: 5000,
      sha256: createHash('sha256').update(content).digest('hex'),
      content_type: 'application/pdf',
    });
    const page = await browser.get('/mon-espace/coffre-fort');
    expect(page.body).toContain('Attestation URSSAF 2026');
    expect(page.body).toContain('data-status="expiring"');
    const download = await browser.get(`/mon-espace/coffre-fort/${row?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attestation-urssaf.pdf');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', row?.id ?? '')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['vault.document.added']);
  });

  it('refuses bad input without writing anything: no file, bad date, no type, too large, no CSRF', async () => {
    const { browser, orgId } = await signedInAs(rt, app, 'company_admin');
    const file = { name: 'kbis.pdf', content: randomBytes(100) };
    const noFile = await upload(browser, { type: 'kbis', title: 'Kbis' }, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Choisissez un fichier.');
    const badDate = await upload(browser, { type: 'kbis', title: 'Kbis', valid_until: '2026-02-31' }, file);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Saisissez une date valide');
    const noType = await upload(browser, { type: 'passport', title: 'Kbis' }, file);
    expect(noType.statusCode).toBe(400);
    const saved = vaultLimits.maxFileBytes;
    vaultLimits.maxFileBytes = 1000;
    try {
      const tooLarge = await upload(
        browser,
        { type: 'kbis', title: 'Kbis' },
        { name: 'gros.pdf', content: randomBytes(5000) },
      );
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.body).toContain('Le fichier dépasse la taille maximale.');
    } finally {
      vaultLimits.maxFileBytes = saved;
    }
    const noCsrf = await upload(browser, { type: 'kbis', title: 'Kbis' }, file, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(await documentsOf(orgId)).toEqual([]);
    expect(await rt.db.selectFrom('blobs').select('id').where('size_bytes', '=', 5000).execute()).toHaveLength(1);
  });

  it('keeps companies apart: another company’s document is a 404 to read, delete or attach', async () => {
    const owner = await signedInAs(rt, app, 'company_member');
    await upload(
      owner.browser,
      { type: 'tax', title: 'Attestation fiscale' },
      { name: 'fisc.pdf', content: randomBytes(50) },
    );
    const [row] = await documentsOf(owner.orgId);
    const other = await signedInAs(rt, app, 'company_admin');
    expect((await other.browser.get(`/mon-espace/coffre-fort/${row?.id}`)).statusCode).toBe(404);
    const del = await other.browser.post(
      `/mon-espace/coffre-fort/${row?.id}/supprimer`,
      {},
      { from: '/mon-espace/coffre-fort' },
    );
    expect(del.statusCode).toBe(404);
    expect(await documentsOf(owner.orgId)).toHaveLength(1);
    await expect(
      vaultDocumentForSubmission(rt.db, { companyId: other.orgId, documentId: row?.id ?? '' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await other.browser.get('/mon-espace/coffre-fort/pas-un-id')).statusCode).toBe(404);
    const buyer = await signedInAs(rt, app, 'buyer_admin');
    expect((await buyer.browser.get('/mon-espace/coffre-fort')).statusCode).toBe(403);
    // the owner deletes it: row, blob row and content go
    const ok = await owner.browser.post(
      `/mon-espace/coffre-fort/${row?.id}/supprimer`,
      {},
      { from: '/mon-espace/coffre-fort' },
    );
    expect(ok.statusCode).toBe(303);
    expect(await documentsOf(owner.orgId)).toEqual([]);
    expect(
      await rt.db
        .selectFrom('blobs')
        .select('id')
        .where('id', '=', row?.blob_id ?? '')
        .execute(),
    ).toEqual([]);
  });

  it('warns when an expired document is attached to a submission', async () => {
    const { browser, orgId } = await signedInAs(rt, app, 'company_member');
    await upload(
      browser,
      { type: 'insurance', title: 'RC pro 2025', valid_until: isoDay(-3) },
      { name: 'rc.pdf', content: randomBytes(20) },
    );
    await upload(
      browser,
      { type: 'kbis', title: 'Kbis', valid_until: '' },
      { name: 'kbis.pdf', content: randomBytes(20) },
    );
    const [expired, kbis] = await documentsOf(orgId);
    const attached = await vaultDocumentForSubmission(rt.db, { companyId: orgId, documentId: expired?.id ?? '' });
    expect(attached).toMatchObject({ status: 'expired', warning: 'vault.warning.expired', title: 'RC pro 2025' });
    expect(attached.storageKey).toBeTruthy();
    const fine = await vaultDocumentForSubmission(rt.db, { companyId: orgId, documentId: kbis?.id ?? '' });
    expect(fine).toMatchObject({ status: 'none', warning: null });
  });

  it('reminds the company’s administrators once before expiry', async () => {
    const { browser, orgId } = await signedInAs(rt, app, 'company_member');
    const admin = await createUser(rt, { memberships: [{ organisationId: orgId, role: 'company_admin' }] });
    await upload(
      browser,
      { type: 'urssaf', title: 'URSSAF bientôt', valid_until: isoDay(20) },
      { name: 'u.pdf', content: randomBytes(20) },
    );
    await upload(
      browser,
      { type: 'tax', title: 'Fiscale lointaine', valid_until: isoDay(200) },
      { name: 't.pdf', content: randomBytes(20) },
    );
    const first = await sendExpiryReminders(rt);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo(rt, admin.email, 'vault.expiry_reminder');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Votre document « URSSAF bientôt » expire bientôt');
    await sendExpiryReminders(rt);
    expect(await mailsTo(rt, admin.email, 'vault.expiry_reminder')).toHaveLength(1);
    // 200 days later the far one is due, once
    await sendExpiryReminders(rt, new Date(Date.now() + 190 * 86400_000));
    const later = await mailsTo(rt, admin.email, 'vault.expiry_reminder');
    expect(later).toHaveLength(2);
    expect(later[0]?.subject).toContain('Fiscale lointaine');
  });
});
