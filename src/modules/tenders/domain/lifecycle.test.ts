import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  editabilityTable,
  editModeOf,
  finalStatuses,
  type TenderEvent,
  TransitionRefused,
  tenderStatuses,
  transition,
} from './lifecycle.js';

const events: TenderEvent[] = ['publish', 'close', 'open', 'startEvaluation', 'award', 'declareUnsuccessful', 'cancel'];

describe('tender lifecycle', () => {
  it('follows the happy path from draft to award', () => {
    let status = transition('draft', 'publish');
    expect(status).toBe('published');
    status = transition(status, 'close');
    status = transition(status, 'open');
    status = transition(status, 'startEvaluation');
    expect(transition(status, 'award')).toBe('awarded');
  });

  it('refuses what the law forbids: publishing twice, awarding a draft, reopening a final state', () => {
    expect(() => transition('published', 'publish')).toThrow(TransitionRefused);
    expect(() => transition('draft', 'award')).toThrow(TransitionRefused);
    expect(() => transition('draft', 'cancel')).toThrow(TransitionRefused);
    expect(() => transition('published', 'open')).toThrow(TransitionRefused);
    for (const final of finalStatuses) {
      for (const event of events) expect(canTransition(final, event)).toBe(false);
    }
  });

  it('never leaves a final state and never goes back to draft (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (sequence) => {
        let status = tenderStatuses[0] ?? 'draft';
        for (const event of sequence) {
          if (!canTransition(status, event)) continue;
          const next = transition(status, event);
          expect(next).not.toBe('draft');
          if (finalStatuses.includes(status)) throw new Error('left a final state');
          status = next;
        }
      }),
    );
  });

  it('locks fields by state: free in draft, corrigendum once published, locked after the deadline', () => {
    expect(editModeOf('draft', 'documents')).toBe('free');
    expect(editModeOf('published', 'deadlines')).toBe('corrigendum');
    expect(editModeOf('closed', 'deadlines')).toBe('locked');
    const table = editabilityTable();
    for (const status of tenderStatuses.filter((s) => s !== 'draft' && s !== 'published')) {
      expect(Object.values(table[status]).every((mode) => mode === 'locked')).toBe(true);
    }
  });
});
