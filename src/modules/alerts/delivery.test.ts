import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime, serverUrl } from '../../../test/support/runtime.js';
import { SmtpPeer, waitFor } from '../../../test/support/smtp-peer.js';
import { createTender } from '../../../test/support/tenders.js';
import { startWorker } from '../../app/worker.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { queueMail, requeueStalledMails } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { createAlert } from './createAlert.js';

/** A worker in a process of its own, on the same database (killed with SIGKILL by one test). */
async function spawnWorker(rt: Runtime, smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/mail-worker-child.ts'], {
    env: { ...process.env, DATABASE_URL: rt.config.databaseUrl, SMTP_URL: smtpUrl, HALLE_DATA_DIR: rt.config.dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

async function queueMany(rt: Runtime, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 50) {
    await rt.db.transaction().execute(async (trx) => {
      for (let k = i; k < Math.min(count, i + 50); k++) {
        ids.push(
          await queueMail(trx, rt.jobs, {
            to: `${prefix}-${k}@exemple.fr`,
            subject: `Message ${k}`,
            text: `Message numéro ${k}`,
            template: 'test.exactly-once',
          }),
        );
      }
    });
  }
  return ids;
}

async function allSent(rt: Runtime, ids: string[]): Promise<boolean> {
  const rows = await rt.db.selectFrom('outbox_mails').select('status').where('id', 'in', ids).execute();
  return rows.length === ids.length && rows.every((r) => r.status === 'sent');
}

function copiesOf(peer: SmtpPeer, ids: string[]) {
  const copies = peer.copiesById();
  return {
    doubled: ids.filter((id) => (copies.get(id) ?? 0) > 1),
    lost: ids.filter((id) => (copies.get(id) ?? 0) === 0),
  };
}

function expectExactlyOnce(peer: SmtpPeer, ids: string[]): void {
  expect(copiesOf(peer, ids)).toEqual({ doubled: [], lost: [] });
}

// Two worker processes need a database both can reach: the PostgreSQL server (PGlite is one process's).
describe.skipIf(!serverUrl)('exactly-once delivery with two worker processes and a real SMTP peer', () => {
  let rt: Runtime;
  let child: ChildProcess | undefined;
  const peer = new SmtpPeer();

  beforeAll(async () => {
    await peer.start();
    rt = await createTestRuntime({ SMTP_URL: peer.url });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await rt.close();
    await peer.stop();
  });

  it('sends every mail once, an alert mail included, with both workers draining one outbox', async () => {
    child = await spawnWorker(rt, peer.url);
    await startWorker(rt);
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const company = await createOrganisation(rt, { kind: 'company' });
    const user = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
    await createAlert(rt, {
      owner: { userId: user.id, companyId: company.id, emailVerified: true },
      address: '/recherche?q=signalisation',
      name: 'Signalisation',
      frequency: 'immediate',
    });
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published', title: 'Signalisation routière' });
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: tender.id }));
    const ids = await queueMany(rt, 200, 'double');
    await waitFor('the alert mail', async () => {
      const n = await rt.db
        .selectFrom('notifications')
        .select('mail_id')
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      return typeof n?.mail_id === 'string';
    });
    const alertMail = await rt.db
      .selectFrom('notifications')
      .select('mail_id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    ids.push(alertMail.mail_id as string);
    await waitFor('every mail sent', () => allSent(rt, ids), 60_000);
    // a few more polling rounds of both workers: nothing goes out twice
    await new Promise((r) => setTimeout(r, 1500));
    expectExactlyOnce(peer, ids);
    const alertCopy = peer.received.find((r) => r.raw.includes(`<${alertMail.mail_id}@halle>`));
    expect(alertCopy?.to).toEqual([user.email]);
    expect(alertCopy?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // long headers are folded onto the next line (RFC 5322)
    expect(alertCopy?.raw).toMatch(
      /^List-Unsubscribe:\s+<http:\/\/localhost:\d+\/alertes\/desabonnement\/[\w.-]+>\r?$/m,
    );
  }, 120_000);
});

describe.skipIf(!serverUrl)('a worker killed in the middle of a batch', () => {
  let rt: Runtime;
  // each recipient takes 40 ms: a batch is in flight when the worker is killed
  const peer = new SmtpPeer({ rcptDelayMs: 40 });

  beforeAll(async () => {
    await peer.start();
    rt = await createTestRuntime({ SMTP_URL: peer.url });
  });
  afterAll(async () => {
    await rt.close();
    await peer.stop();
  });

  it('loses nothing, and doubles at most the one mail in flight at the kill: the others go once', async () => {
    const doomed = await spawnWorker(rt, peer.url);
    const ids = await queueMany(rt, 80, 'kill');
    await waitFor('the first deliveries', () => peer.received.length >= 10);
    doomed.kill('SIGKILL');
    await new Promise<void>((resolve) => doomed.once('exit', () => resolve()));
    const sentByDoomed = peer.received.length;
    expect(sentByDoomed).toBeLessThan(ids.length);
    // its jobs stay "active" until pg-boss expires them; the worker's sweep re-enqueues them
    // (every minute in production, after 5 minutes; at once here)
    await startWorker(rt);
    await requeueStalledMails(rt.db, rt.jobs, { stalledSeconds: 0 });
    await waitFor('every mail sent', () => allSent(rt, ids), 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    // SMTP has no two-phase commit: a worker killed after the peer accepted a mail and before its
    // "sent" commit leaves that one mail pending, and it goes again — with the same Message-ID, so
    // mail programs show it once. Mails are sent one at a time, so at most one is in that window.
    const { doubled, lost } = copiesOf(peer, ids);
    expect(lost).toEqual([]);
    expect(doubled.length).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe.skipIf(!serverUrl)('the SMTP peer down, then up', () => {
  let rt: Runtime;
  const peer = new SmtpPeer();

  beforeAll(async () => {
    await peer.start();
    await peer.stop();
    rt = await createTestRuntime({ SMTP_URL: peer.url });
    await startWorker(rt);
  });
  afterAll(async () => {
    await rt.close();
    await peer.stop();
  });

  it('keeps the mails waiting while it is down, then sends each once', async () => {
    const ids = await queueMany(rt, 20, 'panne');
    await waitFor('a failed attempt for every mail', async () => {
      const rows = await rt.db
        .selectFrom('outbox_mails')
        .select(['attempts', 'status'])
        .where('id', 'in', ids)
        .execute();
      return rows.every((r) => r.attempts >= 1 && r.status === 'pending');
    });
    await peer.start(peer.port);
    // the first retry comes after pg-boss's backoff (20 s and more)
    await waitFor('every mail sent', () => allSent(rt, ids), 90_000);
    expectExactlyOnce(peer, ids);
  }, 120_000);
});
