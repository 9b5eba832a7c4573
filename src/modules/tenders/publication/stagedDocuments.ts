import type { Trx } from '../../../platform/db/kysely.js';
import { stagedDocumentChanges } from '../documents/repo.js';
import type { TenderRow } from './repo.js';

/**
 * How many document changes wait for the next DCE version of a published tender (documents
 * staged as added or removed by the documents capability). A corrigendum that includes them makes
 * the next version the current one.
 */
export async function stagedDocumentCount(trx: Trx, tender: Pick<TenderRow, 'id'>): Promise<number> {
  const staged = await stagedDocumentChanges(trx, tender.id);
  return staged.added.length + staged.removed.length;
}
