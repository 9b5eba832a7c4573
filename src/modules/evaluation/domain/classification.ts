import type { Admissibility, OfferClassification } from '../../../platform/db/schema.js';

/**
 * Admissibility of candidatures and classification of offers. Pure.
 *
 * Candidatures (R2144-1 to R2144-7): the buyer checks the candidature; when documents are missing or
 * incomplete it may ask every candidate concerned to complete it within an appropriate deadline
 * (R2144-2) — 'to_complete', sent by message with a reply deadline; a candidature that stays
 * incomplete, or a candidate who is excluded or lacks the required capacities, is rejected with a
 * reason ('rejected'); otherwise 'complete'. The offer of a rejected candidate is not examined.
 *
 * Offers (L2152-1 to L2152-4, R2152-1 and following):
 * - 'regular': meets every requirement of the consultation documents;
 * - 'irregular' (L2152-2): does not meet the requirements of the documents, notably because it is
 *   incomplete, or breaks social or environmental law;
 * - 'unacceptable' (L2152-3): its price exceeds the credits budgeted for the contract;
 * - 'inappropriate' (L2152-4): unrelated to the contract, it cannot meet the buyer's need without
 *   being substantially changed.
 * In procedures without negotiation, irregular, unacceptable and inappropriate offers are eliminated
 * (R2152-1). The buyer may however allow every bidder whose offer is irregular to regularise it within
 * an appropriate deadline, provided it is not abnormally low (R2152-2); regularisation cannot change
 * the offer's essential characteristics. Here: an irregular offer regularised is re-classified
 * 'regular' and keeps a trace (`regularised`). Only regular offers are scored and ranked; the
 * others are eliminated with the reason the buyer wrote, which the rejection letter repeats.
 */
export const admissibilities: readonly Admissibility[] = ['complete', 'to_complete', 'rejected'];
export const classifications: readonly OfferClassification[] = [
  'regular',
  'irregular',
  'unacceptable',
  'inappropriate',
];

/** Classification needs a reason unless the offer is regular; admissibility unless complete. */
export function needsReason(value: OfferClassification | Admissibility): boolean {
  return value !== 'regular' && value !== 'complete';
}

/** Whether a regular classification after an irregular one is a regularisation (R2152-2). */
export function isRegularisation(before: OfferClassification | null, after: OfferClassification | null): boolean {
  return before === 'irregular' && after === 'regular';
}

export interface BidState {
  submissionId: string;
  admissibility: Admissibility | null;
  classification: OfferClassification | null;
}

/** The part of a bid the evaluation still waits for before a lot can be awarded, or null. */
export function pendingStep(bid: BidState): 'admissibility' | 'classification' | null {
  if (bid.admissibility === null || bid.admissibility === 'to_complete') return 'admissibility';
  if (bid.admissibility === 'rejected') return null;
  return bid.classification === null ? 'classification' : null;
}

/** Bids whose offer is ranked: admissible candidature and regular offer. */
export function isRanked(bid: BidState): boolean {
  return bid.admissibility === 'complete' && bid.classification === 'regular';
}
