import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime, serverUrl } from '../../../test/support/runtime.js';
import { waitFor } from '../../../test/support/smtp-peer.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import { parseConfig } from '../../platform/config.js';
import { dispatchPendingEvents, recordEvent } from '../../platform/events/outbox.js';
import { openRuntime, type Runtime } from '../../platform/runtime.js';
import { createAlert } from './createAlert.js';
import { alertsSubscribers } from './events.js';

/** An EventSource stand-in: the raw text of a Server-Sent Events stream, as it arrives. */
async function openStream(app: FastifyInstance, cookie: string): Promise<{ text: () => string; close: () => void }> {
  const port = (app.server.address() as AddressInfo).port;
  let text = '';
  const req = http.get({ host: '127.0.0.1', port, path: '/mon-espace/notifications/flux', headers: { cookie } });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
  });
  res.on('error', () => {});
  return { text: () => text, close: () => req.destroy() };
}

async function companyPerson(rt: Runtime) {
  const company = await createOrganisation(rt, { kind: 'company' });
  const user = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
  return { ...user, companyId: company.id };
}

async function cookieOf(app: FastifyInstance, email: string, password: string): Promise<string> {
  const browser = new TestBrowser(app);
  await browser.signIn(email, password);
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Publishes a tender and dispatches its event in `rt` (the worker's side). */
async function publishIn(rt: Runtime, buyerId: string, title: string) {
  const tender = await createTender(rt, { buyerId, status: 'published', title });
  await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: tender.id }));
  await dispatchPendingEvents(
    rt.db,
    alertsSubscribers({ jobs: rt.jobs, publicUrl: rt.config.publicUrl, signingSecret: rt.signingSecret }),
  );
  return tender;
}

describe('live notifications over Server-Sent Events (one web process)', () => {
  let rt: Runtime;
  let app: FastifyInstance;

  beforeAll(async () => {
    rt = await createTestRuntime();
    app = await buildServer(rt);
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await rt.close();
  });

  it('pushes the unread count, then each new notification of the person only', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const person = await companyPerson(rt);
    const other = await companyPerson(rt);
    for (const p of [person, other]) {
      await createAlert(rt, {
        owner: { userId: p.id, companyId: p.companyId, emailVerified: true },
        address: p === person ? '/recherche?q=éclairage' : '/recherche?q=piscine',
        name: 'Alerte',
        frequency: 'immediate',
      });
    }
    const stream = await openStream(app, await cookieOf(app, person.email, person.password));
    await waitFor('the initial count', () => stream.text().includes('event: count\ndata: {"unread":0}'));
    await publishIn(rt, buyer.id, 'Rénovation de la piscine municipale');
    const tender = await publishIn(rt, buyer.id, 'Maintenance de l’éclairage public');
    await waitFor('the notification', () => stream.text().includes('event: notification'));
    const event = stream.text().split('event: notification\ndata: ')[1]?.split('\n')[0] ?? '{}';
    expect(JSON.parse(event)).toMatchObject({
      title: 'Maintenance de l’éclairage public',
      reference: tender.reference,
      link: `/consultations/${tender.reference}`,
      kind: 'alert_match',
      unread: 1,
    });
    expect(stream.text()).not.toContain('piscine');
    stream.close();
  });

  it('refuses a visitor without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/mon-espace/notifications/flux' });
    expect(res.statusCode).toBe(303);
  });
});

// Two web processes behind a load balancer: a notification created through one reaches a stream held by the other.
describe.skipIf(!serverUrl)('live notifications across two web processes (PostgreSQL LISTEN/NOTIFY)', () => {
  let rtA: Runtime;
  let rtB: Runtime;
  let appA: FastifyInstance;
  let appB: FastifyInstance;

  beforeAll(async () => {
    rtA = await createTestRuntime();
    appA = await buildServer(rtA);
    rtB = await openRuntime(
      parseConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        HALLE_DATA_DIR: rtA.config.dataDir,
        DATABASE_URL: rtA.config.databaseUrl,
      }),
    );
    appB = await buildServer(rtB);
    await appB.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await appB.close();
    await appA.close();
    await rtB.close();
    await rtA.close();
  });

  it('delivers to the stream held by the other process', async () => {
    const buyer = await createOrganisation(rtA, { kind: 'buyer' });
    const person = await companyPerson(rtA);
    await createAlert(rtA, {
      owner: { userId: person.id, companyId: person.companyId, emailVerified: true },
      address: '/recherche?q=vidéoprotection',
      name: 'Vidéo',
      frequency: 'daily',
    });
    // signed in through process A, streaming from process B (sessions live in the database)
    const stream = await openStream(appB, await cookieOf(appA, person.email, person.password));
    await waitFor('the initial count', () => stream.text().includes('event: count'));
    const tender = await publishIn(rtA, buyer.id, 'Extension du système de vidéoprotection');
    await waitFor('the notification in the other process', () => stream.text().includes('event: notification'));
    expect(stream.text()).toContain(tender.reference);
    stream.close();
  });
});
