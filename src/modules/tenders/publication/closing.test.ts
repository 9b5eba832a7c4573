import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { startWorker } from '../../../app/worker.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import type { Runtime } from '../../../platform/runtime.js';
import { closeOverdueTenders, closeTenderIfDue } from './closeTender.js';
import { issueCorrigendum } from './issueCorrigendum.js';
import { publishTender } from './publishTender.js';
import { addDocument, closeJobsOf } from './testFixtures.js';

/**
 * Tenders close by themselves: the job scheduled at publication runs at the deadline (to the
 * second), a corrigendum moving the deadline later leaves the old job harmless, and a sweep
 * closes what a stopped worker missed. These tests run the real worker against the database.
 */
let rt: Runtime;
let buyerId: string;
let principal: SessionPrincipal;
const day = 24 * 3600 * 1000;

async function statusOf(tenderId: string) {
  return rt.db
    .selectFrom('tenders')
    .select(['status', 'closed_at', 'submission_deadline'])
    .where('id', '=', tenderId)
    .executeTakeFirstOrThrow();
}

/** Polls until the tender is closed (or the time is up), as a company watching the page would. */
async function waitUntilClosed(tenderId: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await statusOf(tenderId);
    if (row.status === 'closed' || Date.now() > until) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function draftReadyToPublish(deadline: Date) {
  const tender = await createTender(rt, {
    buyerId,
    submissionDeadline: deadline,
    questionsDeadline: new Date(deadline.getTime() - 1000),
  });
  await addDocument(rt, tender.id);
  return tender;
}

beforeAll(async () => {
  rt = await createTestRuntime();
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Créteil' });
  buyerId = buyer.id;
  const user = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
  principal = {
    kind: 'session',
    sessionId: 'test',
    user: { id: user.id, email: user.email, name: 'Camille Martin', emailVerified: true },
    memberships: [
      {
        organisationId: buyer.id,
        organisationName: 'Ville de Créteil',
        organisationKind: 'buyer',
        role: 'buyer_agent',
      },
    ],
    activeOrganisationId: buyer.id,
  };
});
afterAll(async () => {
  await rt.close();
});

describe('closing at the deadline', () => {
  it('the sweep closes overdue published tenders, once, and leaves the others', async () => {
    const overdue = await createTender(rt, {
      buyerId,
      status: 'published',
      submissionDeadline: new Date(Date.now() - 60_000),
      questionsDeadline: new Date(Date.now() - day),
    });
    const open = await createTender(rt, { buyerId, status: 'published' });
    const cancelled = await createTender(rt, {
      buyerId,
      status: 'cancelled',
      submissionDeadline: new Date(Date.now() - 60_000),
    });
    const closed = await closeOverdueTenders(rt.db);
    expect(closed).toContain(overdue.id);
    expect(closed).not.toContain(open.id);
    expect(closed).not.toContain(cancelled.id);
    expect((await statusOf(overdue.id)).status).toBe('closed');
    expect((await statusOf(open.id)).status).toBe('published');
    expect((await statusOf(cancelled.id)).status).toBe('cancelled');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'organisation_id'])
      .where('subject_id', '=', overdue.id)
      .execute();
    expect(audit).toEqual([{ action: 'tender.closed', actor_type: 'system', organisation_id: buyerId }]);
    expect(await closeOverdueTenders(rt.db)).not.toContain(overdue.id);
    expect(await closeTenderIfDue(rt.db, cancelled.id)).toBe('not_published');
    expect(await closeTenderIfDue(rt.db, open.id)).toBe('not_due');
  });

  it('a worker (re)starting closes at once what passed its deadline while it was down', async () => {
    // published with a job, but no worker was running when the deadline came
    const missed = await createTender(rt, {
      buyerId,
      status: 'published',
      submissionDeadline: new Date(Date.now() - 5 * 60_000),
      questionsDeadline: new Date(Date.now() - day),
    });
    await startWorker(rt);
    expect((await statusOf(missed.id)).status).toBe('closed');
    const sweeps = await rt.database.pool.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'tender.close.sweep' AND state = 'created'`,
    );
    expect((sweeps.rows[0] as { n: number }).n).toBe(1);
  });

  it('publishing schedules the close job and the tender closes by itself at its deadline, to the second', async () => {
    const deadline = new Date(Date.now() + 2000);
    const tender = await draftReadyToPublish(deadline);
    await publishTender(rt, principal, tender.reference);
    expect((await closeJobsOf(rt, tender.id)).map((j) => j.startAfter.getTime())).toEqual([deadline.getTime()]);
    expect((await statusOf(tender.id)).status).toBe('published');

    const row = await waitUntilClosed(tender.id, 8000);
    expect(row.status).toBe('closed');
    const closedAt = row.closed_at?.getTime() ?? 0;
    // never before the deadline, and within a second after it (the close worker polls every 0.5 s in tests)
    expect(closedAt).toBeGreaterThanOrEqual(deadline.getTime());
    expect(closedAt - deadline.getTime()).toBeLessThan(1500);
  });

  it('a corrigendum moving the deadline later leaves the old job harmless; the new job closes it', async () => {
    const first = new Date(Date.now() + 2000);
    const tender = await draftReadyToPublish(first);
    await publishTender(rt, principal, tender.reference);
    const later = new Date(first.getTime() + 2000);
    await issueCorrigendum(rt, principal, tender.reference, {
      reason: 'Report de deux secondes pour le test',
      values: { submission_deadline: later },
      includeDocuments: false,
    });
    expect((await closeJobsOf(rt, tender.id)).map((j) => j.startAfter.getTime())).toEqual([
      first.getTime(),
      later.getTime(),
    ]);
    // the old job has run by now and found the deadline not reached
    await new Promise((resolve) => setTimeout(resolve, later.getTime() - Date.now() - 300));
    expect((await statusOf(tender.id)).status).toBe('published');
    const row = await waitUntilClosed(tender.id, 8000);
    expect(row.status).toBe('closed');
    expect(row.closed_at?.getTime() ?? 0).toBeGreaterThanOrEqual(later.getTime());
  });
});
