import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { EventSubscriber } from '../../platform/events/outbox.js';
import { listPublicTenderIds, loadTendersForIndex } from '../tenders/index.js';
import { deleteDocuments, deleteHalleDocumentsExcept, upsertDocuments } from './repo.js';

/**
 * Keeps the index in step with the tenders: every tender event re-reads the tender through the
 * tenders module (the event only names it), so a late or repeated event still writes the current
 * state. A tender that is not public (any more) leaves the index.
 */
export async function indexTender(db: DbOrTrx, tenderId: string): Promise<'indexed' | 'removed'> {
  const [tender] = await loadTendersForIndex(db, [tenderId]);
  if (!tender) {
    await deleteDocuments(db, [tenderId]);
    return 'removed';
  }
  await upsertDocuments(db, [tender]);
  return 'indexed';
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const searchSubscribers: readonly EventSubscriber[] = [
  {
    name: 'search.index-tender',
    types: ['tender.*'],
    async handle(trx, event) {
      const id = event.aggregateId ?? event.payload.id;
      if (typeof id === 'string' && uuidPattern.test(id)) await indexTender(trx, id);
    },
  },
];

/** Rebuilds the index of our own tenders from the tenders module, in batches. */
export async function reindexSearch(db: DbOrTrx, batchSize = 500): Promise<{ indexed: number; removed: number }> {
  const ids = await listPublicTenderIds(db);
  let indexed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const tenders = await loadTendersForIndex(db, ids.slice(i, i + batchSize));
    await upsertDocuments(db, tenders);
    indexed += tenders.length;
  }
  const removed = await deleteHalleDocumentsExcept(db, ids);
  return { indexed, removed };
}
