import type { ProcedureType } from '../../../platform/db/schema.js';
import { toParisInputs } from '../../../platform/i18n/paris-time.js';

/**
 * Minimum time limits for receiving candidatures and offers, Code de la commande publique
 * (version in force since 1 April 2019), for a "pouvoir adjudicateur". Pure.
 *
 * Submission is always electronic on this platform (R2132-7: electronic communications are the
 * rule above 40,000 € excl. VAT), so the reduced electronic minimums apply.
 *
 * - Open procedure (appel d'offres ouvert): R2161-2 — 35 days from sending the contract notice;
 *   R2161-3 — reduced to 30 days when offers are submitted electronically.
 * - Restricted procedure (appel d'offres restreint): R2161-6 — candidatures 30 days from sending
 *   the notice; R2161-8 — offers 30 days from sending the invitation to tender; R2161-9 — 25 days
 *   when offers are submitted electronically.
 * - Competitive procedure with negotiation: R2161-12 — candidatures 30 days; R2161-14 — initial
 *   offers 30 days from the invitation; R2161-15 — 25 days electronically.
 * - Competitive dialogue: R2161-24 — candidatures 30 days; no fixed minimum for offers.
 * - Adapted procedure (MAPA): no fixed minimum; R2143-1 and R2151-1 ask for a "délai
 *   raisonnable" given the complexity of the contract. We warn under 15 days, a common practice
 *   threshold, without requiring acknowledgement.
 *
 * The invitation to tender of a two-stage procedure is sent after the candidatures have been
 * examined, so its earliest possible date is the candidature deadline: the offers' minimum is
 * checked from there.
 *
 * Days are calendar days between Paris calendar dates: a notice sent on 1 March and a deadline
 * on 31 March give 30 days. Urgency and prior-information reductions (R2161-3 1°/2°, R2161-7,
 * R2161-9) are the buyer's call and justification: below the minimum is a warning the buyer
 * must acknowledge, never a hard error.
 */

export interface DelayRule {
  /** minimum days for candidatures, from sending the notice */
  candidatures?: number;
  /** minimum days for offers, from sending the notice (one-stage) or the invitation (two-stage) */
  offers?: number;
  /** offers are counted from the invitation, i.e. at the earliest from the candidature deadline */
  offersFromInvitation?: boolean;
  articles: string;
}

export const delayRules: Partial<Record<ProcedureType, DelayRule>> = {
  open: { offers: 30, articles: 'R2161-2, R2161-3' },
  restricted: { candidatures: 30, offers: 25, offersFromInvitation: true, articles: 'R2161-6, R2161-8, R2161-9' },
  competitive_negotiation: {
    candidatures: 30,
    offers: 25,
    offersFromInvitation: true,
    articles: 'R2161-12, R2161-14, R2161-15',
  },
  competitive_dialogue: { candidatures: 30, articles: 'R2161-24' },
};

/** Procedures in two stages: companies first apply, then the selected ones are invited to tender. */
export const proceduresWithCandidatureStage: readonly ProcedureType[] = [
  'restricted',
  'competitive_negotiation',
  'competitive_dialogue',
];

export function needsCandidatureDeadline(procedure: ProcedureType): boolean {
  return proceduresWithCandidatureStage.includes(procedure);
}

/** Under this many days an adapted procedure gets a (non-blocking) warning. */
export const adaptedProcedureWarningDays = 15;

export interface DelayFinding {
  /** catalogue key of the message */
  key:
    | 'drafting.delay.offers_short'
    | 'drafting.delay.candidatures_short'
    | 'drafting.delay.offers_after_candidatures_short'
    | 'drafting.delay.adapted_short';
  /** what the deadline gives */
  days: number;
  /** what the rule asks */
  minimum: number;
  articles: string;
  /** formal procedures: the buyer must tick a box to keep a deadline below the legal minimum */
  needsAcknowledgement: boolean;
}

/** Whole calendar days between the Paris dates of two instants. */
export function parisDaysBetween(from: Date, to: Date): number {
  const a = toParisInputs(from).date;
  const b = toParisInputs(to).date;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function legalDelayFindings(input: {
  procedureType: ProcedureType;
  /** when the notice is (or will be) sent: now for a draft about to be published */
  noticeSentAt: Date;
  submissionDeadline: Date | null;
  candidatureDeadline: Date | null;
}): DelayFinding[] {
  const findings: DelayFinding[] = [];
  const { procedureType, noticeSentAt, submissionDeadline, candidatureDeadline } = input;
  if (procedureType === 'adapted') {
    if (submissionDeadline) {
      const days = parisDaysBetween(noticeSentAt, submissionDeadline);
      if (days < adaptedProcedureWarningDays) {
        findings.push({
          key: 'drafting.delay.adapted_short',
          days,
          minimum: adaptedProcedureWarningDays,
          articles: 'R2143-1, R2151-1',
          needsAcknowledgement: false,
        });
      }
    }
    return findings;
  }
  const rule = delayRules[procedureType];
  if (!rule) return findings;
  if (rule.candidatures !== undefined && candidatureDeadline) {
    const days = parisDaysBetween(noticeSentAt, candidatureDeadline);
    if (days < rule.candidatures) {
      findings.push({
        key: 'drafting.delay.candidatures_short',
        days,
        minimum: rule.candidatures,
        articles: rule.articles,
        needsAcknowledgement: true,
      });
    }
  }
  if (rule.offers !== undefined && submissionDeadline) {
    if (rule.offersFromInvitation) {
      if (candidatureDeadline) {
        const days = parisDaysBetween(candidatureDeadline, submissionDeadline);
        if (days < rule.offers) {
          findings.push({
            key: 'drafting.delay.offers_after_candidatures_short',
            days,
            minimum: rule.offers,
            articles: rule.articles,
            needsAcknowledgement: true,
          });
        }
      }
    } else {
      const days = parisDaysBetween(noticeSentAt, submissionDeadline);
      if (days < rule.offers) {
        findings.push({
          key: 'drafting.delay.offers_short',
          days,
          minimum: rule.offers,
          articles: rule.articles,
          needsAcknowledgement: true,
        });
      }
    }
  }
  return findings;
}
