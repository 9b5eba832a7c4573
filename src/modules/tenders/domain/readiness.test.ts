import { describe, expect, it } from 'vitest';
import { publicationProblems, type ReadinessCriterion, type ReadinessTender } from './readiness.js';

const now = new Date('2026-03-02T09:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

const complete: ReadinessTender = {
  title: 'Rénovation',
  procedure_type: 'open',
  cpv_codes: ['45000000'],
  has_options: false,
  options_description: null,
  submission_deadline: later(40),
  candidature_deadline: null,
  questions_deadline: later(30),
  contact_name: 'Service de la commande publique',
  contact_email: 'marches@ville.example',
};
const lots = [
  { id: 'lot-1', number: 1 },
  { id: 'lot-2', number: 2 },
];
const common: ReadinessCriterion[] = [
  { lot_id: null, weight_bp: 6000 },
  { lot_id: null, weight_bp: 4000 },
];

describe('publication readiness', () => {
  it('finds nothing to say about a complete draft', () => {
    expect(publicationProblems(complete, lots, common, 2, now)).toEqual([]);
  });

  it('lists every missing piece as a catalogue key, in the order of the steps', () => {
    const empty: ReadinessTender = {
      ...complete,
      cpv_codes: [],
      has_options: true,
      submission_deadline: null,
      questions_deadline: null,
      contact_email: null,
    };
    expect(publicationProblems(empty, [], [], 0, now)).toEqual([
      'drafting.readiness.cpv_missing',
      'drafting.readiness.options_description_missing',
      'drafting.readiness.no_lot',
      'drafting.readiness.criteria_missing',
      'drafting.readiness.deadline_missing',
      'drafting.readiness.contact_missing',
      'drafting.readiness.no_document',
    ]);
  });

  it('refuses weights that do not add up to 100 % in any scope', () => {
    expect(
      publicationProblems(
        complete,
        lots,
        [
          { lot_id: null, weight_bp: 6000 },
          { lot_id: null, weight_bp: 3000 },
        ],
        1,
        now,
      ),
    ).toEqual(['drafting.readiness.weights_not_100']);
    const ownLot2 = [...common, { lot_id: 'lot-2', weight_bp: 9950 }];
    expect(publicationProblems(complete, lots, ownLot2, 1, now)).toEqual(['drafting.readiness.weights_not_100']);
  });

  it('needs criteria for every lot: its own, or common ones', () => {
    const onlyLot1 = [{ lot_id: 'lot-1', weight_bp: 10000 }];
    expect(publicationProblems(complete, lots, onlyLot1, 1, now)).toEqual(['drafting.readiness.criteria_missing']);
    const both = [...onlyLot1, { lot_id: 'lot-2', weight_bp: 10000 }];
    expect(publicationProblems(complete, lots, both, 1, now)).toEqual([]);
  });

  it('checks deadlines: past, order, candidature stage', () => {
    expect(
      publicationProblems(
        { ...complete, submission_deadline: later(-1), questions_deadline: later(-2) },
        lots,
        common,
        1,
        now,
      ),
    ).toEqual(['drafting.readiness.deadline_past']);
    expect(publicationProblems({ ...complete, questions_deadline: later(41) }, lots, common, 1, now)).toEqual([
      'drafting.readiness.questions_after_submission',
    ]);
    const restricted = { ...complete, procedure_type: 'restricted' as const };
    expect(publicationProblems(restricted, lots, common, 1, now)).toEqual([
      'drafting.readiness.candidature_deadline_missing',
    ]);
    expect(publicationProblems({ ...restricted, candidature_deadline: later(45) }, lots, common, 1, now)).toEqual([
      'drafting.readiness.candidature_after_submission',
    ]);
    expect(publicationProblems({ ...restricted, candidature_deadline: later(10) }, lots, common, 1, now)).toEqual([]);
  });
});
