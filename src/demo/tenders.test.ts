import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/support/browser.js';
import { createTestRuntime } from '../../test/support/runtime.js';
import { buildServer } from '../app/server.js';
import { nextReference } from '../platform/db/references.js';
import type { Runtime } from '../platform/runtime.js';
import { demoPassword } from './generate.js';
import { seedDemo } from './seed.js';
import { cpvLabels, type DemoTenderInput, planDemoTenders } from './tenders.js';

const input = (now: Date): DemoTenderInput => ({
  buyers: [
    { id: 'b1', name: 'Ville de Montreuil', department: '93', agentIds: ['u1'] },
    { id: 'b2', name: 'Région Île-de-France', department: '93', agentIds: ['u2'] },
  ],
  companies: [
    { id: 'c1', userIds: ['u3', 'u4'] },
    { id: 'c2', userIds: ['u5'] },
  ],
  featuredBuyerId: 'b1',
  featuredCompanyId: 'c1',
  now,
});

describe('demo tenders plan', () => {
  it('is deterministic and builds French titles from the buyer', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    const a = planDemoTenders(input(now));
    const b = planDemoTenders(input(now));
    expect(b.tenders.map((t) => [t.title, t.status, t.reference])).toEqual(
      a.tenders.map((t) => [t.title, t.status, t.reference]),
    );
    expect(a.clarifications.map((c) => c.question)).toEqual(b.clarifications.map((c) => c.question));
    expect(a.tenders).toHaveLength(300);
    expect(a.tenders.some((t) => String(t.title).endsWith('de la mairie de Montreuil'))).toBe(true);
    expect(a.tenders.every((t) => !String(t.title).includes('{'))).toBe(true);
  });

  it('uses CPV codes of the official list', () => {
    const plan = planDemoTenders(input(new Date('2026-05-04T10:00:00Z')));
    const codes = [...new Set(plan.tenders.flatMap((t) => t.cpv_codes as string[]))];
    const labels = cpvLabels(codes);
    expect(labels.size).toBe(codes.length);
    expect(labels.get('90910000')).toBe('Services de nettoyage');
  });
});

describe('seeding demo tenders', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await createTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('loads ~300 tenders in every state, with lots, criteria, documents, questions and retrievals', async () => {
    // how long it takes is measured by bench/cold-start.mjs, not asserted here
    const result = await seedDemo(rt, { type: 'cli' });
    expect(result.status).toBe('seeded');
    const now = new Date();

    const tenders = await rt.db.selectFrom('tenders').selectAll().execute();
    expect(tenders).toHaveLength(300);
    const statuses = new Set(tenders.map((t) => t.status));
    for (const s of ['draft', 'published', 'closed', 'opened', 'evaluation', 'awarded', 'unsuccessful', 'cancelled']) {
      expect(statuses.has(s as never), s).toBe(true);
    }
    const published = tenders.filter((t) => t.status === 'published');
    expect(published.length).toBeGreaterThan(100);
    expect(published.every((t) => t.submission_deadline && t.submission_deadline > now && t.published_at)).toBe(true);
    expect(tenders.filter((t) => t.status === 'closed').every((t) => (t.submission_deadline as Date) < now)).toBe(true);
    expect(tenders.filter((t) => t.status === 'cancelled').every((t) => t.status_reason)).toBe(true);
    expect(tenders.filter((t) => t.social_clause_insertion || t.environmental_clause).length).toBeGreaterThan(50);
    expect(new Set(tenders.map((t) => t.reference)).size).toBe(300);

    const lots = await rt.db.selectFrom('lots').select(['tender_id', 'number']).execute();
    const lotsPer = new Map<string, number>();
    for (const l of lots) lotsPer.set(l.tender_id, (lotsPer.get(l.tender_id) ?? 0) + 1);
    expect(tenders.every((t) => (lotsPer.get(t.id) ?? 0) >= 1 && (lotsPer.get(t.id) ?? 0) <= 4)).toBe(true);
    expect([...lotsPer.values()].some((n) => n > 1)).toBe(true);
    const criteria = await rt.db.selectFrom('award_criteria').select(['tender_id', 'weight_bp']).execute();
    const weights = new Map<string, number>();
    for (const c of criteria) weights.set(c.tender_id, (weights.get(c.tender_id) ?? 0) + c.weight_bp);
    expect(tenders.every((t) => weights.get(t.id) === 10000)).toBe(true);

    // documents are real blobs whose content matches their hash
    const documents = await rt.db
      .selectFrom('tender_documents')
      .innerJoin('blobs', 'blobs.id', 'tender_documents.blob_id')
      .select(['blobs.storage_key', 'tender_documents.sha256', 'tender_documents.size_bytes'])
      .execute();
    expect(documents.length).toBeGreaterThan(500);
    const sample = documents[0];
    if (!sample) throw new Error('no document');
    const chunks: Buffer[] = [];
    for await (const chunk of await rt.blobs.get(sample.storage_key)) chunks.push(chunk as Buffer);
    const content = Buffer.concat(chunks);
    expect(content.length).toBe(Number(sample.size_bytes));
    expect(content.length).toBeGreaterThan(1000);
    expect(createHashHex(content)).toBe(sample.sha256);

    const questions = await rt.db.selectFrom('clarifications').selectAll().execute();
    expect(questions.length).toBeGreaterThan(50);
    expect(questions.every((q) => !q.answered_at || q.answered_at >= q.asked_at)).toBe(true);
    expect(questions.some((q) => q.answered_at === null)).toBe(true);
    const retrievals = await rt.db.selectFrom('retrievals').select(['user_id']).execute();
    expect(retrievals.some((r) => r.user_id === null)).toBe(true);
    expect(retrievals.some((r) => r.user_id !== null)).toBe(true);

    // every transition is in the audit trail; references continue after the demo ones
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'tender')
      .where('action', '=', 'tender.published')
      .execute();
    expect(audit).toHaveLength(tenders.filter((t) => t.status !== 'draft').length);
    const next = await rt.db.transaction().execute((trx) => nextReference(trx, 'tender'));
    expect(tenders.map((t) => t.reference)).not.toContain(next);
  });

  it('gives the demo buyer tenders in every state, with registers it can read', async () => {
    const app = await buildServer(rt);
    try {
      const buyer = await rt.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Ville de Montreuil')
        .executeTakeFirstOrThrow();
      const own = await rt.db
        .selectFrom('tenders')
        .select(['reference', 'status'])
        .where('buyer_id', '=', buyer.id)
        .execute();
      expect(new Set(own.map((t) => t.status)).size).toBe(8);
      const withQuestions = await rt.db
        .selectFrom('tenders')
        .innerJoin('clarifications', 'clarifications.tender_id', 'tenders.id')
        .select('tenders.reference')
        .where('tenders.buyer_id', '=', buyer.id)
        .executeTakeFirstOrThrow();
      const browser = new TestBrowser(app);
      await browser.signIn('acheteur@demo.halle.example', demoPassword);
      const registers = await browser.get(`/mon-espace/consultations/${withQuestions.reference}/registres`);
      expect(registers.statusCode).toBe(200);
      expect(registers.body).toContain('Registre des questions');
      const questions = await browser.get(`/mon-espace/consultations/${withQuestions.reference}/questions`);
      expect(questions.body).toContain('Question n° 1');
    } finally {
      await app.close();
    }
  });
});

function createHashHex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
