import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/kysely.js';

/**
 * The installation's signing secret (CSRF tokens, signed links). Taken from SESSION_SECRET
 * when set; otherwise generated once and kept in the database, so that every web process of
 * the installation shares it without configuration.
 */
export async function loadSigningSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('platform_settings')
    .values({ key: 'signing_secret', value: JSON.stringify(randomBytes(32).toString('base64url')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', 'signing_secret')
    .executeTakeFirstOrThrow();
  return String(row.value);
}

export function sign(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('base64url');
}

export function verifySignature(secret: string, message: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, message));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
