import { isRanked, pendingStep } from './domain/classification.js';
import { type Ranking, rankOffers } from './domain/scoring.js';
import type { LotView } from './repo.js';

export type Readiness =
  | { ready: true; ranking: Extract<Ranking, { complete: true }> }
  | {
      ready: false;
      reason: 'not_started' | 'pending_bids' | 'missing_scores' | 'no_regular_offer';
      pending: { submissionId: string; step: string }[];
    };

/** The ranking of a lot's regular offers, or what it still waits for (bids to assess, scores to give). */
export function rankingOf(view: LotView): Readiness {
  if (!view.setup) return { ready: false, reason: 'not_started', pending: [] };
  const pending = view.bids
    .map((b) => ({ submissionId: b.submissionId, step: pendingStep(b) }))
    .filter((p): p is { submissionId: string; step: 'admissibility' | 'classification' } => p.step !== null);
  const ranked = view.bids.filter(isRanked);
  const ranking = rankOffers(
    view.setup.criteria,
    { mode: view.setup.scaleMode, max: view.setup.scaleMax },
    view.setup.priceFormula,
    ranked.map((b) => ({
      submissionId: b.submissionId,
      companyName: b.companyName,
      registerPosition: b.registerPosition,
      amountCents: b.amountCents,
      scores: b.scores,
    })),
  );
  if (pending.length > 0) return { ready: false, reason: 'pending_bids', pending };
  if (!ranking.complete) {
    return {
      ready: false,
      reason: 'missing_scores',
      pending: ranking.missing.map((m) => ({ submissionId: m.submissionId, step: m.criterionId ?? 'amount' })),
    };
  }
  if (ranking.offers.length === 0) return { ready: false, reason: 'no_regular_offer', pending: [] };
  return { ready: true, ranking };
}
