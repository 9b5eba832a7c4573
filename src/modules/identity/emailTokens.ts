import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/kysely.js';
import type { EmailTokenPurpose } from '../../platform/db/schema.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';

/**
 * Single-use links sent by e-mail (address check, password reset). Only the SHA-256 of a
 * token is stored, so a database dump gives no usable link.
 */
export type EmailTokenState =
  | { status: 'valid'; id: string; userId: string; expiresAt: Date }
  | { status: 'expired' | 'used' | 'unknown' };

/** Longer values cannot be one of our tokens: answer "unknown" without hashing megabytes. */
const maxTokenLength = 100;

export async function findEmailToken(
  db: DbOrTrx,
  token: string,
  purpose: EmailTokenPurpose,
  options: { lock?: boolean } = {},
): Promise<EmailTokenState> {
  if (token.length < 20 || token.length > maxTokenLength) return { status: 'unknown' };
  let query = db
    .selectFrom('email_tokens')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose);
  // locking the row makes a second use of the same link wait, then see it used
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return { status: 'unknown' };
  if (row.used_at) return { status: 'used' };
  if (row.expires_at.getTime() <= Date.now()) return { status: 'expired' };
  return { status: 'valid', id: row.id, userId: row.user_id, expiresAt: row.expires_at };
}

export async function createEmailToken(
  trx: Trx,
  userId: string,
  purpose: EmailTokenPurpose,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await trx
    .insertInto('email_tokens')
    .values({ id: uuidv7(), user_id: userId, purpose, token_hash: hashToken(token), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** How many links of this kind were issued to the person since a moment: the rate limit, in the database. */
export async function countTokensSince(trx: Trx, userId: string, purpose: EmailTokenPurpose, since: Date) {
  const row = await trx
    .selectFrom('email_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks the person's row so that concurrent requests count and issue links one after the other. */
export async function lockUser(trx: Trx, userId: string): Promise<void> {
  await sql`SELECT 1 FROM users WHERE id = ${userId} FOR UPDATE`.execute(trx);
}
