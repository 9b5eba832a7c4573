import type { DbOrTrx } from '../../../platform/db/kysely.js';
import {
  buyerNameOf,
  type CorrigendumRow,
  type CriterionRow,
  corrigendaOf,
  criteriaOf,
  type DocumentRow,
  documentsOfVersion,
  type LotRow,
  lotsOf,
  publishedAnswers,
  type TenderRow,
  tenderById,
} from './repo.js';

export interface Notice {
  tender: TenderRow;
  buyerName: string;
  lots: LotRow[];
  criteria: CriterionRow[];
  corrigenda: CorrigendumRow[];
  documents: DocumentRow[];
  answers: Awaited<ReturnType<typeof publishedAnswers>>;
}

/**
 * Everything a notice shows (page and API), for a tender the caller was allowed to read: the
 * policy is decided on its head before this is called.
 */
export async function getNotice(db: DbOrTrx, tenderId: string): Promise<Notice> {
  const tender = await tenderById(db, tenderId);
  const [buyerName, lots, criteria, corrigenda, documents, answers] = await Promise.all([
    buyerNameOf(db, tender.buyer_id),
    lotsOf(db, tender.id),
    criteriaOf(db, tender.id),
    corrigendaOf(db, tender.id),
    documentsOfVersion(db, tender.id, tender.dce_version),
    publishedAnswers(db, tender.id),
  ]);
  return { tender, buyerName, lots, criteria, corrigenda, documents, answers };
}
