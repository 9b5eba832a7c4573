-- Alerts: saved searches matched against every published tender, the notifications they produce,
-- and what mail delivery needs for them (headers such as List-Unsubscribe, addresses that bounce).

-- A saved search. The query is stored twice: as the /recherche query string the person saved
-- (to show and edit it) and in a form the matcher evaluates without parsing anything:
--   keywords_query  the tsquery of the keywords (NULL: no keywords, filters only)
--   match_keys      a "cover" of the alert: every tender it can match carries at least one of these
--                   keys ('w:<lexeme>' for a word, or 'd:93', 'c:45', 'k:works', 'p:open',
--                   'b:<uuid>', 's:social' for a filter). A GIN index on it pre-selects the few
--                   candidate alerts of a tender; the exact test then runs on those only.
CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  query_string text NOT NULL CHECK (length(query_string) <= 4000),
  keywords text NOT NULL DEFAULT '',
  keywords_query tsquery,
  match_keys text[] NOT NULL CHECK (cardinality(match_keys) BETWEEN 1 AND 200),
  cpv_divisions text[] NOT NULL DEFAULT '{}',
  departments text[] NOT NULL DEFAULT '{}',
  procedures text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  buyer_ids uuid[] NOT NULL DEFAULT '{}',
  clauses text[] NOT NULL DEFAULT '{}',
  frequency text NOT NULL CHECK (frequency IN ('immediate', 'daily')),
  paused_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_user ON alerts (user_id, created_at DESC);
-- only active alerts are candidates: a paused alert costs the matcher nothing. fastupdate off:
-- alerts are written rarely and read for every published tender, and a GIN pending list (scanned
-- linearly by every lookup until it is merged) made a match 20 times slower after a bulk import
CREATE INDEX alerts_match_keys ON alerts USING gin (match_keys) WITH (fastupdate = off) WHERE paused_at IS NULL;

-- What a person is told: one row per person, tender and kind of news (the discriminator tells two
-- corrigenda or two answers of one tender apart), so matching twice notifies once.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tender_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('alert_match', 'corrigendum', 'answer')),
  discriminator text NOT NULL DEFAULT '',
  alert_id uuid REFERENCES alerts (id) ON DELETE SET NULL,
  tender_reference text NOT NULL,
  title text NOT NULL,
  detail text NOT NULL DEFAULT '',
  link text NOT NULL,
  -- 'immediate': mailed at once; 'digest': waits for the daily digest; 'none': in-app only
  delivery text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'none')),
  mail_id uuid,
  digested_at timestamptz,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, tender_id, kind, discriminator)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (user_id) WHERE delivery = 'digest' AND digested_at IS NULL;

-- Mail headers (List-Unsubscribe…) travel with the outbox row.
ALTER TABLE outbox_mails ADD COLUMN headers jsonb;

-- Addresses the SMTP peer refused for good (5xx): nothing more is sent to them until cleared.
CREATE TABLE mail_address_flags (
  address text PRIMARY KEY CHECK (address = lower(address)),
  reason text NOT NULL,
  flagged_at timestamptz NOT NULL DEFAULT now()
);
