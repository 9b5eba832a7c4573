import { sql } from 'kysely';
import type { Db } from '../../platform/db/kysely.js';
import type { ActorType, CompanySize, MailStatus, OrganisationKind, Role } from '../../platform/db/schema.js';

/** The back office reads across every organisation: only its policies let a request get here. */

export const pageSize = 50;

/** `%` and `_` typed in a search box are text, not wildcards. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface DashboardFigures {
  buyers: number;
  companies: number;
  users: number;
  mailsPending: number;
  mailsFailed: number;
  auditToday: number;
}

export async function dashboardFigures(db: Db): Promise<DashboardFigures> {
  const kinds = await db
    .selectFrom('organisations')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const mails = await db
    .selectFrom('outbox_mails')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  // "today" is the calendar day in Paris, whatever the server's time zone
  const audit = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'occurred_at',
      '>=',
      sql<Date>`date_trunc('day', now() AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris'`,
    )
    .executeTakeFirstOrThrow();
  return {
    buyers: kinds.find((k) => k.kind === 'buyer')?.n ?? 0,
    companies: kinds.find((k) => k.kind === 'company')?.n ?? 0,
    users: users.n,
    mailsPending: mails.find((m) => m.status === 'pending')?.n ?? 0,
    mailsFailed: mails.find((m) => m.status === 'failed')?.n ?? 0,
    auditToday: audit.n,
  };
}

export interface OrganisationFilter {
  kind?: OrganisationKind | undefined;
  q?: string | undefined;
  department?: string | undefined;
  page: number;
}

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  department: string | null;
  city: string | null;
  created_at: Date;
}

export async function listOrganisations(
  db: Db,
  filter: OrganisationFilter,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  let query = db.selectFrom('organisations');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.department) query = query.where('department', '=', filter.department);
  if (filter.q) {
    const text = `%${likeEscape(filter.q)}%`;
    const digits = filter.q.replace(/[\s.\-\u00a0]/g, '');
    query = query.where((eb) =>
      eb.or([
        eb(sql`unaccent(name)`, 'ilike', sql`unaccent(${text})`),
        ...(/^\d{1,14}$/.test(digits) ? [eb('siret', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['id', 'kind', 'name', 'siret', 'department', 'city', 'created_at'])
    .orderBy(sql`name COLLATE "und-x-icu"`)
    .orderBy('id')
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
    .execute();
  return { rows, total: count.n };
}

export interface OrganisationDetail {
  id: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  legal_category: string | null;
  naf: string | null;
  size: CompanySize | null;
  department: string | null;
  city: string | null;
  is_ess: boolean;
  is_siae: boolean;
  member_since: string | null;
  member_until: string | null;
  created_at: Date;
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationDetail | undefined> {
  return db
    .selectFrom('organisations')
    .select([
      'id',
      'kind',
      'name',
      'siret',
      'legal_category',
      'naf',
      'size',
      'department',
      'city',
      'is_ess',
      'is_siae',
      'member_since',
      'member_until',
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  since: Date;
  disabled_at: Date | null;
}

export async function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.created_at as since',
      'users.disabled_at',
    ])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy(sql`users.name COLLATE "und-x-icu"`)
    .orderBy('users.id')
    .execute();
}

export interface AuditFilter {
  actionPrefix?: string | undefined;
  organisationId?: string | undefined;
  organisationSiret?: string | undefined;
  actorEmail?: string | undefined;
  /** calendar days in Europe/Paris, both included */
  from?: string | undefined;
  to?: string | undefined;
}

/** Keyset position: the last row seen, newest first (microseconds kept, so no row is skipped). */
export interface AuditCursor {
  at: string;
  id: string;
}

export interface AuditRow {
  id: string;
  occurred_at: Date;
  cursor_at: string;
  actor_type: ActorType;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  actor_api_token_id: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_siret: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  ip: string | null;
}

const auditColumns = [
  'a.id',
  'a.occurred_at',
  sql<string>`to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
  'a.actor_type',
  'a.actor_user_id',
  'u.email as actor_email',
  'u.name as actor_name',
  'a.actor_api_token_id',
  'a.organisation_id',
  'o.name as organisation_name',
  'o.siret as organisation_siret',
  'a.action',
  'a.subject_type',
  'a.subject_id',
  'a.ip',
] as const;

function auditQuery(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id');
  if (filter.actionPrefix) query = query.where('a.action', 'like', `${likeEscape(filter.actionPrefix)}%`);
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.organisationSiret) query = query.where('o.siret', '=', filter.organisationSiret);
  if (filter.actorEmail) {
    query = query.where(sql`lower(u.email)`, 'like', `%${likeEscape(filter.actorEmail.toLowerCase())}%`);
  }
  if (filter.from) {
    query = query.where(
      'a.occurred_at',
      '>=',
      sql<Date>`(${filter.from}::date::timestamp AT TIME ZONE 'Europe/Paris')`,
    );
  }
  if (filter.to) {
    query = query.where(
      'a.occurred_at',
      '<',
      sql<Date>`((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`,
    );
  }
  return query;
}

export async function searchAudit(
  db: Db,
  filter: AuditFilter,
  options: { after?: AuditCursor | undefined; limit: number },
): Promise<AuditRow[]> {
  let query = auditQuery(db, filter);
  if (options.after) {
    const { at, id } = options.after;
    query = query.where(sql<boolean>`(a.occurred_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return query
    .select(auditColumns)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .execute();
}

export interface AuditEventDetail extends AuditRow {
  before: unknown;
  after: unknown;
}

export async function findAuditEvent(db: Db, id: string): Promise<AuditEventDetail | undefined> {
  return auditQuery(db, {})
    .select([...auditColumns, 'a.before', 'a.after'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Every matching event with its before/after, in pages, for the CSV export. */
export async function* auditEventsForExport(
  db: Db,
  filter: AuditFilter,
  options: { batch: number; max: number },
): AsyncGenerator<AuditEventDetail> {
  let after: AuditCursor | undefined;
  let sent = 0;
  while (sent < options.max) {
    let query = auditQuery(db, filter);
    if (after) {
      const { at, id } = after;
      query = query.where(sql<boolean>`(a.occurred_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await query
      .select([...auditColumns, 'a.before', 'a.after'])
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(Math.min(options.batch, options.max - sent))
      .execute();
    for (const row of rows) yield row;
    sent += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < options.batch) return;
    after = { at: last.cursor_at, id: last.id };
  }
}

export interface MailRow {
  id: string;
  to_address: string;
  subject: string;
  template: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export async function listMails(
  db: Db,
  filter: { recipient?: string | undefined; page: number },
): Promise<{ rows: MailRow[]; total: number }> {
  let query = db.selectFrom('outbox_mails');
  if (filter.recipient) {
    query = query.where(sql`lower(to_address)`, 'like', `%${likeEscape(filter.recipient.toLowerCase())}%`);
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['id', 'to_address', 'subject', 'template', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
    .execute();
  return { rows, total: count.n };
}

export async function findMail(db: Db, id: string): Promise<(MailRow & { text_body: string }) | undefined> {
  return db
    .selectFrom('outbox_mails')
    .select([
      'id',
      'to_address',
      'subject',
      'template',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
      'text_body',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
