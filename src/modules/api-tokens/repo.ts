import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../platform/db/kysely.js';

/** SQL of the api-tokens module. Every query on tokens names the organisation: no cross-tenant read. */

export interface ApiTokenRow {
  id: string;
  name: string;
  token_prefix: string;
  scopes: string[];
  created_by_name: string | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function listTokensOfOrganisation(db: DbOrTrx, organisationId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.token_prefix',
      'api_tokens.scopes',
      'users.name as created_by_name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ])
    .where('api_tokens.organisation_id', '=', organisationId)
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
}

export async function findTokenOfOrganisation(
  db: DbOrTrx,
  organisationId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.token_prefix',
      'api_tokens.scopes',
      'users.name as created_by_name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ])
    .where('api_tokens.organisation_id', '=', organisationId)
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
}

/** A token usable now: known hash, not revoked, not expired. */
export async function findUsableTokenByHash(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'organisation_id', 'scopes', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

/**
 * Records the use of a token, at most once per interval: the condition in the WHERE clause makes
 * concurrent requests from several web processes write once, not once each.
 */
export async function touchToken(db: Db, id: string, now: Date, intervalMs: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', new Date(now.getTime() - intervalMs))]),
    )
    .execute();
}

export async function findOrganisation(db: Db, id: string) {
  return db
    .selectFrom('organisations')
    .select([
      'id',
      'kind',
      'name',
      'siret',
      'siren',
      'naf',
      'size',
      'department',
      'is_ess',
      'is_siae',
      'member_since',
      'member_until',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listMembersOfOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy(sql`users.name COLLATE "und-x-icu"`)
    .orderBy('users.id')
    .execute();
}

export interface AuditEventFilters {
  organisationId: string;
  action?: string | undefined;
  /** ISO 8601 instants, passed as text so that microseconds are not rounded away */
  from?: string | undefined;
  to?: string | undefined;
  /** keyset position: events strictly older than this one */
  after?: { occurredAt: string; id: string } | undefined;
  limit: number;
}

/**
 * An organisation's audit events, newest first, by keyset on (occurred_at, id). The position is
 * kept as text with microseconds: a JavaScript Date keeps only milliseconds, and rounding would
 * repeat or skip events written within the same millisecond.
 */
export async function listAuditEventsOfOrganisation(db: Db, filters: AuditEventFilters) {
  let query = db
    .selectFrom('audit_events')
    .select([
      'id',
      sql<string>`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('position'),
      'actor_type',
      'actor_user_id',
      'actor_api_token_id',
      'action',
      'subject_type',
      'subject_id',
      'before',
      'after',
    ])
    .where('organisation_id', '=', filters.organisationId);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.from) query = query.where(sql<boolean>`occurred_at >= ${filters.from}::timestamptz`);
  if (filters.to) query = query.where(sql<boolean>`occurred_at < ${filters.to}::timestamptz`);
  if (filters.after) {
    const { occurredAt, id } = filters.after;
    query = query.where(sql<boolean>`(occurred_at, id) < (${occurredAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filters.limit).execute();
}
