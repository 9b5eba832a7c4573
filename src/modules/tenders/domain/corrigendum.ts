import type { TenderStatus } from '../../../platform/db/schema.js';
import { editModeOf, type FieldGroup } from './lifecycle.js';

/**
 * Corrigenda (avis rectificatifs): which fields of a published tender may change, what changed,
 * and the rules the law puts on deadlines. Pure: no I/O.
 */
export const corrigendumFields = [
  'title',
  'description',
  'submission_deadline',
  'candidature_deadline',
  'questions_deadline',
  'contact_name',
  'contact_email',
  'contact_phone',
  'max_file_size_bytes',
] as const;
export type CorrigendumField = (typeof corrigendumFields)[number];

/** The group of the lifecycle's editability table each field belongs to. */
export const fieldGroupOf: Record<CorrigendumField, FieldGroup> = {
  title: 'content',
  description: 'content',
  submission_deadline: 'deadlines',
  candidature_deadline: 'deadlines',
  questions_deadline: 'deadlines',
  contact_name: 'contact',
  contact_email: 'contact',
  contact_phone: 'contact',
  max_file_size_bytes: 'content',
};

export const deadlineFields: readonly CorrigendumField[] = [
  'submission_deadline',
  'candidature_deadline',
  'questions_deadline',
];

/** The values a corrigendum can change, as the tender holds them. */
export interface CorrigibleValues {
  title: string;
  description: string;
  submission_deadline: Date | null;
  candidature_deadline: Date | null;
  questions_deadline: Date | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  max_file_size_bytes: number;
}

/** One line of a corrigendum's history: deadlines as ISO 8601 instants, sizes in bytes. */
export interface FieldChange {
  field: CorrigendumField;
  before: string | number | null;
  after: string | number | null;
}

function comparable(value: Date | string | number | null): string | number | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

export function fieldsCorrigibleIn(status: TenderStatus): CorrigendumField[] {
  return corrigendumFields.filter((f) => editModeOf(status, fieldGroupOf[f]) === 'corrigendum');
}

/** What the proposal changes, field by field, in the order of `corrigendumFields`. */
export function diffCorrigendum(current: CorrigibleValues, proposed: Partial<CorrigibleValues>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of corrigendumFields) {
    if (!(field in proposed)) continue;
    const before = comparable(current[field]);
    const after = comparable(proposed[field] ?? null);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

export interface CorrigendumProblem {
  field: CorrigendumField | 'reason' | '_form';
  /** catalogue key */
  message: string;
}

/**
 * Rules of a corrigendum: only a published tender before its deadline; only fields the lifecycle
 * opens to corrigenda; deadlines may only move later (companies prepared their bids and
 * questions for them), the questions and candidature deadlines stay before the submission one;
 * something must change.
 */
export function corrigendumProblems(input: {
  status: TenderStatus;
  current: CorrigibleValues;
  changes: FieldChange[];
  includesDocuments: boolean;
  now: Date;
}): CorrigendumProblem[] {
  const { status, current, changes, now } = input;
  if (status !== 'published') return [{ field: '_form', message: 'publication.corrigendum.not_published' }];
  if (current.submission_deadline && current.submission_deadline.getTime() <= now.getTime()) {
    return [{ field: '_form', message: 'publication.corrigendum.deadline_passed' }];
  }
  const problems: CorrigendumProblem[] = [];
  const allowed = fieldsCorrigibleIn(status);
  for (const change of changes) {
    if (!allowed.includes(change.field))
      problems.push({ field: change.field, message: 'publication.corrigendum.locked' });
  }
  const next = { ...current };
  for (const change of changes) {
    (next as Record<string, unknown>)[change.field] =
      deadlineFields.includes(change.field) && typeof change.after === 'string' ? new Date(change.after) : change.after;
  }
  // Companies prepare their bids and questions for the deadlines announced: they may only move later.
  for (const field of deadlineFields) {
    const change = changes.find((c) => c.field === field);
    if (!change) continue;
    const before = current[field as 'submission_deadline'];
    const after = next[field as 'submission_deadline'];
    if (!after) {
      if (before) problems.push({ field, message: `publication.corrigendum.${field}.required` });
    } else if (before && after.getTime() < before.getTime()) {
      problems.push({ field, message: `publication.corrigendum.${field}.earlier` });
    } else if (after.getTime() <= now.getTime()) {
      problems.push({ field, message: `publication.corrigendum.${field}.past` });
    }
  }
  const submission = next.submission_deadline;
  for (const field of ['questions_deadline', 'candidature_deadline'] as const) {
    const value = next[field];
    const touched = changes.some((c) => c.field === field || c.field === 'submission_deadline');
    if (!touched || !value || !submission || problems.some((p) => p.field === field)) continue;
    if (value.getTime() >= submission.getTime()) {
      problems.push({ field, message: `publication.corrigendum.${field}.after_submission` });
    }
  }
  if (changes.some((c) => c.field === 'title') && !next.title.trim()) {
    problems.push({ field: 'title', message: 'publication.corrigendum.title.required' });
  }
  if (changes.length === 0 && !input.includesDocuments && problems.length === 0) {
    problems.push({ field: '_form', message: 'publication.corrigendum.empty' });
  }
  return problems;
}
