-- Foundation: extensions, organisations, people, sessions, tokens, mail outbox, audit.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Accent-insensitive French full-text configuration, used by every search of the platform.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END
$$;

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('buyer', 'company', 'platform')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  siret char(14) CHECK (siret ~ '^[0-9]{14}$'),
  siren char(9) GENERATED ALWAYS AS (substr(siret, 1, 9)) STORED,
  legal_category text CHECK (legal_category ~ '^[0-9]{4}$'),
  naf text CHECK (naf ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
  size text CHECK (size IN ('TPE', 'PME', 'ETI', 'GE')),
  department text CHECK (department ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
  city text,
  is_ess boolean NOT NULL DEFAULT false,
  is_siae boolean NOT NULL DEFAULT false,
  member_since date,
  member_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'platform' OR siret IS NOT NULL),
  CHECK (member_until IS NULL OR member_since IS NULL OR member_until >= member_since)
);
CREATE UNIQUE INDEX organisations_siret_key ON organisations (siret);
CREATE INDEX organisations_kind_name ON organisations (kind, name);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text,
  email_verified_at timestamptz,
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN (
    'buyer_agent', 'buyer_admin', 'company_member', 'company_admin',
    'platform_operator', 'platform_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at timestamptz
);
CREATE INDEX invitations_organisation ON invitations (organisation_id, created_at DESC);

-- Browser sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  active_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id, created_at DESC);

-- Single-use links sent by e-mail: address verification and password reset.
CREATE TABLE email_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'admin_setup')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

-- Failed and successful sign-ins, for rate limiting across every web process.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email ON login_attempts (lower(email), attempted_at DESC);
CREATE INDEX login_attempts_ip ON login_attempts (ip, attempted_at DESC);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, created_at DESC);

-- Mail outbox: written in the transaction of the command that sends the mail, drained by a job.
CREATE TABLE outbox_mails (
  id uuid PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  template text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_mails_created ON outbox_mails (created_at DESC);
CREATE INDEX outbox_mails_to ON outbox_mails (lower(to_address), created_at DESC);

-- Audit trail: one row per state change, written in the same transaction as the change.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system', 'cli', 'anonymous')),
  actor_user_id uuid,
  actor_api_token_id uuid,
  organisation_id uuid,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_events_occurred ON audit_events (occurred_at DESC);
CREATE INDEX audit_events_organisation ON audit_events (organisation_id, occurred_at DESC);
CREATE INDEX audit_events_action ON audit_events (action, occurred_at DESC);

-- Key/value settings of the installation (for example: the one-time setup link was issued).
CREATE TABLE platform_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
