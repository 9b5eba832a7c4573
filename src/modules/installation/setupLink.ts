import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/record.js';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { hashToken, randomToken } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import {
  isSetupTokenUsable,
  isSetupTokenValue,
  type SetupTokenValue,
  setupLinkHours,
  setupTokenKey,
} from './domain/platform.js';

export type IssueSetupLinkResult =
  | { status: 'issued'; url: string; expiresAt: Date }
  /** a link issued earlier is still valid; only its hash is stored, so it cannot be shown again */
  | { status: 'pending'; expiresAt: Date }
  | { status: 'admin_exists' };

export async function hasPlatformAdmin(db: DbOrTrx): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.role', '=', 'platform_admin')
    .where('users.disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function readSetupToken(db: DbOrTrx, forUpdate = false): Promise<SetupTokenValue | undefined> {
  let query = db.selectFrom('platform_settings').select('value').where('key', '=', setupTokenKey);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && isSetupTokenValue(row.value) ? row.value : undefined;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when `token` is the pending, unexpired link and the platform still has no administrator. */
export async function isSetupLinkValid(db: DbOrTrx, token: string, now = new Date()): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const stored = await readSetupToken(db);
  if (!stored || !isSetupTokenUsable(stored, now) || !sameHash(stored.tokenHash, hashToken(token))) return false;
  return !(await hasPlatformAdmin(db));
}

/**
 * Issues the one-time link that creates the first platform administrator. Only its hash is
 * stored. Without `replace`, a still-valid link is kept (several processes starting together
 * print one link, not several that cancel each other); with it, a new link replaces the old.
 */
export async function issueSetupLink(
  rt: Runtime,
  actor: Actor,
  options: { replace?: boolean; now?: Date } = {},
): Promise<IssueSetupLinkResult> {
  const now = options.now ?? new Date();
  return rt.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('halle.installation.setup_link'))`.execute(trx);
    if (await hasPlatformAdmin(trx)) return { status: 'admin_exists' as const };
    const stored = await readSetupToken(trx, true);
    if (stored && !options.replace && isSetupTokenUsable(stored, now)) {
      return { status: 'pending' as const, expiresAt: new Date(stored.expiresAt) };
    }
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + setupLinkHours * 3600_000);
    const value: SetupTokenValue = {
      tokenHash: hashToken(token),
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      usedAt: null,
    };
    await trx
      .insertInto('platform_settings')
      .values({ key: setupTokenKey, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
      .execute();
    await recordAudit(trx, actor, {
      action: 'installation.setup_link.issued',
      subjectType: 'platform_setting',
      subjectId: setupTokenKey,
      after: { expiresAt: value.expiresAt, replaced: stored !== undefined },
    });
    return { status: 'issued' as const, url: `${rt.config.publicUrl}/installation/${token}`, expiresAt };
  });
}
