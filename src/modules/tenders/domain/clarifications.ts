import type { TenderStatus } from '../../../platform/db/schema.js';

/**
 * Rules of questions and answers (clarifications), pure: companies ask while the tender is
 * published and before its questions deadline; answers are public and anonymised.
 */
export const questionLength = { min: 10, max: 5000 } as const;
export const answerLength = { min: 1, max: 10000 } as const;

export interface QuestionWindowInput {
  status: TenderStatus;
  questionsDeadline: Date | null;
  submissionDeadline: Date | null;
}

export type QuestionWindow =
  | { open: true; deadline: Date | null }
  | { open: false; reason: 'deadline_passed'; deadline: Date }
  | { open: false; reason: 'not_published' };

/**
 * The questions deadline is the one set by the buyer, or else the submission deadline: a question
 * that arrives after the bids are in can no longer change them.
 */
export function questionsDeadlineOf(tender: Pick<QuestionWindowInput, 'questionsDeadline' | 'submissionDeadline'>) {
  return tender.questionsDeadline ?? tender.submissionDeadline;
}

/** Whether a question may be asked now; `now` is the server clock, never the browser's. */
export function questionWindow(tender: QuestionWindowInput, now: Date): QuestionWindow {
  if (tender.status !== 'published') return { open: false, reason: 'not_published' };
  const deadline = questionsDeadlineOf(tender);
  if (deadline && now.getTime() >= deadline.getTime()) return { open: false, reason: 'deadline_passed', deadline };
  return { open: true, deadline };
}

/** Answers go out while the tender is published: after that they could no longer help anyone bid. */
export function canAnswerNow(status: TenderStatus): boolean {
  return status === 'published';
}
