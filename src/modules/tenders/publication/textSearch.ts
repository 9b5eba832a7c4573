import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { PublicStatus } from './listPublishedTenders.js';

/**
 * Full-text search of published tenders, as the public API needs it. The tenders module defines
 * this port and the search module provides it (wired in src/app/modules.ts): search reads
 * tenders, so tenders cannot import search without a cycle.
 */
export type TenderTextSearch = (
  db: DbOrTrx,
  query: { q: string; page: number; status?: PublicStatus | undefined },
) => Promise<{ ids: string[]; total: number; pageSize: number }>;
