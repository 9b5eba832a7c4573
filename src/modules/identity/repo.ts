import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';

/** Reads of the identity module's tables used by its pages. */

export async function findAccount(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'email_verified_at', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function findActiveUserByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The person's sessions still usable, most recently active first. */
export async function listActiveSessions(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
