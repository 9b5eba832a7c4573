import type { CriterionKind } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { fullWeight, percentToBasisPoints, sumOfWeights } from '../domain/criteria.js';
import { type CriterionInput, maxCriteriaRows, readCriteriaRows } from './forms.js';

export interface ValidCriterion {
  label: string;
  kind: CriterionKind;
  weight_bp: number;
}

/**
 * Reads the criteria rows of a form: each needs a label and a weight (a percentage, decimals
 * allowed); the weights of a scope must add up to exactly 100 %, otherwise the error gives the
 * current sum. No rows at all is valid: it clears the scope.
 */
export function validateCriteria(
  body: Record<string, unknown>,
):
  | { ok: true; criteria: ValidCriterion[] }
  | { ok: false; errors: FieldError[]; rows: CriterionInput[]; sumBp: number | null } {
  const rows = readCriteriaRows(body);
  const errors: FieldError[] = [];
  const criteria: ValidCriterion[] = [];
  rows.forEach((row, index) => {
    const i = index + 1;
    if (!row.label) errors.push({ field: `label_${i}`, message: 'drafting.criteria.label.required' });
    else if (row.label.length > 300) errors.push({ field: `label_${i}`, message: 'drafting.title.too_long' });
    const weight = percentToBasisPoints(row.weightText);
    if (weight === null) errors.push({ field: `weight_${i}`, message: 'drafting.criteria.weight.invalid' });
    criteria.push({ label: row.label, kind: row.kind, weight_bp: weight ?? 0 });
  });
  if (rows.length > maxCriteriaRows) errors.push({ field: 'criteria', message: 'drafting.criteria.too_many' });
  const sum = sumOfWeights(criteria.map((c) => c.weight_bp));
  const allWeightsRead = !errors.some((e) => e.field.startsWith('weight_'));
  if (rows.length > 0 && allWeightsRead && sum !== fullWeight) {
    errors.push({ field: 'criteria', message: 'drafting.criteria.sum' });
  }
  if (errors.length > 0) return { ok: false, errors, rows, sumBp: allWeightsRead ? sum : null };
  return { ok: true, criteria };
}
