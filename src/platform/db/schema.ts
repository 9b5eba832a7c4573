import type { ColumnType, Generated } from 'kysely';

/** Columns with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type OrganisationKind = 'buyer' | 'company' | 'platform';
export type CompanySize = 'TPE' | 'PME' | 'ETI' | 'GE';
export type Role =
  | 'buyer_agent'
  | 'buyer_admin'
  | 'company_member'
  | 'company_admin'
  | 'platform_operator'
  | 'platform_admin';

export interface OrganisationsTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  siren: ColumnType<string | null, never, never>;
  legal_category: string | null;
  naf: string | null;
  size: CompanySize | null;
  department: string | null;
  city: string | null;
  is_ess: Defaulted<boolean>;
  is_siae: Defaulted<boolean>;
  member_since: string | null;
  member_until: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  locale: Defaulted<'fr' | 'en'>;
  failed_login_count: Defaulted<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  organisation_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  active_organisation_id: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export type EmailTokenPurpose = 'verify_email' | 'reset_password' | 'admin_setup';

export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string | null;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type MailStatus = 'pending' | 'sent' | 'kept' | 'failed';

export interface OutboxMailsTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  status: Defaulted<MailStatus>;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export type ActorType = 'user' | 'api_token' | 'system' | 'cli' | 'anonymous';

export interface AuditEventsTable {
  id: string;
  occurred_at: Timestamp;
  actor_type: ActorType;
  actor_user_id: string | null;
  actor_api_token_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface PlatformSettingsTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface MigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  outbox_mails: OutboxMailsTable;
  audit_events: AuditEventsTable;
  platform_settings: PlatformSettingsTable;
  halle_migrations: MigrationsTable;
}
