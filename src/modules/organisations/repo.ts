import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/kysely.js';
import type { Role } from '../../platform/db/schema.js';
import { hashToken } from '../../platform/ids.js';

/** SQL of the organisations module: organisations, memberships and invitations. */

/**
 * The name of the unique index a statement violated, if that is why it failed. Both engines
 * report SQLSTATE 23505; the index name is in `constraint` (server) or only in the message.
 */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code !== '23505') return undefined;
  if (typeof e.constraint === 'string' && e.constraint) return e.constraint;
  const match = typeof e.message === 'string' ? e.message.match(/unique constraint "([^"]+)"/) : null;
  return match?.[1] ?? 'unknown';
}

export async function siretRegistered(db: DbOrTrx, siret: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('siret', '=', siret).executeTakeFirst();
  return row !== undefined;
}

export async function findUserByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled_at'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findOrganisation(db: DbOrTrx, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the organisation's row: membership changes of one organisation then run one at a time. */
export async function lockOrganisation(trx: Trx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'kind', 'name'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listMembers(db: DbOrTrx, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy(sql`users.name COLLATE "und-x-icu"`)
    .orderBy('users.email')
    .execute();
}

export async function findMembership(db: DbOrTrx, organisationId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['user_id', 'organisation_id', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function isMemberByEmail(db: DbOrTrx, organisationId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.organisation_id', '=', organisationId)
    .where(sql<string>`lower(users.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function countMembersWithRole(db: DbOrTrx, organisationId: string, role: Role): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Invitations neither accepted, revoked nor expired. */
export async function listPendingInvitations(db: DbOrTrx, organisationId: string, now = new Date()) {
  return db
    .selectFrom('invitations')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.created_at',
      'invitations.expires_at',
      'users.name as invited_by_name',
    ])
    .where('invitations.organisation_id', '=', organisationId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at', 'desc')
    .execute();
}

export async function hasPendingInvitation(
  db: DbOrTrx,
  organisationId: string,
  email: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db
    .selectFrom('invitations')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** The invitation behind a link, with its organisation; the link holds the token, the table its hash. */
export async function findInvitationByToken(db: DbOrTrx, token: string) {
  if (token.length < 20 || token.length > 100) return undefined;
  return db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select([
      'invitations.id',
      'invitations.organisation_id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
    ])
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** Same, locked for the accepting transaction: two clicks on the link accept it only once. */
export async function lockInvitationByToken(trx: Trx, token: string) {
  return trx
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .forUpdate()
    .executeTakeFirst();
}
