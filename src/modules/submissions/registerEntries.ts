import type { DbOrTrx } from '../../platform/db/kysely.js';
import { type ChainCheck, type RegisterContent, type RegisterEntry, verifyChain } from './domain/register.js';

/** The tender's register entries in order, as stored. */
export async function registerEntries(
  db: DbOrTrx,
  tenderId: string,
): Promise<(RegisterEntry & { recordedAt: Date })[]> {
  const rows = await db
    .selectFrom('deposit_register')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    position: r.position,
    previousHash: r.previous_hash,
    entryHash: r.entry_hash,
    content: r.content as RegisterContent,
    recordedAt: r.recorded_at,
  }));
}

/**
 * Verifies the stored chain, and that its end is the head kept on the committee row (so removing
 * the last entries is detected too).
 */
export async function checkRegister(db: DbOrTrx, tenderId: string): Promise<ChainCheck> {
  const entries = await registerEntries(db, tenderId);
  const result = verifyChain(entries);
  if (!result.valid) return result;
  const committee = await db
    .selectFrom('opening_committees')
    .select(['register_length', 'register_head'])
    .where('tender_id', '=', tenderId)
    .executeTakeFirst();
  const length = committee?.register_length ?? 0;
  const head = committee?.register_head ?? result.head;
  if (length !== result.length || head !== result.head) {
    return {
      valid: false,
      position: Math.min(length, result.length) + 1,
      reason: 'the register is shorter or longer than its recorded head',
    };
  }
  return result;
}
