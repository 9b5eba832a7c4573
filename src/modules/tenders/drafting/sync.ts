import type { Trx } from '../../../platform/db/kysely.js';
import type { DraftRow } from './repo.js';

/**
 * A tender that is not divided has exactly one lot, which says the same as the tender: keep it
 * in step whenever the tender changes (or becomes undivided again). Divided tenders' lots are
 * their own.
 */
export async function syncSingleLot(trx: Trx, tender: DraftRow): Promise<void> {
  const lots = await trx.selectFrom('lots').select(['id']).where('tender_id', '=', tender.id).execute();
  const only = lots.length === 1 ? lots[0] : undefined;
  if (!only) return;
  await trx
    .updateTable('lots')
    .set({
      number: 1,
      title: tender.title,
      description: tender.description,
      cpv_codes: tender.cpv_codes,
      estimated_value_cents: tender.estimated_value_cents,
      reserved_contract: tender.reserved_contract,
      social_clause_insertion: tender.social_clause_insertion,
      social_clause_other: tender.social_clause_other,
      environmental_clause: tender.environmental_clause,
      environmental_criterion: tender.environmental_criterion,
    })
    .where('id', '=', only.id)
    .execute();
}

/** The fields of a row named by keys: what the audit trail records before and after. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}
