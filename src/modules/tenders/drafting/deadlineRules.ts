import type { ProcedureType } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { tryParisLocalToUtc } from '../../../platform/i18n/paris-time.js';
import { type DelayFinding, legalDelayFindings, needsCandidatureDeadline } from '../domain/legalDelays.js';
import type { DeadlinesFormInput } from './forms.js';

export interface DeadlineValues {
  submission: Date;
  candidature: Date | null;
  questions: Date | null;
}

type Which = 'submission' | 'candidature' | 'questions';

/** A date and a time typed in Paris wall-clock time → the instant, or the errors on each field. */
function readInstant(input: DeadlinesFormInput, which: Which, errors: FieldError[]): Date | null | undefined {
  const date = input[`${which}_date`];
  const time = input[`${which}_time`];
  if (!date && !time) return null;
  if (!date) {
    errors.push({ field: `${which}_date`, message: 'drafting.deadline.date.required' });
    return undefined;
  }
  if (!time) {
    errors.push({ field: `${which}_time`, message: 'drafting.deadline.time.required' });
    return undefined;
  }
  const result = tryParisLocalToUtc(date, time);
  if (result.ok) return result.value;
  if (result.reason === 'invalid_date')
    errors.push({ field: `${which}_date`, message: 'drafting.deadline.date.invalid' });
  else if (result.reason === 'invalid_time') {
    errors.push({ field: `${which}_time`, message: 'drafting.deadline.time.invalid' });
  } else errors.push({ field: `${which}_time`, message: 'drafting.deadline.time.nonexistent' });
  return undefined;
}

/**
 * Step "deadlines": the rules that make the save fail (missing, past, in the wrong order) and
 * the legal minimum delays (legalDelays.ts), which for formal procedures must be acknowledged
 * by ticking a box before a shorter deadline is kept. The notice is assumed sent now: the
 * delays are checked again at publication.
 */
export function checkDeadlines(
  input: DeadlinesFormInput,
  procedure: ProcedureType,
  now: Date,
):
  | { ok: true; values: DeadlineValues; findings: DelayFinding[] }
  | { ok: false; errors: FieldError[]; findings: DelayFinding[] } {
  const errors: FieldError[] = [];
  const submission = readInstant(input, 'submission', errors);
  const twoStages = needsCandidatureDeadline(procedure);
  const candidature = twoStages ? readInstant(input, 'candidature', errors) : null;
  const questions = readInstant(input, 'questions', errors);

  if (submission === null) errors.push({ field: 'submission_date', message: 'drafting.deadline.submission.required' });
  if (twoStages && candidature === null) {
    errors.push({ field: 'candidature_date', message: 'drafting.deadline.candidature.required' });
  }
  const future = (which: Which, value: Date | null | undefined) => {
    if (value && value.getTime() <= now.getTime()) {
      errors.push({ field: `${which}_date`, message: 'drafting.deadline.past' });
      return false;
    }
    return true;
  };
  const submissionOk = future('submission', submission);
  future('candidature', candidature);
  future('questions', questions);
  if (submission && submissionOk) {
    if (candidature && candidature.getTime() >= submission.getTime()) {
      errors.push({ field: 'candidature_date', message: 'drafting.deadline.candidature.after_submission' });
    }
    if (questions && questions.getTime() >= submission.getTime()) {
      errors.push({ field: 'questions_date', message: 'drafting.deadline.questions.after_submission' });
    }
  }

  const findings =
    submission && errors.length === 0
      ? legalDelayFindings({
          procedureType: procedure,
          noticeSentAt: now,
          submissionDeadline: submission,
          candidatureDeadline: candidature ?? null,
        })
      : [];
  if (findings.some((f) => f.needsAcknowledgement) && !input.acknowledge_delays) {
    errors.push({ field: 'acknowledge_delays', message: 'drafting.delay.acknowledge_required' });
  }
  if (errors.length > 0 || !submission) return { ok: false, errors, findings };
  return { ok: true, values: { submission, candidature: candidature ?? null, questions: questions ?? null }, findings };
}
