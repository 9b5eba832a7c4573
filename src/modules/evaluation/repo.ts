import { type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type {
  Admissibility,
  LotDecisionsTable,
  OfferClassification,
  PriceFormula,
  ScaleMode,
  TendersTable,
} from '../../platform/db/schema.js';
import { countedBidsOf } from '../submissions/index.js';
import type { Criterion } from './domain/scoring.js';

export type TenderHead = Pick<
  Selectable<TendersTable>,
  | 'id'
  | 'reference'
  | 'title'
  | 'buyer_id'
  | 'status'
  | 'procedure_type'
  | 'main_category'
  | 'cpv_codes'
  | 'department'
  | 'nuts_code'
  | 'duration_months'
  | 'has_options'
  | 'options_description'
  | 'social_clause_insertion'
  | 'social_clause_other'
  | 'environmental_clause'
  | 'environmental_criterion'
  | 'reserved_contract'
  | 'published_at'
>;

const tenderColumns = [
  'id',
  'reference',
  'title',
  'buyer_id',
  'status',
  'procedure_type',
  'main_category',
  'cpv_codes',
  'department',
  'nuts_code',
  'duration_months',
  'has_options',
  'options_description',
  'social_clause_insertion',
  'social_clause_other',
  'environmental_clause',
  'environmental_criterion',
  'reserved_contract',
  'published_at',
] as const;

export async function tenderByReference(
  db: DbOrTrx,
  reference: string,
  options: { forUpdate?: boolean } = {},
): Promise<TenderHead | undefined> {
  if (reference.length > 40) return undefined;
  let q = db.selectFrom('tenders').select(tenderColumns).where('reference', '=', reference);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface LotRow {
  id: string;
  number: number;
  title: string;
  cpv_codes: string[];
}

export async function lotsOf(db: DbOrTrx, tenderId: string): Promise<LotRow[]> {
  return db
    .selectFrom('lots')
    .select(['id', 'number', 'title', 'cpv_codes'])
    .where('tender_id', '=', tenderId)
    .orderBy('number')
    .execute();
}

/** The award criteria of a lot as they stand: the lot's own if it has any, else the tender-wide ones. */
export async function currentCriteria(db: DbOrTrx, tenderId: string): Promise<Map<string | null, Criterion[]>> {
  const rows = await db
    .selectFrom('award_criteria')
    .select(['id', 'lot_id', 'label', 'kind', 'weight_bp'])
    .where('tender_id', '=', tenderId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const byLot = new Map<string | null, Criterion[]>();
  for (const r of rows) {
    const list = byLot.get(r.lot_id) ?? [];
    list.push({ id: r.id, label: r.label, kind: r.kind, weightBp: r.weight_bp });
    byLot.set(r.lot_id, list);
  }
  return byLot;
}

export function criteriaOfLot(byLot: Map<string | null, Criterion[]>, lotId: string): Criterion[] {
  return byLot.get(lotId) ?? byLot.get(null) ?? [];
}

export interface BidView {
  submissionId: string;
  companyId: string;
  companyName: string;
  companySiret: string | null;
  consortium: { lead: string; members: { name: string; siret: string | null }[] } | null;
  registerPosition: number;
  admissibility: Admissibility | null;
  admissibilityReason: string | null;
  replyBy: Date | null;
  classification: OfferClassification | null;
  classificationReason: string | null;
  regularised: boolean;
  amountCents: number | null;
  scores: Record<string, number>;
}

export interface LotSetup {
  criteria: Criterion[];
  scaleMode: ScaleMode;
  scaleMax: number;
  priceFormula: PriceFormula;
  strengths: string | null;
}

export type DecisionRow = Selectable<LotDecisionsTable>;

export interface LotView {
  lot: LotRow;
  setup: LotSetup | null;
  bids: BidView[];
  decision: DecisionRow | null;
}

/** Everything the pages and commands need about one lot: its setup, counted bids and their assessments. */
export async function lotView(db: DbOrTrx, tenderId: string, lot: LotRow): Promise<LotView> {
  const [counted, setup, candidatures, offers, decision] = await Promise.all([
    countedBidsOf(db, tenderId),
    db.selectFrom('lot_evaluations').selectAll().where('lot_id', '=', lot.id).executeTakeFirst(),
    db.selectFrom('candidature_assessments').selectAll().where('tender_id', '=', tenderId).execute(),
    // the scores of each offer folded into one JSON object: one row per bid rather than bids × criteria
    db
      .selectFrom('offer_assessments as oa')
      .selectAll('oa')
      .select(
        sql<Record<string, number> | null>`(SELECT jsonb_object_agg(s.criterion_id, s.points_centi) FROM offer_scores s
          WHERE s.lot_id = oa.lot_id AND s.submission_id = oa.submission_id)`.as('scores'),
      )
      .where('oa.lot_id', '=', lot.id)
      .execute(),
    db.selectFrom('lot_decisions').selectAll().where('lot_id', '=', lot.id).executeTakeFirst(),
  ]);
  const cand = new Map(candidatures.map((c) => [c.submission_id, c]));
  const off = new Map(offers.map((o) => [o.submission_id, o]));
  return {
    lot,
    setup: setup
      ? {
          criteria: setup.criteria as Criterion[],
          scaleMode: setup.scale_mode,
          scaleMax: setup.scale_max,
          priceFormula: setup.price_formula,
          strengths: setup.winning_offer_strengths,
        }
      : null,
    bids: counted
      .filter((b) => b.lots.includes(lot.number))
      .map((b) => {
        const c = cand.get(b.submissionId);
        const o = off.get(b.submissionId);
        return {
          submissionId: b.submissionId,
          companyId: b.companyId,
          companyName: b.companyName,
          companySiret: b.companySiret,
          consortium: b.consortium,
          registerPosition: b.registerPosition,
          admissibility: c?.status ?? null,
          admissibilityReason: c?.reason ?? null,
          replyBy: c?.reply_by ?? null,
          classification: o?.classification ?? null,
          classificationReason: o?.classification_reason ?? null,
          regularised: o?.regularised ?? false,
          amountCents: o?.amount_cents ?? null,
          scores: o?.scores ?? {},
        };
      }),
    decision: decision ?? null,
  };
}

/** Whether the criteria frozen at the start of the evaluation are still those of the tender. */
export function sameCriteria(snapshot: readonly Criterion[], current: readonly Criterion[]): boolean {
  if (snapshot.length !== current.length) return false;
  return snapshot.every((s, i) => {
    const c = current[i];
    return c !== undefined && c.id === s.id && c.kind === s.kind && c.weightBp === s.weightBp && c.label === s.label;
  });
}
