import { describe, expect, it } from 'vitest';
import { canAnswerNow, questionWindow } from './clarifications.js';

const at = (iso: string) => new Date(iso);

describe('question window', () => {
  const tender = {
    status: 'published' as const,
    questionsDeadline: at('2026-10-20T10:00:00Z'),
    submissionDeadline: at('2026-10-30T10:00:00Z'),
  };

  it('is open until the questions deadline, closed from that instant on', () => {
    expect(questionWindow(tender, at('2026-10-20T09:59:59Z')).open).toBe(true);
    expect(questionWindow(tender, at('2026-10-20T10:00:00Z'))).toEqual({
      open: false,
      reason: 'deadline_passed',
      deadline: tender.questionsDeadline,
    });
  });

  it('falls back on the submission deadline, and is open without any deadline', () => {
    const noQuestionsDeadline = { ...tender, questionsDeadline: null };
    expect(questionWindow(noQuestionsDeadline, at('2026-10-25T00:00:00Z')).open).toBe(true);
    expect(questionWindow(noQuestionsDeadline, at('2026-10-30T10:00:00Z')).open).toBe(false);
    expect(questionWindow({ ...noQuestionsDeadline, submissionDeadline: null }, at('2030-01-01T00:00:00Z')).open).toBe(
      true,
    );
  });

  it('is closed for any tender that is not published', () => {
    for (const status of ['draft', 'closed', 'cancelled', 'unsuccessful', 'awarded'] as const) {
      expect(questionWindow({ ...tender, status }, at('2026-01-01T00:00:00Z'))).toEqual({
        open: false,
        reason: 'not_published',
      });
      expect(canAnswerNow(status)).toBe(false);
    }
    expect(canAnswerNow('published')).toBe(true);
  });
});
