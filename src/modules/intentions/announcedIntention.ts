import type { DbOrTrx } from '../../platform/db/kysely.js';
import { cpvLabel } from '../tenders/index.js';
import { intentionById } from './repo.js';

/** What other modules (the alert matcher) need to announce a published intention. */
export interface AnnouncedIntention {
  id: string;
  title: string;
  description: string;
  cpvCode: string;
  cpvLabel: string;
  buyerId: string;
  buyerName: string;
  department: string | null;
  expectedOn: string;
}

/** A published intention as announced to companies; undefined when unknown or already a tender. */
export async function announcedIntention(db: DbOrTrx, id: string): Promise<AnnouncedIntention | undefined> {
  const intention = await intentionById(db, id);
  if (intention?.status !== 'published') return undefined;
  const buyer = await db
    .selectFrom('organisations')
    .select('department')
    .where('id', '=', intention.buyerId)
    .executeTakeFirst();
  return {
    id: intention.id,
    title: intention.title,
    description: intention.description,
    cpvCode: intention.cpvCode,
    cpvLabel: cpvLabel(intention.cpvCode, 'fr') ?? '',
    buyerId: intention.buyerId,
    buyerName: intention.buyerName,
    department: buyer?.department ?? null,
    expectedOn: intention.expectedOn,
  };
}
