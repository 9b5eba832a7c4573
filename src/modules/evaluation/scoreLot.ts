import { recordAudit } from '../../platform/audit/record.js';
import type { PriceFormula, ScaleMode } from '../../platform/db/schema.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { editableLot, evaluatorTender, lotByNumber } from './context.js';
import { isRanked } from './domain/classification.js';
import { parseAmountCents, parseScore, priceFormulas, type Scale } from './domain/scoring.js';

export interface ScoringGrid {
  scaleMode: string;
  scaleMax: string;
  priceFormula: string;
  /** submission id → amount as typed (euros) */
  amounts: Record<string, string>;
  /** `${submissionId}:${criterionId}` → score as typed */
  scores: Record<string, string>;
}

const scoreMessages = {
  not_a_number: 'evaluation.error.score_not_a_number',
  out_of_range: 'evaluation.error.score_out_of_range',
  too_precise: 'evaluation.error.score_too_precise',
} as const;

/**
 * Saves the scoring grid of a lot in one go: the scale (a mark out of N for every criterion, or
 * points out of each criterion's weight), the price formula, the offer amounts and every score of
 * every regular offer for every non-price criterion (the price criterion is computed, never typed).
 * Every value is checked against its range first; one bad value and nothing is written.
 */
export async function scoreLot(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; lotNumber: number; grid: ScoringGrid; ip?: string | undefined; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const { grid } = input;
  await rt.db.transaction().execute(async (trx) => {
    const tender = await evaluatorTender(trx, principal, input.reference, { forUpdate: true });
    const lot = await lotByNumber(trx, tender.id, input.lotNumber);
    const view = await editableLot(trx, tender, lot);
    const setup = view.setup as NonNullable<typeof view.setup>;
    const errors: FieldError[] = [];
    const scaleMode: ScaleMode | null =
      grid.scaleMode === 'points' ? 'points' : grid.scaleMode === 'scale' ? 'scale' : null;
    if (!scaleMode) errors.push({ field: 'scaleMode', message: 'form.invalid' });
    const scaleMax = /^\d{1,4}$/.test(grid.scaleMax.trim()) ? Number(grid.scaleMax.trim()) : Number.NaN;
    if (scaleMode === 'scale' && !(scaleMax >= 1 && scaleMax <= 1000))
      errors.push({ field: 'scaleMax', message: 'evaluation.error.scale' });
    const formula = (priceFormulas as readonly string[]).includes(grid.priceFormula)
      ? (grid.priceFormula as PriceFormula)
      : null;
    if (!formula) errors.push({ field: 'priceFormula', message: 'form.invalid' });
    const scale: Scale = {
      mode: scaleMode ?? 'scale',
      max: scaleMode === 'scale' && scaleMax >= 1 ? scaleMax : setup.scaleMax,
    };
    const amounts = new Map<string, number | null>();
    const scores: { submissionId: string; criterionId: string; centi: number }[] = [];
    const bidIds = new Set(view.bids.map((b) => b.submissionId));
    for (const key of Object.keys(grid.amounts))
      if (!bidIds.has(key)) throw new AppError('validation', { messageKey: 'form.invalid' });
    for (const b of view.bids) {
      const typed = (grid.amounts[b.submissionId] ?? '').trim();
      if (typed === '') amounts.set(b.submissionId, null);
      else {
        const cents = parseAmountCents(typed);
        if (cents === null) errors.push({ field: `amount-${b.submissionId}`, message: 'evaluation.error.amount' });
        amounts.set(b.submissionId, cents);
      }
      for (const c of setup.criteria) {
        if (c.kind === 'price') continue;
        const key = `${b.submissionId}:${c.id}`;
        const text = grid.scores[key] ?? '';
        if (!isRanked(b)) {
          if (text.trim() !== '')
            errors.push({ field: `score-${b.submissionId}-${c.id}`, message: 'evaluation.error.not_regular' });
          continue;
        }
        const parsed = parseScore(text, c, scale);
        if (!parsed.ok)
          errors.push({ field: `score-${b.submissionId}-${c.id}`, message: scoreMessages[parsed.problem] });
        else if (parsed.centi !== null)
          scores.push({ submissionId: b.submissionId, criterionId: c.id, centi: parsed.centi });
      }
    }
    const known = new Set(setup.criteria.map((c) => c.id));
    for (const key of Object.keys(grid.scores)) {
      const [sid, cid] = key.split(':');
      if (!sid || !cid || !bidIds.has(sid) || !known.has(cid))
        throw new AppError('validation', { messageKey: 'form.invalid' });
    }
    if (errors.length > 0) throw new AppError('validation', { fields: errors });

    await trx
      .updateTable('lot_evaluations')
      .set({ scale_mode: scale.mode, scale_max: scale.max, price_formula: formula as PriceFormula, updated_at: now })
      .where('lot_id', '=', lot.id)
      .execute();
    for (const b of view.bids) {
      const amount = amounts.get(b.submissionId) ?? null;
      if (amount === b.amountCents) continue;
      await trx
        .insertInto('offer_assessments')
        .values({
          lot_id: lot.id,
          submission_id: b.submissionId,
          amount_cents: amount,
          updated_at: now,
          updated_by: principal.user.id,
        })
        .onConflict((oc) =>
          oc
            .columns(['lot_id', 'submission_id'])
            .doUpdateSet({ amount_cents: amount, updated_at: now, updated_by: principal.user.id }),
        )
        .execute();
    }
    await trx.deleteFrom('offer_scores').where('lot_id', '=', lot.id).execute();
    if (scores.length > 0) {
      await trx
        .insertInto('offer_scores')
        .values(
          scores.map((s) => ({
            lot_id: lot.id,
            submission_id: s.submissionId,
            criterion_id: s.criterionId,
            points_centi: s.centi,
          })),
        )
        .execute();
    }
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'evaluation.scored',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: {
          lot: lot.number,
          scale: { mode: setup.scaleMode, max: setup.scaleMax },
          priceFormula: setup.priceFormula,
          amounts: Object.fromEntries(view.bids.map((b) => [b.submissionId, b.amountCents])),
          scores: Object.fromEntries(view.bids.map((b) => [b.submissionId, b.scores])),
        },
        after: {
          lot: lot.number,
          scale,
          priceFormula: formula,
          amounts: Object.fromEntries(amounts),
          scores: scores.map((s) => [s.submissionId, s.criterionId, s.centi]),
        },
      },
    );
  });
}
