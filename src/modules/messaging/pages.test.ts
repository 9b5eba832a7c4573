import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { messageLimits } from './domain/rules.js';

let rt: Runtime;
let app: FastifyInstance;
let tender: { id: string; reference: string };
let buyer: Awaited<ReturnType<typeof signedInAs>>;
let company: Awaited<ReturnType<typeof signedInAs>>;
let stranger: Awaited<ReturnType<typeof signedInAs>>;
let otherBuyer: Awaited<ReturnType<typeof signedInAs>>;
let threadId: string;

/** A multipart form as a browser sends it: CSRF token and fields first, then the file. */
async function postMultipart(
  browser: TestBrowser,
  url: string,
  from: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null,
) {
  await browser.get(from);
  const boundary = `----halle${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [['_csrf', browser.csrf()], ...Object.entries(fields)].map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(chunks),
  });
  if ((res.headers['content-type'] ?? '').toString().includes('text/html')) browser.lastHtml = res.body;
  return res;
}

async function written() {
  const count = async (table: 'messages' | 'blobs' | 'message_threads') =>
    Number(
      (
        await rt.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { messages: await count('messages'), blobs: await count('blobs'), threads: await count('message_threads') };
}

const base = () => `/mon-espace/consultations/${tender.reference}/messages`;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await signedInAs(rt, app, 'buyer_agent');
  company = await signedInAs(rt, app, 'company_member');
  stranger = await signedInAs(rt, app, 'company_admin');
  otherBuyer = await signedInAs(rt, app, 'buyer_admin');
  tender = await createTender(rt, { buyerId: buyer.orgId, status: 'published' });
  // the company retrieved the DCE while signed in: it took part, the buyer may write to it
  await rt.db
    .insertInto('retrievals')
    .values({
      id: uuidv7(),
      tender_id: tender.id,
      dce_version: 1,
      user_id: company.user.id,
      organisation_id: company.orgId,
    })
    .execute();
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('secure messaging pages', () => {
  it('lets the buyer write to a company that retrieved the DCE, with an attachment, and mails it a notice', async () => {
    const form = await buyer.browser.get(`${base()}/nouveau`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(company.orgId);
    expect(form.body).not.toContain(stranger.orgId);

    const pdf = Buffer.from('%PDF-1.7 demande de précisions');
    const res = await postMultipart(
      buyer.browser,
      `${base()}/nouveau`,
      `${base()}/nouveau`,
      {
        company: company.orgId,
        subject: 'Précisions sur le lot 1',
        body: 'Merci de préciser vos délais.\nCordialement.',
      },
      { name: 'demande précisions.pdf', content: pdf },
    );
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${base()}/[0-9a-f-]{36}\\?envoye=1$`));
    threadId = location.split('/').at(-1)?.split('?')[0] ?? '';

    const [mail] = await mailsTo(rt, company.user.email, 'messaging.message_arrived');
    expect(mail?.text_body).toContain(`/mon-espace/messages/${threadId}`);
    expect(mail?.text_body).toContain('Précisions sur le lot 1');
    expect(mail?.text_body).not.toContain('délais');

    const page = await buyer.browser.get(location);
    expect(page.body).toContain('Votre message a été envoyé.');
    expect(page.body).toContain('Distribué le');
    expect(page.body).toContain('Pas encore lu');
  });

  it('shows the company its thread, unread, then records the read receipt when it opens it', async () => {
    const inbox = await company.browser.get('/mon-espace/messages');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain(tender.reference);
    expect(inbox.body).toContain('1 message(s) non lu(s).');

    const thread = await company.browser.get(`/mon-espace/messages/${threadId}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain('Merci de préciser vos délais.');
    expect(thread.body).toContain('Re : Précisions sur le lot 1');
    const receipt = await rt.db
      .selectFrom('message_receipts')
      .selectAll()
      .where('organisation_id', '=', company.orgId)
      .executeTakeFirstOrThrow();
    expect(receipt.read_at).not.toBeNull();
    expect(receipt.read_by).toBe(company.user.id);
    const firstRead = receipt.read_at;
    // a second opening keeps the first reading time
    await company.browser.get(`/mon-espace/messages/${threadId}`);
    const again = await rt.db
      .selectFrom('message_receipts')
      .select('read_at')
      .where('organisation_id', '=', company.orgId)
      .executeTakeFirstOrThrow();
    expect(again.read_at?.getTime()).toBe(firstRead?.getTime());

    const buyerView = await buyer.browser.get(`${base()}/${threadId}`);
    expect(buyerView.body).toContain('Lu le');
    expect((await company.browser.get('/mon-espace/messages')).body).toContain('0 message(s) non lu(s).');
  });

  it('lets the company download the attachment and reply; the buyer sees the unread reply', async () => {
    const attachment = await rt.db
      .selectFrom('message_attachments')
      .select('id')
      .where('file_name', '=', 'demande précisions.pdf')
      .executeTakeFirstOrThrow();
    const file = await company.browser.get(`/mon-espace/messages/${threadId}/pieces/${attachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.7 demande de précisions');
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''demande%20pr%C3%A9cisions.pdf");

    const reply = await postMultipart(
      company.browser,
      `/mon-espace/messages/${threadId}`,
      `/mon-espace/messages/${threadId}`,
      { subject: 'Re : Précisions sur le lot 1', body: 'Livraison sous 6 semaines.' },
      null,
    );
    expect(reply.statusCode).toBe(303);
    const [mail] = await mailsTo(rt, buyer.user.email, 'messaging.message_arrived');
    expect(mail?.text_body).toContain(`${base()}/${threadId}`);

    const list = await buyer.browser.get(base());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('1 message(s) non lu(s).');
    const notice = await buyer.browser.get(`/consultations/${tender.reference}`);
    expect(notice.body).toContain('Messagerie sécurisée (1 non lus)');
    const manage = await buyer.browser.get(`/mon-espace/consultations/${tender.reference}`);
    expect(manage.body).toContain(`href="${base()}"`);
    expect(manage.body).toContain('Messagerie sécurisée (1 non lus)');
  });

  it('puts the whole history in the tender’s registers and its CSV export', async () => {
    const registers = await buyer.browser.get(`/mon-espace/consultations/${tender.reference}/registres`);
    expect(registers.statusCode).toBe(200);
    expect(registers.body).toContain('Registre des échanges');
    expect(registers.body).toContain('Précisions sur le lot 1');
    const csv = await buyer.browser.get(`/mon-espace/consultations/${tender.reference}/registres/echanges.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Livraison sous 6 semaines.');
    expect(csv.body).toContain('demande précisions.pdf');
    expect(
      (await otherBuyer.browser.get(`/mon-espace/consultations/${tender.reference}/registres/echanges.csv`)).statusCode,
    ).toBe(404);
  });

  it('answers 404 to another company, another buyer and the wrong side, and writes nothing for them', async () => {
    const attachment = await rt.db.selectFrom('message_attachments').select('id').executeTakeFirstOrThrow();
    const before = await written();
    for (const url of [
      `/mon-espace/messages/${threadId}`,
      `/mon-espace/messages/${threadId}/pieces/${attachment.id}`,
      base(),
      `${base()}/${threadId}`,
      `${base()}/nouveau`,
    ]) {
      expect((await stranger.browser.get(url)).statusCode, url).toBe(404);
      expect((await otherBuyer.browser.get(url)).statusCode, url).toBe(404);
    }
    // each side only through its own pages
    expect((await company.browser.get(`${base()}/${threadId}`)).statusCode).toBe(404);
    expect((await buyer.browser.get(`/mon-espace/messages/${threadId}`)).statusCode).toBe(404);
    expect((await buyer.browser.get(`/mon-espace/messages/${uuidv7()}`)).statusCode).toBe(404);
    // a thread under another tender's reference
    const other = await createTender(rt, { buyerId: buyer.orgId, status: 'published' });
    expect(
      (await buyer.browser.get(`/mon-espace/consultations/${other.reference}/messages/${threadId}`)).statusCode,
    ).toBe(404);

    await stranger.browser.get('/mon-espace/messages');
    const res = await postMultipart(
      stranger.browser,
      `/mon-espace/messages/${threadId}`,
      '/mon-espace/messages',
      { subject: 'Intrusion', body: 'Je ne devrais pas écrire ici.' },
      null,
    );
    expect(res.statusCode).toBe(404);
    await otherBuyer.browser.get('/mon-espace');
    const res2 = await postMultipart(
      otherBuyer.browser,
      `${base()}/nouveau`,
      '/mon-espace',
      { company: company.orgId, subject: 'Intrusion', body: 'Je ne devrais pas écrire ici.' },
      null,
    );
    expect(res2.statusCode).toBe(404);
    expect(await written()).toEqual(before);
  });

  it.each([
    ['an empty body', { body: '   ' }, null, 400, 'Écrivez votre message.'],
    ['a body of 20,001 characters', { body: 'a'.repeat(20_001) }, null, 400, 'ne doit pas dépasser 20 000 caractères'],
    ['an empty subject', { subject: '' }, null, 400, 'Indiquez l’objet du message.'],
    [
      'a climbing file name',
      {},
      { name: '../../etc/passwd', content: Buffer.from('x') },
      400,
      'Le nom du fichier n’est pas accepté',
    ],
    ['an empty file', {}, { name: 'vide.pdf', content: Buffer.alloc(0) }, 400, 'Le fichier joint est vide.'],
  ] as const)(
    'refuses %s with a French message next to the field and writes nothing',
    async (_, change, file, status, text) => {
      const before = await written();
      const res = await postMultipart(
        company.browser,
        `/mon-espace/messages/${threadId}`,
        `/mon-espace/messages/${threadId}`,
        { subject: 'Complément', body: 'Voici le complément.', ...change },
        file,
      );
      expect(res.statusCode).toBe(status);
      expect(res.body).toContain(text);
      expect(res.body).toContain('aria-invalid="true"');
      expect(await written()).toEqual(before);
    },
  );

  it('refuses an oversize attachment with a clear message and keeps nothing of it', async () => {
    const limit = messageLimits.maxAttachmentBytes;
    messageLimits.maxAttachmentBytes = 1000;
    try {
      const before = await written();
      const res = await postMultipart(
        company.browser,
        `/mon-espace/messages/${threadId}`,
        `/mon-espace/messages/${threadId}`,
        { subject: 'Gros fichier', body: 'Voici le plan.' },
        { name: 'plan.pdf', content: randomBytes(5000) },
      );
      expect(res.statusCode).toBe(413);
      expect(res.body).toContain('Le fichier joint dépasse la taille maximale');
      expect(await written()).toEqual(before);
    } finally {
      messageLimits.maxAttachmentBytes = limit;
    }
  });

  it('refuses to open a thread with a company that did not take part in the tender', async () => {
    const before = await written();
    const res = await postMultipart(
      buyer.browser,
      `${base()}/nouveau`,
      `${base()}/nouveau`,
      { company: stranger.orgId, subject: 'Prospection', body: 'Bonjour.' },
      null,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choisissez une entreprise qui a retiré le DCE');
    const notCompany = await createOrganisation(rt, { kind: 'buyer' });
    const res2 = await postMultipart(
      buyer.browser,
      `${base()}/nouveau`,
      `${base()}/nouveau`,
      { company: notCompany.id, subject: 'Prospection', body: 'Bonjour.' },
      null,
    );
    expect(res2.statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });
});
