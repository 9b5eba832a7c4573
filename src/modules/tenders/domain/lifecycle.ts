import type { TenderStatus } from '../../../platform/db/schema.js';

/**
 * The life of a tender, as one explicit state machine:
 * draft → published → closed → opened → evaluation → awarded | unsuccessful | cancelled.
 * Pure: no I/O. Every transition the platform performs goes through `transition()`.
 */
export type TenderEvent = 'publish' | 'close' | 'open' | 'startEvaluation' | 'award' | 'declareUnsuccessful' | 'cancel';

const transitions: Record<TenderStatus, Partial<Record<TenderEvent, TenderStatus>>> = {
  draft: { publish: 'published' },
  published: { close: 'closed', cancel: 'cancelled', declareUnsuccessful: 'unsuccessful' },
  closed: { open: 'opened', cancel: 'cancelled', declareUnsuccessful: 'unsuccessful' },
  opened: { startEvaluation: 'evaluation', cancel: 'cancelled', declareUnsuccessful: 'unsuccessful' },
  evaluation: { award: 'awarded', declareUnsuccessful: 'unsuccessful', cancel: 'cancelled' },
  awarded: {},
  unsuccessful: {},
  cancelled: {},
};

export const tenderStatuses = Object.keys(transitions) as TenderStatus[];
export const finalStatuses: readonly TenderStatus[] = ['awarded', 'unsuccessful', 'cancelled'];

export class TransitionRefused extends Error {
  constructor(
    readonly from: TenderStatus,
    readonly event: TenderEvent,
  ) {
    super(`a ${from} tender cannot ${event}`);
  }
}

export function canTransition(from: TenderStatus, event: TenderEvent): boolean {
  return transitions[from][event] !== undefined;
}

export function transition(from: TenderStatus, event: TenderEvent): TenderStatus {
  const to = transitions[from][event];
  if (!to) throw new TransitionRefused(from, event);
  return to;
}

/** Events that need a reason written on the tender (cancellation, unsuccessful). */
export const eventsNeedingReason: readonly TenderEvent[] = ['cancel', 'declareUnsuccessful'];

/**
 * Which fields can change in which state. A draft is free; after publication a change is a
 * corrigendum (with a reason, and the deadlines may only move later); once the deadline has
 * passed nothing of the call for competition changes any more.
 */
export type FieldGroup = 'content' | 'lots' | 'criteria' | 'documents' | 'deadlines' | 'contact';

const editable: Record<TenderStatus, { free: FieldGroup[]; byCorrigendum: FieldGroup[] }> = {
  draft: { free: ['content', 'lots', 'criteria', 'documents', 'deadlines', 'contact'], byCorrigendum: [] },
  published: { free: [], byCorrigendum: ['content', 'lots', 'criteria', 'documents', 'deadlines', 'contact'] },
  closed: { free: [], byCorrigendum: [] },
  opened: { free: [], byCorrigendum: [] },
  evaluation: { free: [], byCorrigendum: [] },
  awarded: { free: [], byCorrigendum: [] },
  unsuccessful: { free: [], byCorrigendum: [] },
  cancelled: { free: [], byCorrigendum: [] },
};

export type EditMode = 'free' | 'corrigendum' | 'locked';

export function editModeOf(status: TenderStatus, group: FieldGroup): EditMode {
  const rules = editable[status];
  if (rules.free.includes(group)) return 'free';
  if (rules.byCorrigendum.includes(group)) return 'corrigendum';
  return 'locked';
}

/** The table of locked fields, for documentation pages and tests. */
export function editabilityTable(): Record<TenderStatus, Record<FieldGroup, EditMode>> {
  const groups: FieldGroup[] = ['content', 'lots', 'criteria', 'documents', 'deadlines', 'contact'];
  const table = {} as Record<TenderStatus, Record<FieldGroup, EditMode>>;
  for (const status of tenderStatuses) {
    table[status] = Object.fromEntries(groups.map((g) => [g, editModeOf(status, g)])) as Record<FieldGroup, EditMode>;
  }
  return table;
}
