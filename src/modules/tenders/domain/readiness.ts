import type { Selectable } from 'kysely';
import type { AwardCriteriaTable, LotsTable, TendersTable } from '../../../platform/db/schema.js';
import { fullWeight, sumOfWeights } from './criteria.js';
import { needsCandidatureDeadline } from './legalDelays.js';

/**
 * Is a draft complete enough to be published? Pure: the caller reads the rows (any shape with
 * these columns, e.g. `selectAll()` rows) and the number of documents of the current DCE.
 * Returns catalogue keys (messages in `drafting/messages.ts`), in the order of the drafting
 * steps; an empty list means ready. Legal-delay findings are warnings, not problems: see
 * `legalDelays.ts`.
 */
export type ReadinessTender = Pick<
  Selectable<TendersTable>,
  | 'title'
  | 'procedure_type'
  | 'cpv_codes'
  | 'has_options'
  | 'options_description'
  | 'submission_deadline'
  | 'candidature_deadline'
  | 'questions_deadline'
  | 'contact_name'
  | 'contact_email'
>;
export type ReadinessLot = Pick<Selectable<LotsTable>, 'id' | 'number'>;
export type ReadinessCriterion = Pick<Selectable<AwardCriteriaTable>, 'lot_id' | 'weight_bp'>;

export const readinessProblems = [
  'drafting.readiness.cpv_missing',
  'drafting.readiness.options_description_missing',
  'drafting.readiness.no_lot',
  'drafting.readiness.criteria_missing',
  'drafting.readiness.weights_not_100',
  'drafting.readiness.deadline_missing',
  'drafting.readiness.deadline_past',
  'drafting.readiness.candidature_deadline_missing',
  'drafting.readiness.candidature_deadline_past',
  'drafting.readiness.candidature_after_submission',
  'drafting.readiness.questions_after_submission',
  'drafting.readiness.contact_missing',
  'drafting.readiness.no_document',
] as const;
export type ReadinessProblem = (typeof readinessProblems)[number];

/** The criteria that apply to a lot: its own when it has some, otherwise the common ones. */
export function criteriaForLot<C extends ReadinessCriterion>(criteria: readonly C[], lotId: string): C[] {
  const own = criteria.filter((c) => c.lot_id === lotId);
  return own.length > 0 ? own : criteria.filter((c) => c.lot_id === null);
}

export function publicationProblems(
  tender: ReadinessTender,
  lots: readonly ReadinessLot[],
  criteria: readonly ReadinessCriterion[],
  documentCount: number,
  now: Date,
): ReadinessProblem[] {
  const problems = new Set<ReadinessProblem>();
  if (tender.cpv_codes.length === 0) problems.add('drafting.readiness.cpv_missing');
  if (tender.has_options && !tender.options_description?.trim()) {
    problems.add('drafting.readiness.options_description_missing');
  }

  if (lots.length === 0) problems.add('drafting.readiness.no_lot');
  // every scope that has criteria must add up to 100 %, and every lot must be covered
  const scopes = new Map<string | null, number[]>();
  for (const c of criteria) scopes.set(c.lot_id, [...(scopes.get(c.lot_id) ?? []), c.weight_bp]);
  for (const weights of scopes.values()) {
    if (sumOfWeights(weights) !== fullWeight) problems.add('drafting.readiness.weights_not_100');
  }
  if (lots.length === 0 ? criteria.length === 0 : lots.some((lot) => criteriaForLot(criteria, lot.id).length === 0)) {
    problems.add('drafting.readiness.criteria_missing');
  }

  const submission = tender.submission_deadline;
  if (!submission) problems.add('drafting.readiness.deadline_missing');
  else if (submission.getTime() <= now.getTime()) problems.add('drafting.readiness.deadline_past');
  if (needsCandidatureDeadline(tender.procedure_type)) {
    const candidature = tender.candidature_deadline;
    if (!candidature) problems.add('drafting.readiness.candidature_deadline_missing');
    else {
      if (candidature.getTime() <= now.getTime()) problems.add('drafting.readiness.candidature_deadline_past');
      if (submission && candidature.getTime() >= submission.getTime()) {
        problems.add('drafting.readiness.candidature_after_submission');
      }
    }
  }
  if (submission && tender.questions_deadline && tender.questions_deadline.getTime() >= submission.getTime()) {
    problems.add('drafting.readiness.questions_after_submission');
  }

  if (!tender.contact_email?.trim() || !tender.contact_name?.trim()) problems.add('drafting.readiness.contact_missing');
  if (documentCount === 0) problems.add('drafting.readiness.no_document');
  return readinessProblems.filter((p) => problems.has(p));
}
