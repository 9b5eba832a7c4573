import { recordAudit } from '../../platform/audit/record.js';
import type { Trx } from '../../platform/db/kysely.js';
import type { LotOutcome, TenderStatus } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { formatParisDate } from '../../platform/i18n/paris-time.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { postMessageInTransaction } from '../messaging/index.js';
import { type TenderEvent, transition } from '../tenders/index.js';
import { editableLot, evaluatorTender, lotByNumber } from './context.js';
import {
  abandonLetter,
  awardLetter,
  type LetterContext,
  type RejectionGround,
  rejectionLetter,
} from './domain/letters.js';
import { standstillDays, standstillEndsAt } from './domain/standstill.js';
import { rankingOf } from './ranking.js';
import { lotsOf, type TenderHead } from './repo.js';

export interface LotDecisionInput {
  reference: string;
  lotNumber: number;
  outcome: LotOutcome;
  /** why the lot is unsuccessful or cancelled */
  reason: string;
  /** characteristics and relative advantages of the winning offer (award) */
  strengths: string;
  ip?: string | undefined;
  now?: Date;
}

/** Our letters always go through the secure messaging: the 11-day period of R2182-1 applies. */
const lettersAreElectronic = true;

const incomplete = {
  not_started: 'evaluation.error.not_started',
  pending_bids: 'evaluation.error.award_pending_bids',
  missing_scores: 'evaluation.error.award_missing_scores',
  no_regular_offer: 'evaluation.error.no_regular_offer',
} as const;

/**
 * Decides a lot: award (to the first of the ranking, only once every counted bid of the lot is
 * assessed and every regular offer scored), unsuccessful or cancelled (with a reason). On award the
 * winner gets an award letter and every other bidder a rejection letter with its reasons, score and
 * rank, the winner's name and score, the strengths of the winning offer and the end of the standstill
 * period; `lot.awarded` is recorded for contracts. When every lot is decided the tender moves to
 * awarded (one lot awarded is enough), unsuccessful or cancelled. One transaction: a refusal leaves
 * nothing written, letters included.
 */
export async function decideLot(
  rt: Runtime,
  principal: SessionPrincipal,
  input: LotDecisionInput,
): Promise<{ decisionId: string; tenderStatus: TenderStatus; standstillEndsAt: Date | null }> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  const strengths = input.strengths.trim();
  if (input.outcome !== 'awarded' && (reason === '' || reason.length > 5000))
    throw new AppError('validation', { fields: [{ field: 'reason', message: 'evaluation.error.reason_required' }] });
  if (input.outcome === 'awarded' && (strengths === '' || strengths.length > 5000))
    throw new AppError('validation', {
      fields: [{ field: 'strengths', message: 'evaluation.error.strengths_required' }],
    });

  return rt.db.transaction().execute(async (trx) => {
    const tender = await evaluatorTender(trx, principal, input.reference, { forUpdate: true });
    const lot = await lotByNumber(trx, tender.id, input.lotNumber);
    const view = await editableLot(trx, tender, lot);
    const lots = await lotsOf(trx, tender.id);
    const buyer = await trx
      .selectFrom('organisations')
      .select(['id', 'name', 'siret'])
      .where('id', '=', tender.buyer_id)
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const lotInfo = { number: lot.number, title: lot.title, count: lots.length };
    let ends: Date | null = null;

    if (input.outcome === 'awarded') {
      const readiness = rankingOf(view);
      if (!readiness.ready) throw new AppError('conflict', { messageKey: incomplete[readiness.reason] });
      const offers = readiness.ranking.offers;
      const first = offers[0] as (typeof offers)[number];
      const winner = view.bids.find((b) => b.submissionId === first.submissionId) as (typeof view.bids)[number];
      ends = standstillEndsAt(now, lettersAreElectronic);
      const context: LetterContext = {
        tender: { reference: tender.reference, title: tender.title },
        buyerName: buyer.name,
        lot: lotInfo,
        winner: { name: winner.companyName, total: first.total, amountCents: first.amountCents },
        strengths,
        standstillLastDay: formatParisDate(new Date(ends.getTime() - 1), 'fr'),
        standstillDays: standstillDays(lettersAreElectronic),
      };
      await trx
        .insertInto('lot_decisions')
        .values({
          id,
          tender_id: tender.id,
          lot_id: lot.id,
          outcome: 'awarded',
          reason: null,
          winner_submission_id: winner.submissionId,
          winner_company_id: winner.companyId,
          offer_amount_cents: first.amountCents,
          winner_total_micro: first.totalMicro,
          ranking: JSON.stringify(offers),
          standstill_ends_at: ends,
          decided_at: now,
          decided_by: principal.user.id,
        })
        .execute();
      await trx
        .updateTable('lot_evaluations')
        .set({ winning_offer_strengths: strengths, updated_at: now })
        .where('lot_id', '=', lot.id)
        .execute();
      const award = awardLetter(context);
      await postMessageInTransaction(rt, trx, {
        tenderId: tender.id,
        companyId: winner.companyId,
        from: 'buyer',
        senderUserId: null,
        category: 'award_letter',
        subject: award.subject,
        body: award.body,
      });
      for (const bid of view.bids) {
        if (bid.submissionId === winner.submissionId) continue;
        const ranked = offers.find((o) => o.submissionId === bid.submissionId);
        const ground: RejectionGround = ranked
          ? { kind: 'ranked', rank: ranked.rank, total: ranked.total, rankedCount: offers.length }
          : bid.admissibility === 'rejected'
            ? { kind: 'candidature', reason: bid.admissibilityReason ?? '' }
            : {
                kind: 'offer',
                classification: bid.classification as 'irregular' | 'unacceptable' | 'inappropriate',
                reason: bid.classificationReason ?? '',
              };
        const letter = rejectionLetter(context, ground);
        await postMessageInTransaction(rt, trx, {
          tenderId: tender.id,
          companyId: bid.companyId,
          from: 'buyer',
          senderUserId: null,
          category: 'rejection_letter',
          subject: letter.subject,
          body: letter.body,
        });
      }
      await recordEvent(trx, 'lot.awarded', {
        id,
        tenderId: tender.id,
        lotId: lot.id,
        lotNumber: lot.number,
        lotTitle: lot.title,
        tender: {
          reference: tender.reference,
          title: tender.title,
          procedureType: tender.procedure_type,
          mainCategory: tender.main_category,
          cpvCodes: lot.cpv_codes.length > 0 ? lot.cpv_codes : tender.cpv_codes,
          department: tender.department,
          nutsCode: tender.nuts_code,
          durationMonths: tender.duration_months,
          hasOptions: tender.has_options,
          optionsDescription: tender.options_description,
          socialClauseInsertion: tender.social_clause_insertion,
          socialClauseOther: tender.social_clause_other,
          environmentalClause: tender.environmental_clause,
          environmentalCriterion: tender.environmental_criterion,
          reservedContract: tender.reserved_contract,
          publishedAt: tender.published_at ? tender.published_at.toISOString() : null,
        },
        buyer: { id: buyer.id, name: buyer.name, siret: buyer.siret ?? '' },
        winner: {
          companyId: winner.companyId,
          name: winner.companyName,
          siret: winner.companySiret ?? '',
          consortium: winner.consortium,
        },
        offerAmountCents: first.amountCents,
        offersReceived: view.bids.length,
        decidedAt: now.toISOString(),
        decidedBy: principal.user.id,
        standstillEndsAt: ends.toISOString(),
      });
    } else {
      await trx
        .insertInto('lot_decisions')
        .values({
          id,
          tender_id: tender.id,
          lot_id: lot.id,
          outcome: input.outcome,
          reason,
          decided_at: now,
          decided_by: principal.user.id,
        })
        .execute();
      const letter = abandonLetter(
        { tender: { reference: tender.reference, title: tender.title }, buyerName: buyer.name, lot: lotInfo },
        input.outcome,
        reason,
      );
      for (const bid of view.bids) {
        await postMessageInTransaction(rt, trx, {
          tenderId: tender.id,
          companyId: bid.companyId,
          from: 'buyer',
          senderUserId: null,
          category: 'message',
          subject: letter.subject,
          body: letter.body,
        });
      }
      await recordEvent(trx, input.outcome === 'cancelled' ? 'lot.cancelled' : 'lot.unsuccessful', {
        id,
        tenderId: tender.id,
        lotId: lot.id,
        lotNumber: lot.number,
        reason,
        decidedAt: now.toISOString(),
      });
    }
    const tenderStatus = await closeWhenAllDecided(trx, tender, now);
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'evaluation.lot_decided',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { status: tender.status, lot: lot.number },
        after: {
          status: tenderStatus,
          lot: lot.number,
          decisionId: id,
          outcome: input.outcome,
          reason: input.outcome === 'awarded' ? null : reason,
          standstillEndsAt: ends,
          letters: view.bids.length,
        },
      },
    );
    return { decisionId: id, tenderStatus, standstillEndsAt: ends };
  });
}

/** Once every lot has its decision: awarded if one lot is, else cancelled if all are, else unsuccessful. */
async function closeWhenAllDecided(trx: Trx, tender: TenderHead, now: Date): Promise<TenderStatus> {
  const [lots, decisions] = await Promise.all([
    trx.selectFrom('lots').select('id').where('tender_id', '=', tender.id).execute(),
    trx.selectFrom('lot_decisions').select(['outcome', 'reason']).where('tender_id', '=', tender.id).execute(),
  ]);
  if (decisions.length < lots.length) return tender.status;
  const event: TenderEvent = decisions.some((d) => d.outcome === 'awarded')
    ? 'award'
    : decisions.every((d) => d.outcome === 'cancelled')
      ? 'cancel'
      : 'declareUnsuccessful';
  const status = transition(tender.status, event);
  const reasons = decisions.map((d) => d.reason).filter((r): r is string => Boolean(r));
  await trx
    .updateTable('tenders')
    .set({ status, updated_at: now, status_reason: event === 'award' ? null : reasons.join('\n').slice(0, 5000) })
    .where('id', '=', tender.id)
    .execute();
  await recordEvent(trx, `tender.${status}`, { id: tender.id });
  return status;
}
