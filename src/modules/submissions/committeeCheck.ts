import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { PublicationCheck } from '../tenders/index.js';

/** Filled into the tenders module's publication checks: no publication without a keyed committee. */
export const committeeCheck: PublicationCheck = async (db: DbOrTrx, tender) => {
  const committee = await db
    .selectFrom('opening_committees')
    .select(['keyed_at'])
    .where('tender_id', '=', tender.id)
    .executeTakeFirst();
  if (!committee) return ['submissions.publication.committee_missing'];
  if (!committee.keyed_at) return ['submissions.publication.passphrases_missing'];
  return [];
};
