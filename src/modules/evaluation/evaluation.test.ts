import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, type TestBrowser } from '../../../test/support/browser.js';
import { type OpenedTender, openedTenderWithBids } from '../../../test/support/evaluation.js';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { agentPrincipal } from '../../../test/support/submissions.js';
import { buildServer } from '../../app/server.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { countedBidsOf } from '../submissions/index.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { assessBids } from './assessBids.js';
import { decideLot } from './decideLot.js';
import { scoreLot } from './scoreLot.js';
import { startEvaluation } from './startEvaluation.js';

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

const base = (t: { reference: string }) => `/mon-espace/consultations/${t.reference}/analyse`;
const lotUrl = (t: { reference: string }, n: number, step: string) => `${base(t)}/lots/${n}/${step}`;

async function agentFor(tender: OpenedTender): Promise<{ browser: TestBrowser; user: { id: string; email: string } }> {
  return signedInAs(rt, app, 'buyer_agent', { id: tender.buyerId });
}

async function criteriaOf(tenderId: string) {
  return rt.db
    .selectFrom('award_criteria')
    .select(['id', 'kind', 'weight_bp'])
    .where('tender_id', '=', tenderId)
    .orderBy('position')
    .execute();
}

async function messagesOf(tenderId: string) {
  return rt.db
    .selectFrom('messages')
    .innerJoin('message_threads', 'message_threads.id', 'messages.thread_id')
    .select([
      'message_threads.company_id',
      'messages.category',
      'messages.subject',
      'messages.body',
      'messages.reply_by',
      'messages.sender_side',
    ])
    .where('message_threads.tender_id', '=', tenderId)
    .orderBy('messages.created_at')
    .execute();
}

async function eventsOf(tenderId: string) {
  const rows = await rt.db.selectFrom('domain_events').select(['type', 'payload']).orderBy('occurred_at').execute();
  return rows.filter(
    (r) =>
      (r.payload as { tenderId?: string; id?: string }).tenderId === tenderId ||
      (r.payload as { id?: string }).id === tenderId,
  );
}

/** Starts the evaluation, marks every bid complete and regular, and gives amounts and scores. */
async function readyToAward(
  tender: OpenedTender,
  agent: { id: string; email: string },
  amounts: number[],
  quality: string[],
) {
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
  const [, q] = await criteriaOf(tender.id);
  await scoreLot(rt, principal, {
    reference: tender.reference,
    lotNumber: 1,
    grid: {
      scaleMode: 'scale',
      scaleMax: '20',
      priceFormula: 'proportional',
      amounts: Object.fromEntries(tender.bids.map((b, i) => [b.submissionId, String(amounts[i])])),
      scores: Object.fromEntries(tender.bids.map((b, i) => [`${b.submissionId}:${q?.id}`, quality[i] as string])),
    },
  });
  return principal;
}

describe('counted bids and the start of the evaluation', () => {
  it('counts only the last on-time bid of each company and freezes the weights at the start', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 3, withNotCounted: true });
    const counted = await countedBidsOf(rt.db, tender.id);
    expect(counted.map((c) => c.submissionId)).toEqual(tender.bids.map((b) => b.submissionId));
    expect(tender.notCounted).toHaveLength(2);

    const { browser } = await agentFor(tender);
    const before = await browser.get(base(tender));
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Commencer l’analyse des offres');
    const started = await browser.post(`${base(tender)}/demarrer`, {}, { from: base(tender) });
    expect(started.statusCode).toBe(303);
    const page = await browser.get(String(started.headers.location));
    expect(page.body).toContain('L’analyse des offres a commencé.');
    expect(page.body).toMatch(/<td>3<\/td>/);
    const row = await rt.db
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('evaluation');
    const setup = await rt.db.selectFrom('lot_evaluations').selectAll().where('tender_id', '=', tender.id).execute();
    expect(((setup[0]?.criteria ?? []) as { weightBp: number }[]).map((c) => c.weightBp)).toEqual([6000, 4000]);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', tender.id)
      .where('action', '=', 'evaluation.started')
      .execute();
    expect(audit).toHaveLength(1);
    // twice: refused, nothing more written
    const again = await browser.post(`${base(tender)}/demarrer`, {}, { from: base(tender) });
    expect(again.statusCode).toBe(409);
    expect(
      await rt.db.selectFrom('evaluations').select('tender_id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses any change once the weights moved after opening, and the tender refuses to move them', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2 });
    const { browser, user } = await agentFor(tender);
    const principal = await readyToAward(tender, user, [100_000, 90_000], ['15', '12']);
    // the tenders module locks criteria after publication
    const edit = await browser.post(
      `/mon-espace/consultations/${tender.reference}/modifier/criteria`,
      {
        label_1: 'Prix',
        kind_1: 'price',
        weight_1: '20',
        label_2: 'Valeur technique',
        kind_2: 'quality',
        weight_2: '80',
      },
      { from: base(tender) },
    );
    expect(edit.statusCode).toBe(409);
    expect((await criteriaOf(tender.id)).map((c) => c.weight_bp)).toEqual([6000, 4000]);
    // and if they move anyway (a direct database change), the evaluation stops
    const [price, quality] = await criteriaOf(tender.id);
    await rt.db
      .updateTable('award_criteria')
      .set({ weight_bp: 2000 })
      .where('id', '=', price?.id as string)
      .execute();
    await rt.db
      .updateTable('award_criteria')
      .set({ weight_bp: 8000 })
      .where('id', '=', quality?.id as string)
      .execute();
    const scored = await browser.post(lotUrl(tender, 1, 'notation'), {
      scaleMode: 'scale',
      scaleMax: '20',
      priceFormula: 'proportional',
      [`score-${tender.bids[0]?.submissionId}-${quality?.id}`]: '19',
    });
    expect(scored.statusCode).toBe(409);
    expect(scored.body).toContain('Les critères ou leurs pondérations ont changé depuis l’ouverture des plis');
    await expect(
      decideLot(rt, principal, {
        reference: tender.reference,
        lotNumber: 1,
        outcome: 'awarded',
        reason: '',
        strengths: 'Meilleure offre',
      }),
    ).rejects.toMatchObject({ messageKey: 'evaluation.error.weights_changed' });
    expect(
      await rt.db.selectFrom('lot_decisions').select('id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);
  });
});

describe('who may evaluate', () => {
  it('answers 404 to another organisation’s agent and to company users, sign-in to visitors', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2 });
    const other = await createOrganisation(rt, { kind: 'buyer', name: 'Autre acheteur' });
    const outsider = await signedInAs(rt, app, 'buyer_agent', other);
    const company = new (await import('../../../test/support/browser.js')).TestBrowser(app);
    const bidder = tender.bids[0]?.user as { email: string; password: string };
    await company.signIn(bidder.email, bidder.password);
    const urls = [
      base(tender),
      lotUrl(tender, 1, 'recevabilite'),
      lotUrl(tender, 1, 'notation'),
      lotUrl(tender, 1, 'classement'),
      lotUrl(tender, 1, 'decision'),
      `${base(tender)}/rapport.pdf`,
    ];
    for (const url of urls) {
      expect((await outsider.browser.get(url)).statusCode, url).toBe(404);
      expect((await company.get(url)).statusCode, url).toBe(404);
      expect(isSentToSignIn(await app.inject({ method: 'GET', url })), url).toBe(true);
    }
    const post = await outsider.browser.post(`${base(tender)}/demarrer`, {}, { from: '/mon-espace' });
    expect(post.statusCode).toBe(404);
    const companyPost = await company.post(`${base(tender)}/demarrer`, {}, { from: '/mon-espace' });
    expect(companyPost.statusCode).toBe(404);
    const row = await rt.db
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('opened');
  });
});

describe('admissibility and classification', () => {
  it('sends a completion request by message with its deadline, and refuses a rejection without reason', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2 });
    const { browser, user } = await agentFor(tender);
    await startEvaluation(rt, agentPrincipal(user, tender.buyerId), { reference: tender.reference });
    const [a, b] = tender.bids as [OpenedTender['bids'][number], OpenedTender['bids'][number]];
    const refused = await browser.post(lotUrl(tender, 1, 'recevabilite'), {
      [`adm-${a.submissionId}`]: 'rejected',
      [`admreason-${a.submissionId}`]: '',
      [`adm-${b.submissionId}`]: 'complete',
      [`class-${b.submissionId}`]: 'irregular',
      [`classreason-${b.submissionId}`]: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Indiquez le motif.');
    expect(
      await rt.db.selectFrom('candidature_assessments').select('status').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);

    const saved = await browser.post(lotUrl(tender, 1, 'recevabilite'), {
      [`adm-${a.submissionId}`]: 'to_complete',
      [`admreason-${a.submissionId}`]: 'Attestation d’assurance décennale manquante.',
      [`replyby-${a.submissionId}`]: '2099-03-10',
      [`replytime-${a.submissionId}`]: '12:00',
      [`adm-${b.submissionId}`]: 'complete',
      [`class-${b.submissionId}`]: 'irregular',
      [`classreason-${b.submissionId}`]: 'Le bordereau des prix n’est pas rempli.',
    });
    expect(saved.statusCode).toBe(303);
    const messages = await messagesOf(tender.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      company_id: a.company.id,
      category: 'completion_request',
      sender_side: 'buyer',
    });
    expect(messages[0]?.reply_by?.toISOString()).toBe('2099-03-10T11:00:00.000Z');
    expect(messages[0]?.body).toContain('Attestation d’assurance décennale manquante.');
    // saving again without change sends nothing more; regularising the irregular offer keeps a trace
    const again = await browser.post(lotUrl(tender, 1, 'recevabilite'), {
      [`adm-${a.submissionId}`]: 'to_complete',
      [`admreason-${a.submissionId}`]: 'Attestation d’assurance décennale manquante.',
      [`replyby-${a.submissionId}`]: '2099-03-10',
      [`replytime-${a.submissionId}`]: '12:00',
      [`adm-${b.submissionId}`]: 'complete',
      [`class-${b.submissionId}`]: 'regular',
    });
    expect(again.statusCode).toBe(303);
    expect(await messagesOf(tender.id)).toHaveLength(1);
    const offer = await rt.db
      .selectFrom('offer_assessments')
      .selectAll()
      .where('submission_id', '=', b.submissionId)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ classification: 'regular', regularised: true });
  });
});

describe('scoring grid', () => {
  it('refuses scores out of range or not numeric and writes nothing; ranks once valid', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 3 });
    const { browser, user } = await agentFor(tender);
    const principal = agentPrincipal(user, tender.buyerId);
    await startEvaluation(rt, principal, { reference: tender.reference });
    await assessBids(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      bids: tender.bids.map((b, i) => ({
        submissionId: b.submissionId,
        admissibility: 'complete',
        admissibilityReason: '',
        replyBy: null,
        classification: i === 2 ? 'unacceptable' : 'regular',
        classificationReason: i === 2 ? 'Prix supérieur aux crédits budgétaires.' : '',
      })),
    });
    const [, q] = await criteriaOf(tender.id);
    const [a, b, c] = tender.bids.map((x) => x.submissionId) as [string, string, string];
    const grid = (values: Record<string, string>) =>
      browser.post(lotUrl(tender, 1, 'notation'), {
        scaleMode: 'scale',
        scaleMax: '20',
        priceFormula: 'proportional',
        [`amount-${a}`]: '100 000',
        [`amount-${b}`]: '80 000,00',
        [`amount-${c}`]: '500 000',
        [`score-${a}-${q?.id}`]: '18',
        [`score-${b}-${q?.id}`]: '10',
        ...values,
      });
    const outOfRange = await grid({ [`score-${a}-${q?.id}`]: '25' });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.body).toContain('La note sort du barème');
    const notNumber = await grid({ [`score-${b}-${q?.id}`]: 'bien' });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.body).toContain('La note doit être un nombre.');
    const badAmount = await grid({ [`amount-${a}`]: '-3' });
    expect(badAmount.statusCode).toBe(400);
    const notRegular = await grid({ [`score-${c}-${q?.id}`]: '12' });
    expect(notRegular.statusCode).toBe(400);
    expect(notRegular.body).toContain('Seules les offres régulières');
    const badScale = await grid({ scaleMax: '0' });
    expect(badScale.statusCode).toBe(400);
    expect(
      await rt.db.selectFrom('offer_scores').select('points_centi').where('submission_id', 'in', [a, b, c]).execute(),
    ).toHaveLength(0);
    expect(
      (
        await rt.db
          .selectFrom('offer_assessments')
          .select('amount_cents')
          .where('submission_id', 'in', [a, b, c])
          .execute()
      ).every((r) => r.amount_cents === null),
    ).toBe(true);

    expect((await grid({})).statusCode).toBe(303);
    const ranking = await browser.get(lotUrl(tender, 1, 'classement'));
    expect(ranking.statusCode).toBe(200);
    // a: 60 × 0.8 + 40 × 18/20 = 84 ; b: 60 + 20 = 80
    const rows = [
      ...ranking.body.matchAll(/<tr><td>(\d+)<\/td><th scope="row">([^<]+)<\/th>.*?<strong>([\d,]+)<\/strong>/g),
    ].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['1', tender.bids[0]?.company.name, '84,00'],
      ['2', tender.bids[1]?.company.name, '80,00'],
    ]);
    expect(ranking.body).toContain('Plis écartés');
  });
});

describe('decisions', () => {
  it('refuses an award before the evaluation is complete, with nothing written', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2 });
    const { browser, user } = await agentFor(tender);
    await startEvaluation(rt, agentPrincipal(user, tender.buyerId), { reference: tender.reference });
    const review = await browser.post(lotUrl(tender, 1, 'decision'), { outcome: 'awarded', strengths: 'Bonne offre' });
    expect(review.statusCode).toBe(400);
    expect(review.body).toContain('Attribution impossible : chaque pli du lot doit avoir sa candidature examinée');
    const forced = await browser.post(lotUrl(tender, 1, 'decision'), {
      outcome: 'awarded',
      strengths: 'Bonne offre',
      confirmed: '1',
    });
    expect(forced.statusCode).toBe(409);
    // every bid assessed, but the regular offers are not scored yet
    await assessBids(rt, agentPrincipal(user, tender.buyerId), {
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
    const unscored = await browser.post(lotUrl(tender, 1, 'decision'), {
      outcome: 'awarded',
      strengths: 'Bonne offre',
      confirmed: '1',
    });
    expect(unscored.statusCode).toBe(409);
    expect(unscored.body).toContain('chaque offre régulière doit avoir son montant et une note pour chaque critère');
    expect(
      await rt.db.selectFrom('lot_decisions').select('id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);
    expect(await messagesOf(tender.id)).toHaveLength(0);
    expect((await eventsOf(tender.id)).filter((e) => e.type.startsWith('lot.'))).toHaveLength(0);
  });

  it('awards after a confirmation: letters with the standstill date, lot.awarded, award notice', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 4 });
    const { browser, user } = await agentFor(tender);
    const principal = await readyToAward(tender, user, [100_000, 80_000, 120_000, 60_000], ['18', '10', '20', '20']);
    const excluded = tender.bids[3] as OpenedTender['bids'][number];
    await assessBids(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      bids: [
        {
          submissionId: excluded.submissionId,
          admissibility: 'rejected',
          admissibilityReason: 'Chiffre d’affaires inférieur au minimum exigé.',
          replyBy: null,
          classification: 'regular',
          classificationReason: '',
        },
      ],
    });
    // a: 48 + 36 = 84 ; b: 60 + 20 = 80 ; c: 40 + 40 = 80 (tie with b, b cheaper)
    const ranking = await browser.get(lotUrl(tender, 1, 'classement'));
    expect(ranking.body).toContain('Prêt pour la décision');
    expect(ranking.body.match(/ex æquo, départagé par le prix/g)).toHaveLength(2);
    const review = await browser.post(lotUrl(tender, 1, 'decision'), {
      outcome: 'awarded',
      strengths: 'Meilleure valeur technique : méthodologie détaillée, équipe dédiée.',
    });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Confirmer la décision');
    expect(
      await rt.db.selectFrom('lot_decisions').select('id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);
    const done = await browser.post(
      lotUrl(tender, 1, 'decision'),
      {
        outcome: 'awarded',
        reason: '',
        strengths: 'Meilleure valeur technique : méthodologie détaillée, équipe dédiée.',
        confirmed: '1',
      },
      { from: lotUrl(tender, 1, 'decision') },
    );
    expect(done.statusCode).toBe(303);
    const decision = await rt.db
      .selectFrom('lot_decisions')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .executeTakeFirstOrThrow();
    const [winner, second, third] = tender.bids as [
      OpenedTender['bids'][number],
      OpenedTender['bids'][number],
      OpenedTender['bids'][number],
    ];
    expect(decision).toMatchObject({
      outcome: 'awarded',
      winner_company_id: winner.company.id,
      offer_amount_cents: 10_000_000,
    });
    const ends = decision.standstill_ends_at as Date;
    const sentParisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(decision.decided_at);
    const lastDay = new Date(`${sentParisDay}T00:00:00Z`);
    lastDay.setUTCDate(lastDay.getUTCDate() + 11);
    const lastDayFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(lastDay);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(ends.getTime() - 1))).toBe(
      lastDay.toISOString().slice(0, 10),
    );

    const messages = await messagesOf(tender.id);
    expect(messages.map((m) => [m.company_id, m.category])).toEqual(
      expect.arrayContaining([
        [winner.company.id, 'award_letter'],
        [second.company.id, 'rejection_letter'],
        [third.company.id, 'rejection_letter'],
      ]),
    );
    expect(messages).toHaveLength(4);
    expect(messages.find((m) => m.company_id === excluded.company.id)?.category).toBe('rejection_letter');
    const toExcluded = messages.find((m) => m.company_id === excluded.company.id)?.body ?? '';
    expect(toExcluded).toContain('Votre candidature a été rejetée pour le motif suivant :');
    expect(toExcluded).toContain('Chiffre d’affaires inférieur au minimum exigé.');
    expect(toExcluded).not.toContain('classée au rang');
    const toSecond = messages.find((m) => m.company_id === second.company.id)?.body ?? '';
    expect(toSecond).toContain('classée au rang 2 sur 3 avec une note de 80,00 sur 100');
    expect(toSecond).toContain(
      `Le marché est attribué à ${winner.company.name}, dont l’offre a obtenu la note de 84,00 sur 100`,
    );
    expect(toSecond).toContain('Meilleure valeur technique : méthodologie détaillée, équipe dédiée.');
    expect(toSecond).toContain(`délai de 11 jours`);
    expect(toSecond).toContain(`pas avant la fin du ${lastDayFr}`);
    expect(messages.find((m) => m.company_id === third.company.id)?.body).toContain('classée au rang 3 sur 3');

    const events = await eventsOf(tender.id);
    const awarded = events.find((e) => e.type === 'lot.awarded');
    const payload = awarded?.payload as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(
      [
        'id',
        'tenderId',
        'lotId',
        'lotNumber',
        'lotTitle',
        'tender',
        'buyer',
        'winner',
        'offerAmountCents',
        'offersReceived',
        'decidedAt',
        'decidedBy',
        'standstillEndsAt',
      ].sort(),
    );
    expect(payload).toMatchObject({
      id: decision.id,
      tenderId: tender.id,
      lotId: tender.lotIds[0],
      lotNumber: 1,
      offerAmountCents: 10_000_000,
      offersReceived: 4,
      decidedBy: user.id,
      standstillEndsAt: ends.toISOString(),
      winner: {
        companyId: winner.company.id,
        name: winner.company.name,
        siret: winner.company.siret,
        consortium: null,
      },
      tender: {
        reference: tender.reference,
        procedureType: 'open',
        mainCategory: 'works',
        cpvCodes: ['45000000'],
        department: '93',
      },
    });
    expect(Object.keys(payload.tender as object).sort()).toEqual(
      [
        'reference',
        'title',
        'procedureType',
        'mainCategory',
        'cpvCodes',
        'department',
        'nutsCode',
        'durationMonths',
        'hasOptions',
        'optionsDescription',
        'socialClauseInsertion',
        'socialClauseOther',
        'environmentalClause',
        'environmentalCriterion',
        'reservedContract',
        'publishedAt',
      ].sort(),
    );
    expect(events.some((e) => e.type === 'tender.awarded')).toBe(true);
    const status = await rt.db
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('awarded');

    // the award notice on the public page; nothing changes any more
    const notice = await app.inject({ method: 'GET', url: `/consultations/${tender.reference}` });
    expect(notice.body).toContain('Avis d’attribution');
    expect(notice.body).toContain(winner.company.name);
    expect(notice.body).toContain('100\u202f000');
    expect(notice.body).not.toContain(second.company.name);
    const late = await browser.post(lotUrl(tender, 1, 'decision'), {
      outcome: 'cancelled',
      reason: 'x',
      confirmed: '1',
    });
    expect(late.statusCode).toBe(409);
    const pdf = await browser.get(`${base(tender)}/rapport.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('leaves nothing written when a letter cannot be posted in the middle of an award', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 3 });
    const { user } = await agentFor(tender);
    const principal = await readyToAward(tender, user, [100_000, 80_000, 120_000], ['18', '10', '20']);
    const last = tender.bids[2]?.company.id as string;
    // the third company's thread cannot be created: its rejection letter fails after the others were posted
    await sql
      .raw(`CREATE FUNCTION refuse_thread() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.company_id = '${last}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_thread BEFORE INSERT ON message_threads FOR EACH ROW EXECUTE FUNCTION refuse_thread();`)
      .execute(rt.db);
    try {
      await expect(
        decideLot(rt, principal, {
          reference: tender.reference,
          lotNumber: 1,
          outcome: 'awarded',
          reason: '',
          strengths: 'Meilleure offre',
        }),
      ).rejects.toThrow('refused for the test');
    } finally {
      await sql.raw('DROP TRIGGER refuse_thread ON message_threads; DROP FUNCTION refuse_thread();').execute(rt.db);
    }
    expect(
      await rt.db.selectFrom('lot_decisions').select('id').where('tender_id', '=', tender.id).execute(),
    ).toHaveLength(0);
    expect(await messagesOf(tender.id)).toHaveLength(0);
    expect((await eventsOf(tender.id)).filter((e) => e.type.startsWith('lot.'))).toHaveLength(0);
    const row = await rt.db
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('evaluation');
    // and the award goes through once the cause is gone
    const done = await decideLot(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      outcome: 'awarded',
      reason: '',
      strengths: 'Meilleure offre',
    });
    expect(done.tenderStatus).toBe('awarded');
    expect(await messagesOf(tender.id)).toHaveLength(3);
  });

  it('decides lots one by one: cancelled and unsuccessful make the tender unsuccessful', async () => {
    const tender = await openedTenderWithBids(rt, { companies: 2, lots: 2, bidLots: (i) => (i === 0 ? [1, 2] : [2]) });
    const { user } = await agentFor(tender);
    const principal = agentPrincipal(user, tender.buyerId);
    // lot 2 has its own criteria, which replace the tender-wide ones for it
    await rt.db
      .insertInto('award_criteria')
      .values([
        {
          id: uuidv7(),
          tender_id: tender.id,
          lot_id: tender.lotIds[1] as string,
          position: 1,
          label: 'Prix',
          kind: 'price',
          weight_bp: 3000,
        },
        {
          id: uuidv7(),
          tender_id: tender.id,
          lot_id: tender.lotIds[1] as string,
          position: 2,
          label: 'Délais',
          kind: 'quality',
          weight_bp: 7000,
        },
      ])
      .execute();
    await startEvaluation(rt, principal, { reference: tender.reference });
    const frozen = await rt.db
      .selectFrom('lot_evaluations')
      .select(['lot_id', 'criteria'])
      .where('tender_id', '=', tender.id)
      .execute();
    const weightsOf = (lotId: string | undefined) =>
      ((frozen.find((f) => f.lot_id === lotId)?.criteria ?? []) as { label: string; weightBp: number }[]).map((c) => [
        c.label,
        c.weightBp,
      ]);
    expect(weightsOf(tender.lotIds[0])).toEqual([
      ['Prix', 6000],
      ['Valeur technique', 4000],
    ]);
    expect(weightsOf(tender.lotIds[1])).toEqual([
      ['Prix', 3000],
      ['Délais', 7000],
    ]);
    await expect(
      decideLot(rt, principal, {
        reference: tender.reference,
        lotNumber: 1,
        outcome: 'cancelled',
        reason: ' ',
        strengths: '',
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    const first = await decideLot(rt, principal, {
      reference: tender.reference,
      lotNumber: 1,
      outcome: 'cancelled',
      reason: 'Besoin redéfini.',
      strengths: '',
    });
    expect(first.tenderStatus).toBe('evaluation');
    const second = await decideLot(rt, principal, {
      reference: tender.reference,
      lotNumber: 2,
      outcome: 'unsuccessful',
      reason: 'Aucune offre.',
      strengths: '',
    });
    expect(second.tenderStatus).toBe('unsuccessful');
    const events = (await eventsOf(tender.id)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['lot.cancelled', 'lot.unsuccessful', 'tender.unsuccessful']));
    const cancelled = (await eventsOf(tender.id)).find((e) => e.type === 'lot.cancelled')?.payload as Record<
      string,
      unknown
    >;
    expect(Object.keys(cancelled).sort()).toEqual(['decidedAt', 'id', 'lotId', 'lotNumber', 'reason', 'tenderId']);
    // lot 1 had one bidder, lot 2 two: each is told
    expect((await messagesOf(tender.id)).map((m) => m.category)).toEqual(['message', 'message', 'message']);
  });
});
