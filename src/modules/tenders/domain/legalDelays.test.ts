import { describe, expect, it } from 'vitest';
import { parisLocalToUtc } from '../../../platform/i18n/paris-time.js';
import { legalDelayFindings, needsCandidatureDeadline, parisDaysBetween } from './legalDelays.js';

const sent = parisLocalToUtc('2026-03-02', '10:00');
const at = (date: string) => parisLocalToUtc(date, '12:00');

describe('legal minimum delays', () => {
  it('counts calendar days in Paris', () => {
    expect(parisDaysBetween(sent, at('2026-04-01'))).toBe(30);
    // 23:30 UTC on 1 April is already 2 April in Paris
    expect(parisDaysBetween(sent, new Date('2026-04-01T23:30:00Z'))).toBe(31);
  });

  it('open procedure: 30 days with electronic submission (R2161-2, R2161-3)', () => {
    const ok = legalDelayFindings({
      procedureType: 'open',
      noticeSentAt: sent,
      submissionDeadline: at('2026-04-01'),
      candidatureDeadline: null,
    });
    expect(ok).toEqual([]);
    const short = legalDelayFindings({
      procedureType: 'open',
      noticeSentAt: sent,
      submissionDeadline: at('2026-03-31'),
      candidatureDeadline: null,
    });
    expect(short).toEqual([
      {
        key: 'drafting.delay.offers_short',
        days: 29,
        minimum: 30,
        articles: 'R2161-2, R2161-3',
        needsAcknowledgement: true,
      },
    ]);
  });

  it('restricted procedure: candidatures 30 days, offers 25 days after the invitation', () => {
    expect(needsCandidatureDeadline('restricted')).toBe(true);
    expect(needsCandidatureDeadline('open')).toBe(false);
    const ok = legalDelayFindings({
      procedureType: 'restricted',
      noticeSentAt: sent,
      candidatureDeadline: at('2026-04-01'),
      submissionDeadline: at('2026-04-26'),
    });
    expect(ok).toEqual([]);
    const short = legalDelayFindings({
      procedureType: 'restricted',
      noticeSentAt: sent,
      candidatureDeadline: at('2026-03-20'),
      submissionDeadline: at('2026-04-10'),
    });
    expect(short.map((f) => [f.key, f.days, f.minimum])).toEqual([
      ['drafting.delay.candidatures_short', 18, 30],
      ['drafting.delay.offers_after_candidatures_short', 21, 25],
    ]);
    expect(short.every((f) => f.needsAcknowledgement)).toBe(true);
  });

  it('competitive negotiation follows the restricted rules', () => {
    const short = legalDelayFindings({
      procedureType: 'competitive_negotiation',
      noticeSentAt: sent,
      candidatureDeadline: at('2026-03-25'),
      submissionDeadline: at('2026-05-01'),
    });
    expect(short.map((f) => f.key)).toEqual(['drafting.delay.candidatures_short']);
    expect(short[0]?.articles).toContain('R2161-12');
  });

  it('adapted procedure: a warning under 15 days that needs no acknowledgement', () => {
    expect(
      legalDelayFindings({
        procedureType: 'adapted',
        noticeSentAt: sent,
        submissionDeadline: at('2026-03-17'),
        candidatureDeadline: null,
      }),
    ).toEqual([]);
    const short = legalDelayFindings({
      procedureType: 'adapted',
      noticeSentAt: sent,
      submissionDeadline: at('2026-03-12'),
      candidatureDeadline: null,
    });
    expect(short).toEqual([
      {
        key: 'drafting.delay.adapted_short',
        days: 10,
        minimum: 15,
        articles: 'R2143-1, R2151-1',
        needsAcknowledgement: false,
      },
    ]);
  });

  it('has no fixed minimum for a negotiated procedure without notice', () => {
    expect(
      legalDelayFindings({
        procedureType: 'negotiated_without_notice',
        noticeSentAt: sent,
        submissionDeadline: at('2026-03-03'),
        candidatureDeadline: null,
      }),
    ).toEqual([]);
  });
});
