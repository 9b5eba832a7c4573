import type { Db, Trx } from '../../platform/db/kysely.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';

export const sessionCookieName = 'halle_session';
/** A session expires after 12 hours without activity, and after 30 days in any case. */
const idleMs = 12 * 3600 * 1000;
const absoluteMs = 30 * 24 * 3600 * 1000;
const touchEveryMs = 5 * 60 * 1000;

export async function openSession(
  trx: Trx,
  userId: string,
  client: { ip: string | undefined; userAgent: string | undefined },
): Promise<{ sessionId: string; token: string }> {
  const token = randomToken();
  const sessionId = uuidv7();
  const firstOrg = await trx
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .executeTakeFirst();
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      token_hash: hashToken(token),
      user_id: userId,
      active_organisation_id: firstOrg?.organisation_id ?? null,
      expires_at: new Date(Date.now() + idleMs),
      ip: client.ip ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { sessionId, token };
}

/** The principal behind a session cookie, or null when the session is unknown, revoked or expired. */
export async function resolveSession(db: Db, token: string): Promise<SessionPrincipal | null> {
  if (token.length < 20 || token.length > 100) return null;
  const now = new Date();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.active_organisation_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.email_verified_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
    const expires = Math.min(now.getTime() + idleMs, row.created_at.getTime() + absoluteMs);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(expires) })
      .where('id', '=', row.session_id)
      .execute();
  }
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'memberships.role'])
    .where('memberships.user_id', '=', row.user_id)
    .orderBy('memberships.created_at')
    .execute();
  const activeStillMember = memberships.some((m) => m.id === row.active_organisation_id);
  return {
    kind: 'session',
    sessionId: row.session_id,
    user: { id: row.user_id, email: row.email, name: row.name, emailVerified: row.email_verified_at !== null },
    memberships: memberships.map((m) => ({
      organisationId: m.id,
      organisationName: m.name,
      organisationKind: m.kind,
      role: m.role,
    })),
    activeOrganisationId: activeStillMember ? row.active_organisation_id : (memberships[0]?.id ?? null),
  };
}

/** Closes every open session of a person, but the one given; returns how many were closed. */
export async function revokeUserSessions(trx: Trx, userId: string, exceptSessionId?: string): Promise<number> {
  let query = trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
