import { type AddressInfo, createServer, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { startWorker } from '../../app/worker.js';
import type { Runtime } from '../runtime.js';
import { deliverMail, isAddressFlagged, type MailMessage, queueMail } from './outbox.js';

/** What the SMTP peer received: one entry per DATA command. */
interface Received {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1. Plain text, no authentication (nodemailer must not try
 * STARTTLS against it). Recipients at `refuse.example` are rejected, as a mailbox that does not exist.
 */
class SmtpPeer {
  readonly received: Received[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // the platform keeps pooled SMTP connections open: stopping the peer closes them at once
      closeTimeout: 200,
      onRcptTo: (address, _session, callback) => {
        if (address.address.endsWith('@refuse.example')) {
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            to: session.envelope.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Deliveries of one outbox mail, found by the Message-ID the platform gives it. */
  copiesOf(mailId: string): Received[] {
    return this.received.filter((r) => r.raw.includes(`Message-ID: <${mailId}@halle>`));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function queue(rt: Runtime, mail: Partial<MailMessage> & { to: string }): Promise<string> {
  return rt.db.transaction().execute((trx) =>
    queueMail(trx, rt.jobs, {
      subject: 'Message de test',
      text: 'Bonjour,\n\nCeci est un message de test.',
      template: 'test.delivery',
      ...mail,
    }),
  );
}

async function outboxRow(rt: Runtime, id: string) {
  return rt.db.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirst();
}

async function jobsFor(rt: Runtime, mailId: string): Promise<{ state: string; retry_count: number }[]> {
  const result = await sql<{ state: string; retry_count: number }>`
    SELECT state, retry_count FROM pgboss.job WHERE data->>'mailId' = ${mailId}`.execute(rt.db);
  return result.rows;
}

describe('mail delivery through pg-boss and the worker, to a real SMTP peer', () => {
  let rt: Runtime;
  const peer = new SmtpPeer();

  beforeAll(async () => {
    await peer.start();
    rt = await createTestRuntime({ SMTP_URL: peer.url, MAIL_FROM: 'Halle <ne-pas-repondre@halle.test>' });
    await startWorker(rt);
  });
  afterAll(async () => {
    await rt.close();
    await peer.stop();
  });

  it('sends each committed mail exactly once, with its subject and recipient, and marks it sent', async () => {
    const ids = await rt.db
      .transaction()
      .execute(async (trx) => [
        await queueMail(trx, rt.jobs, { to: 'a@exemple.fr', subject: 'Premier message', text: 'Un', template: 't.a' }),
        await queueMail(trx, rt.jobs, { to: 'b@exemple.fr', subject: 'Second message', text: 'Deux', template: 't.b' }),
      ]);
    const accented = await queue(rt, { to: 'c@exemple.fr', subject: 'Réinitialisation de votre mot de passe' });
    await waitFor('three deliveries', async () => {
      const rows = await rt.db
        .selectFrom('outbox_mails')
        .select('status')
        .where('id', 'in', [...ids, accented])
        .execute();
      return rows.every((r) => r.status === 'sent');
    });
    // a few more polling rounds: nothing is sent twice
    await new Promise((r) => setTimeout(r, 1500));
    const [first, second] = ids as [string, string];
    expect(peer.copiesOf(first)).toHaveLength(1);
    expect(peer.copiesOf(second)).toHaveLength(1);
    expect(peer.copiesOf(accented)).toHaveLength(1);
    expect(peer.copiesOf(first)[0]?.to).toEqual(['a@exemple.fr']);
    expect(peer.copiesOf(first)[0]?.raw).toMatch(/^Subject: Premier message\r?$/m);
    expect(peer.copiesOf(first)[0]?.raw).toMatch(/^From: Halle <ne-pas-repondre@halle\.test>\r?$/m);
    expect(peer.copiesOf(second)[0]?.to).toEqual(['b@exemple.fr']);
    expect(peer.copiesOf(second)[0]?.raw).toMatch(/^Subject: Second message\r?$/m);
    // non-ASCII subjects travel encoded (RFC 2047)
    expect(peer.copiesOf(accented)[0]?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const row = await outboxRow(rt, first);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row?.sent_at).toBeInstanceOf(Date);
  });

  it('never sends a mail queued in a transaction that rolls back', async () => {
    let rolledBack = '';
    await expect(
      rt.db.transaction().execute(async (trx) => {
        rolledBack = await queueMail(trx, rt.jobs, {
          to: 'annule@exemple.fr',
          subject: 'Ne doit pas partir',
          text: 'x',
          template: 't.rollback',
        });
        throw new Error('the command fails after queuing its mail');
      }),
    ).rejects.toThrow('the command fails');
    expect(rolledBack).not.toBe('');
    // a mail committed afterwards goes out: the worker has had its chance at the other one
    const sentinel = await queue(rt, { to: 'temoin@exemple.fr' });
    await waitFor('the sentinel mail', () => peer.copiesOf(sentinel).length === 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(peer.copiesOf(rolledBack)).toHaveLength(0);
    expect(peer.received.some((r) => r.to.includes('annule@exemple.fr'))).toBe(false);
    expect(await outboxRow(rt, rolledBack)).toBeUndefined();
    expect(await jobsFor(rt, rolledBack)).toEqual([]);
  });
});

describe('a mail the SMTP peer refuses', () => {
  let rt: Runtime;
  const peer = new SmtpPeer();

  beforeAll(async () => {
    await peer.start();
    rt = await createTestRuntime({ SMTP_URL: peer.url });
  });
  afterAll(async () => {
    await rt.close();
    await peer.stop();
  });

  it('does not hold back the other mails of its batch, fails at once and flags the address', async () => {
    // queued before the worker starts, so that its first fetch takes all three in one batch
    const before = await queue(rt, { to: 'avant@exemple.fr' });
    const refused = await queue(rt, { to: 'inconnu@refuse.example' });
    const after = await queue(rt, { to: 'apres@exemple.fr' });
    await startWorker(rt);
    await waitFor('the refused attempt', async () => (await outboxRow(rt, refused))?.attempts === 1);
    // well before the refused job's first retry (20 s): the others did not wait for it
    await waitFor(
      'the other mails of the batch',
      async () => (await outboxRow(rt, before))?.status === 'sent' && (await outboxRow(rt, after))?.status === 'sent',
      10_000,
    );
    expect(peer.copiesOf(before)).toHaveLength(1);
    expect(peer.copiesOf(after)).toHaveLength(1);
    // a 5xx refusal is permanent: failed at once, no retry, and the address is flagged
    const refusedRow = await outboxRow(rt, refused);
    expect(refusedRow).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refusedRow?.last_error).toMatch(/550|Mailbox unavailable|rejected/);
    await waitFor('job states', async () => (await jobsFor(rt, after))[0]?.state === 'completed');
    expect(await jobsFor(rt, before)).toEqual([{ state: 'completed', retry_count: 0 }]);
    expect(await jobsFor(rt, after)).toEqual([{ state: 'completed', retry_count: 0 }]);
    await waitFor('the refused job', async () => (await jobsFor(rt, refused))[0]?.state === 'completed');
    expect(await jobsFor(rt, refused)).toEqual([{ state: 'completed', retry_count: 0 }]);
    const flag = await rt.db.selectFrom('mail_address_flags').selectAll().execute();
    expect(flag.map((f) => f.address)).toEqual(['inconnu@refuse.example']);
    expect(flag[0]?.reason).toMatch(/550|Mailbox unavailable/);
    expect(await isAddressFlagged(rt.db, 'Inconnu@Refuse.example')).toBe(true);
    expect(await isAddressFlagged(rt.db, 'avant@exemple.fr')).toBe(false);
  });
});

describe('with the SMTP peer down', () => {
  let rt: Runtime;
  const peer = new SmtpPeer();

  beforeAll(async () => {
    // take a free port, then leave it closed: the platform starts while the peer is down
    await peer.start();
    await peer.stop();
    rt = await createTestRuntime({ SMTP_URL: peer.url });
  });
  afterAll(async () => {
    await rt.close();
    await peer.stop();
  });

  it('keeps the mail pending with attempts and the last error, then sends it once the peer is up', async () => {
    const id = await queue(rt, { to: 'patient@exemple.fr', subject: 'Apres la panne' });
    const from = rt.config.mailFrom;
    await expect(deliverMail(rt.db, rt.mail, from, id, false)).rejects.toThrow(/ECONNREFUSED|connect/);
    await expect(deliverMail(rt.db, rt.mail, from, id, false)).rejects.toThrow();
    const down = await outboxRow(rt, id);
    expect(down).toMatchObject({ status: 'pending', attempts: 2, sent_at: null });
    expect(down?.last_error).toMatch(/ECONNREFUSED|connect/);

    await peer.start(peer.port);
    expect(await deliverMail(rt.db, rt.mail, from, id, false)).toBe('sent');
    expect(await outboxRow(rt, id)).toMatchObject({ status: 'sent', attempts: 3 });
    // a late retry of the same job changes nothing
    expect(await deliverMail(rt.db, rt.mail, from, id, false)).toBe('skipped');
    expect(peer.copiesOf(id)).toHaveLength(1);
    expect(peer.copiesOf(id)[0]?.to).toEqual(['patient@exemple.fr']);
    expect(peer.copiesOf(id)[0]?.raw).toMatch(/^Subject: Apres la panne\r?$/m);
  });

  it('marks the mail failed after the last attempt', async () => {
    await peer.stop();
    const id = await queue(rt, { to: 'perdu@exemple.fr' });
    expect(await deliverMail(rt.db, rt.mail, rt.config.mailFrom, id, true)).toBe('failed');
    expect(await outboxRow(rt, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await deliverMail(rt.db, rt.mail, rt.config.mailFrom, id, false)).toBe('skipped');
  });
});

describe('with an SMTP peer that accepts connections but never answers', () => {
  it('gives up after the greeting timeout (from SMTP_URL) and keeps the mail pending', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const rt = await createTestRuntime({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true&greetingTimeout=300` });
    try {
      const id = await queue(rt, { to: 'silence@exemple.fr' });
      const started = Date.now();
      await expect(deliverMail(rt.db, rt.mail, rt.config.mailFrom, id, false)).rejects.toThrow(/greeting|timeout/i);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await outboxRow(rt, id)).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      await rt.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('without SMTP (embedded mode)', () => {
  let rt: Runtime;
  let app: FastifyInstance;

  beforeAll(async () => {
    rt = await createTestRuntime();
    app = await buildServer(rt);
    await startWorker(rt);
  });
  afterAll(async () => {
    await app.close();
    await rt.close();
  });

  it('keeps the mail in the outbox, readable by operators only', async () => {
    expect(rt.mail.kind).toBe('outbox-page');
    const id = await queue(rt, {
      to: 'nouvelle.agente@exemple.fr',
      subject: 'Vous êtes invitée sur Halle',
      text: 'Bonjour,\n\nAcceptez l’invitation : http://localhost:3000/invitation/jeton-secret',
      template: 'organisations.invitation',
    });
    await waitFor('the mail to be kept', async () => (await outboxRow(rt, id))?.status === 'kept');
    expect(await outboxRow(rt, id)).toMatchObject({ status: 'kept', sent_at: null, last_error: null });
    expect(await jobsFor(rt, id)).toEqual([{ state: 'completed', retry_count: 0 }]);

    const platform = await createOrganisation(rt, { kind: 'platform', name: 'Plateforme' });
    const operatorUser = await createUser(rt, {
      memberships: [{ organisationId: platform.id, role: 'platform_operator' }],
    });
    const operator = new TestBrowser(app);
    await operator.signIn(operatorUser.email, operatorUser.password);
    const list = await operator.get('/administration/courriels');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('nouvelle.agente@exemple.fr');
    expect(list.body).toContain('Vous êtes invitée sur Halle');
    expect(list.body).toContain("conservé dans la boîte d'envoi");
    const page = await operator.get(`/administration/courriels/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<pre class="mail">Bonjour,\n\nAcceptez l’invitation : http://localhost:3000/invitation/jeton-secret</pre>',
    );

    const company = await createOrganisation(rt, { kind: 'company' });
    const companyUser = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const outsider = new TestBrowser(app);
    await outsider.signIn(companyUser.email, companyUser.password);
    for (const url of ['/administration/courriels', `/administration/courriels/${id}`]) {
      const res = await outsider.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('jeton-secret');
      expect(res.body).not.toContain('nouvelle.agente@exemple.fr');
    }
  });
});
