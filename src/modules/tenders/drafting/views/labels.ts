import type {
  CriterionKind,
  MainCategory,
  ProcedureType,
  ReservedContract,
  TenderStatus,
} from '../../../../platform/db/schema.js';
import type { MessageKey } from '../../../../web/i18n.js';

/** Catalogue keys of the tenders' enumerations, shared by the drafting pages. */
export const procedureLabels: Record<ProcedureType, MessageKey> = {
  adapted: 'drafting.procedure.adapted',
  open: 'drafting.procedure.open',
  restricted: 'drafting.procedure.restricted',
  competitive_negotiation: 'drafting.procedure.competitive_negotiation',
  competitive_dialogue: 'drafting.procedure.competitive_dialogue',
  negotiated_without_notice: 'drafting.procedure.negotiated_without_notice',
  design_contest: 'drafting.procedure.design_contest',
};

export const categoryLabels: Record<MainCategory, MessageKey> = {
  works: 'drafting.category.works',
  goods: 'drafting.category.goods',
  services: 'drafting.category.services',
};

export const criterionKindLabels: Record<CriterionKind, MessageKey> = {
  price: 'drafting.criteria.kind.price',
  quality: 'drafting.criteria.kind.quality',
  environmental: 'drafting.criteria.kind.environmental',
  social: 'drafting.criteria.kind.social',
  other: 'drafting.criteria.kind.other',
};

export const reservedLabels: Record<ReservedContract, MessageKey> = {
  siae: 'drafting.clauses.reserved.siae',
  ea_esat: 'drafting.clauses.reserved.ea_esat',
};

export const statusLabels: Record<TenderStatus, MessageKey> = {
  draft: 'drafting.status.draft',
  published: 'drafting.status.published',
  closed: 'drafting.status.closed',
  opened: 'drafting.status.opened',
  evaluation: 'drafting.status.evaluation',
  awarded: 'drafting.status.awarded',
  unsuccessful: 'drafting.status.unsuccessful',
  cancelled: 'drafting.status.cancelled',
};
