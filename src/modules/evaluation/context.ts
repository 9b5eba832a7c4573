import type { DbOrTrx } from '../../platform/db/kysely.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { isEvaluating, isEvaluator } from './policies.js';
import {
  criteriaOfLot,
  currentCriteria,
  type LotRow,
  type LotView,
  lotsOf,
  lotView,
  sameCriteria,
  type TenderHead,
  tenderByReference,
} from './repo.js';

/** The tender, if the principal evaluates for its buyer; otherwise a 404 (nothing else is read). */
export async function evaluatorTender(
  db: DbOrTrx,
  principal: Principal,
  reference: string,
  options: { forUpdate?: boolean } = {},
): Promise<TenderHead> {
  const tender = await tenderByReference(db, reference, options);
  if (!tender || !isEvaluator(principal, tender)) throw new AppError('not_found');
  return tender;
}

export async function lotByNumber(db: DbOrTrx, tenderId: string, lotNumber: number): Promise<LotRow> {
  const lot = (await lotsOf(db, tenderId)).find((l) => l.number === lotNumber);
  if (!lot) throw new AppError('not_found');
  return lot;
}

/**
 * The checks before any change to a lot's evaluation: the tender is in evaluation, the lot is not
 * decided yet, and its criteria and weights are still exactly those frozen when the evaluation
 * started (they can never change after opening: the tenders module locks them, and this refuses to
 * go on if they moved anyway).
 */
export async function editableLot(db: DbOrTrx, tender: TenderHead, lot: LotRow): Promise<LotView> {
  if (!isEvaluating(tender)) {
    throw new AppError('conflict', {
      messageKey: tender.status === 'opened' ? 'evaluation.error.not_started' : 'evaluation.error.closed',
    });
  }
  const view = await lotView(db, tender.id, lot);
  if (!view.setup) throw new AppError('conflict', { messageKey: 'evaluation.error.not_started' });
  if (view.decision) throw new AppError('conflict', { messageKey: 'evaluation.error.decided' });
  await assertWeightsUnchanged(db, tender.id, lot, view);
  return view;
}

export async function assertWeightsUnchanged(db: DbOrTrx, tenderId: string, lot: LotRow, view: LotView): Promise<void> {
  if (!view.setup) return;
  const current = criteriaOfLot(await currentCriteria(db, tenderId), lot.id);
  if (!sameCriteria(view.setup.criteria, current)) {
    throw new AppError('conflict', { messageKey: 'evaluation.error.weights_changed' });
  }
}
