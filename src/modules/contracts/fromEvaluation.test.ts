import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedTenderWithBids } from '../../../test/support/evaluation.js';
import { createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { agentPrincipal } from '../../../test/support/submissions.js';
import { buildServer } from '../../app/server.js';
import { AppError } from '../../platform/errors.js';
import { dispatchPendingEvents } from '../../platform/events/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { assessBids, decideLot, scoreLot, startEvaluation } from '../evaluation/index.js';
import { contractsSubscribers } from './index.js';
import { notifyContract } from './notifyContract.js';
import { completeData } from './testFixtures.js';
import { jsonSchemaErrors, xsdErrors } from './testSchemas.js';
import { updateContractData } from './updateContractData.js';
import { uploadSignedDocument } from './uploadSignedDocument.js';

/**
 * The whole chain of issue #7 across modules, on a real database: an opened tender is evaluated
 * and awarded (evaluation), the `lot.awarded` event makes the contract (contracts), which can only
 * be notified after the standstill period the rejection letters announced, and whose notification
 * publishes a DECP record valid against the official schemas.
 */
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

describe('from the award to the published essential data', () => {
  it('creates the contract of the winner, holds it for the standstill, then publishes valid DECP', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2 });
    const agent = await createUser(rt, { memberships: [{ organisationId: tender.buyerId, role: 'buyer_agent' }] });
    const principal = agentPrincipal(agent, tender.buyerId);
    await startEvaluation(rt, principal, { reference: tender.reference });
    await assessBids(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      bids: tender.bids.map((b) => ({
        submissionId: b.submissionId,
        admissibility: 'complete',
        admissibilityReason: '',
        replyBy: null,
        classification: 'regular',
        classificationReason: '',
      })),
    });
    const quality = await rt.db
      .selectFrom('award_criteria')
      .select('id')
      .where('tender_id', '=', tender.id)
      .where('kind', '<>', 'price')
      .execute();
    const [first, second] = tender.bids;
    await scoreLot(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      grid: {
        scaleMode: 'scale',
        scaleMax: '20',
        priceFormula: 'proportional',
        // the second bid is cheaper and better: it wins
        amounts: { [first?.submissionId as string]: '120000', [second?.submissionId as string]: '100000,50' },
        scores: Object.fromEntries(
          quality.flatMap((q) => [
            [`${first?.submissionId}:${q.id}`, '10'],
            [`${second?.submissionId}:${q.id}`, '15'],
          ]),
        ),
      },
    });
    const decided = await decideLot(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      outcome: 'awarded',
      reason: '',
      strengths: 'Prix le plus bas et meilleure valeur technique.',
    });

    // the worker hands the event to contracts
    await dispatchPendingEvents(rt.db, contractsSubscribers);
    const contracts = await rt.db.selectFrom('contracts').selectAll().where('tender_id', '=', tender.id).execute();
    expect(contracts).toHaveLength(1);
    const contract = contracts[0] as (typeof contracts)[number];
    expect(contract.company_id).toBe(second?.company.id);
    expect(contract.status).toBe('awaiting_notification');
    expect(contract.amount_cents).toBe(10_000_050);
    const endsAt = decided.standstillEndsAt as Date;
    expect(endsAt).toBeInstanceOf(Date);
    expect(new Date(contract.standstill_ends_at).getTime()).toBe(endsAt.getTime());
    // the loser's letter announces the same end of the period
    const letter = await rt.db
      .selectFrom('messages')
      .innerJoin('message_threads', 'message_threads.id', 'messages.thread_id')
      .select(['messages.body'])
      .where('message_threads.tender_id', '=', tender.id)
      .where('message_threads.company_id', '=', first?.company.id as string)
      .where('messages.category', '=', 'rejection_letter')
      .executeTakeFirstOrThrow();
    expect(letter.body).toContain('R2182-1');

    const actor = { userId: principal.user.id, buyerId: tender.buyerId };
    await updateContractData(rt, actor, contract.id, completeData());
    await uploadSignedDocument(rt, actor, contract.id, {
      fileName: 'Marché signé.pdf',
      content: Readable.from([Buffer.from('%PDF-1.7 marché signé')]),
    });
    // one minute before the end of the standstill: refused, nothing published
    const before = new Date(endsAt.getTime() - 60_000);
    await expect(notifyContract(rt, actor, contract.id, { now: before })).rejects.toBeInstanceOf(AppError);
    expect(
      await rt.db.selectFrom('decp_records').select('id').where('contract_id', '=', contract.id).execute(),
    ).toEqual([]);
    // at its end: notified, and the export holds a record valid against both official schemas
    await notifyContract(rt, actor, contract.id, { now: endsAt });
    const json = await app.inject({ method: 'GET', url: '/api/v1/decp.json' });
    expect(json.statusCode).toBe(200);
    const exported = json.json() as { marches: { marche: { id: string; titulaires: unknown[] }[] } };
    const record = exported.marches.marche.find((m) => m.id === contract.decp_id);
    expect(record).toBeDefined();
    expect(jsonSchemaErrors(exported)).toEqual([]);
    const xml = await app.inject({ method: 'GET', url: '/api/v1/decp.xml' });
    expect(await xsdErrors(xml.body)).toEqual([]);
    expect(xml.body).toContain(contract.decp_id);
  });
});
