import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContractTransitionRefused,
  canTransition,
  contractEvents,
  contractStatuses,
  finalContractStatuses,
  transition,
} from './lifecycle.js';

const status = fc.constantFrom(...contractStatuses);
const event = fc.constantFrom(...contractEvents);

describe('contract lifecycle', () => {
  it('follows awaiting notification → notified → in execution → ended', () => {
    let s = transition('awaiting_notification', 'notify');
    expect(s).toBe('notified');
    s = transition(s, 'startExecution');
    expect(s).toBe('in_execution');
    expect(transition(s, 'end')).toBe('ended');
    expect(transition(s, 'terminate')).toBe('terminated');
  });

  it('never starts, ends or terminates a contract that was not notified', () => {
    for (const e of ['startExecution', 'end', 'terminate'] as const) {
      expect(canTransition('awaiting_notification', e)).toBe(false);
      expect(() => transition('awaiting_notification', e)).toThrow(ContractTransitionRefused);
    }
  });

  it('property: transition succeeds exactly when canTransition says so, and final states have no way out', () => {
    fc.assert(
      fc.property(status, event, (from, e) => {
        if (canTransition(from, e)) {
          expect(contractStatuses).toContain(transition(from, e));
        } else {
          expect(() => transition(from, e)).toThrow(ContractTransitionRefused);
        }
        if (finalContractStatuses.includes(from)) expect(canTransition(from, e)).toBe(false);
      }),
    );
  });

  it('property: any sequence of events notifies at most once and never goes back to awaiting notification', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        let s = contractStatuses[0] as (typeof contractStatuses)[number];
        let notifications = 0;
        for (const e of events) {
          if (!canTransition(s, e)) continue;
          if (e === 'notify') notifications++;
          s = transition(s, e);
          expect(s).not.toBe('awaiting_notification');
        }
        expect(notifications).toBeLessThanOrEqual(1);
      }),
    );
  });
});
