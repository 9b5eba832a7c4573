import { parseArgs } from 'node:util';
import { reindexSearch } from '../modules/search/index.js';
import { type CliContext, parseCommandArgs } from './context.js';

export const searchReindexHelp = 'rebuild the search index from the published tenders';

export function parseSearchReindexArgs(args: string[]): void {
  parseCommandArgs('search:reindex', () => parseArgs({ args, options: {}, strict: true }));
}

/** `halle search:reindex`: one transaction, so searches see the old index or the new one, never half. */
export async function searchReindexCommand(ctx: CliContext, args: string[]): Promise<void> {
  parseSearchReindexArgs(args);
  const started = performance.now();
  const { indexed, removed } = await ctx.rt.db.transaction().execute((trx) => reindexSearch(trx));
  const ms = Math.round(performance.now() - started);
  ctx.out(`Search index rebuilt in ${ms} ms: ${indexed} tender(s) indexed, ${removed} stale entr(y/ies) removed.`);
}
