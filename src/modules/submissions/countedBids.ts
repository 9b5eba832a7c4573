import type { DbOrTrx } from '../../platform/db/kysely.js';
import { standings } from './domain/deadline.js';
import type { Consortium } from './saveSubmissionDetails.js';

export interface CountedBid {
  submissionId: string;
  companyId: string;
  companyName: string;
  companySiret: string | null;
  consortium: Consortium | null;
  lots: number[];
  registerPosition: number;
  sealedAt: Date;
}

/**
 * The bids that count at the opening of a tender: the last on-time sealed submission of each
 * company (superseded and late ones are left out), in register order. Read-only; for evaluation.
 */
export async function countedBidsOf(db: DbOrTrx, tenderId: string): Promise<CountedBid[]> {
  // only the columns needed (receipts can be large): this runs on every evaluation page
  const sealed = await db
    .selectFrom('submissions')
    .innerJoin('organisations', 'organisations.id', 'submissions.company_id')
    .select([
      'submissions.id',
      'submissions.company_id',
      'submissions.sealed_at',
      'submissions.late',
      'submissions.lot_numbers',
      'submissions.consortium',
      'submissions.register_position',
      'organisations.name as company_name',
      'organisations.siret as company_siret',
    ])
    .where('submissions.tender_id', '=', tenderId)
    .where('submissions.status', '=', 'sealed')
    .orderBy('submissions.register_position')
    .execute();
  const standing = standings(
    sealed.map((s) => ({ id: s.id, companyId: s.company_id, sealedAt: s.sealed_at as Date, late: Boolean(s.late) })),
  );
  return sealed
    .filter((s) => standing.get(s.id) === 'counts')
    .map((s) => ({
      submissionId: s.id,
      companyId: s.company_id,
      companyName: s.company_name,
      companySiret: s.company_siret,
      consortium: (s.consortium as Consortium | null) ?? null,
      lots: s.lot_numbers,
      registerPosition: s.register_position as number,
      sealedAt: s.sealed_at as Date,
    }));
}
