import { sql } from 'kysely';
import type { Trx } from './kysely.js';

/**
 * The next human reference of a scope for a year ("2026-0042"), taken in the caller's
 * transaction: concurrent commands get distinct numbers, a rolled-back one frees nothing
 * but leaves no duplicate.
 */
export async function nextReference(trx: Trx, scope: string, now = new Date()): Promise<string> {
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(now));
  const row = await trx
    .insertInto('reference_counters')
    .values({ scope, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['scope', 'year']).doUpdateSet({ last_value: sql`reference_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_value).padStart(4, '0')}`;
}
