-- Contracts (marchés) created from an award decision, their notification, modifications,
-- subcontracting acts, social insertion follow-up, end reminders and the essential data (DECP).

CREATE SEQUENCE contract_numbers;

CREATE TABLE contracts (
  id uuid PRIMARY KEY,
  -- the award decision (event lot.awarded) it comes from: the same event twice makes one contract
  award_id uuid NOT NULL UNIQUE,
  -- identifier published in the DECP (1 to 16 characters, unique on the platform)
  decp_id text NOT NULL UNIQUE CHECK (length(decp_id) BETWEEN 1 AND 16),
  tender_id uuid NOT NULL REFERENCES tenders (id),
  lot_id uuid NOT NULL REFERENCES lots (id),
  lot_number integer NOT NULL,
  buyer_id uuid NOT NULL REFERENCES organisations (id),
  company_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL DEFAULT 'awaiting_notification'
    CHECK (status IN ('awaiting_notification', 'notified', 'in_execution', 'ended', 'terminated')),
  object text NOT NULL CHECK (length(object) BETWEEN 1 AND 1000),
  -- contractors: [{ name, siret }] (one, or the members of the consortium, lead first)
  contractors jsonb NOT NULL,
  grouping_type text NOT NULL CHECK (grouping_type IN ('Conjoint', 'Solidaire', 'Pas de groupement')),
  amount_cents bigint CHECK (amount_cents IS NULL OR amount_cents >= 100),
  start_date date,
  duration_months integer CHECK (duration_months IS NULL OR duration_months >= 1),
  -- end after the modifications (start + duration, or the last modification's new end date)
  ends_on date,
  has_options boolean NOT NULL DEFAULT false,
  options_description text,
  cpv_code text CHECK (cpv_code IS NULL OR cpv_code ~ '^[0-9]{8}(-[0-9])?$'),
  place_code text,
  place_type text,
  procedure text,
  nature text NOT NULL DEFAULT 'Marché',
  price_types jsonb NOT NULL DEFAULT '[]',
  price_form text,
  techniques jsonb NOT NULL DEFAULT '["Sans objet"]',
  execution_modes jsonb NOT NULL DEFAULT '["Sans objet"]',
  framework_agreement_id text,
  innovative boolean NOT NULL DEFAULT false,
  ccag text,
  offers_received integer,
  advance_granted boolean NOT NULL DEFAULT false,
  advance_rate numeric(5, 4) CHECK (advance_rate IS NULL OR advance_rate BETWEEN 0 AND 1),
  subcontracting_declared boolean NOT NULL DEFAULT false,
  social_considerations jsonb NOT NULL DEFAULT '["Pas de considération sociale"]',
  environmental_considerations jsonb NOT NULL DEFAULT '["Pas de considération environnementale"]',
  insertion_clause boolean NOT NULL DEFAULT false,
  standstill_ends_at timestamptz NOT NULL,
  document_blob_id uuid REFERENCES blobs (id),
  document_file_name text,
  notified_at timestamptz,
  notification_date date,
  award jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contracts_buyer ON contracts (buyer_id, created_at);
CREATE INDEX contracts_company ON contracts (company_id, created_at);
CREATE INDEX contracts_ending ON contracts (ends_on) WHERE status IN ('notified', 'in_execution');

-- Modifications (avenants, modificatifs), numbered from 1 per contract.
CREATE TABLE contract_modifications (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  number integer NOT NULL CHECK (number >= 1),
  object text NOT NULL CHECK (length(object) BETWEEN 1 AND 1000),
  new_amount_cents bigint CHECK (new_amount_cents IS NULL OR new_amount_cents >= 100),
  new_end_date date,
  new_duration_months integer CHECK (new_duration_months IS NULL OR new_duration_months >= 1),
  notified_on date NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id, number)
);

-- Subcontracting declarations (actes spéciaux de sous-traitance), numbered from 1 per contract.
CREATE TABLE contract_subcontracts (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  number integer NOT NULL CHECK (number >= 1),
  siret char(14) NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 100),
  direct_payment boolean NOT NULL,
  duration_months integer NOT NULL CHECK (duration_months >= 1),
  price_variation text NOT NULL CHECK (price_variation IN ('Ferme', 'Actualisable', 'Révisable')),
  notified_on date NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id, number)
);

-- Social insertion clause: hours planned and hours done, reported per period ('2026-T1').
CREATE TABLE contract_insertion_reports (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-T[1-4]$'),
  hours_planned integer NOT NULL CHECK (hours_planned >= 0),
  hours_done integer NOT NULL CHECK (hours_done >= 0),
  reported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, period)
);

-- One reminder per contract and threshold (days before the end); a new end date (modification) is reminded again.
CREATE TABLE contract_end_reminders (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  days_before integer NOT NULL CHECK (days_before >= 0),
  ends_on date NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, days_before, ends_on)
);

-- Essential data published (DECP 2022 "marche" objects): at notification, then at each
-- modification. Append-only: a published record is never updated nor deleted.
CREATE TABLE decp_records (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  sequence integer NOT NULL CHECK (sequence >= 0),
  kind text NOT NULL CHECK (kind IN ('initial', 'modification', 'subcontracting')),
  record jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id, sequence)
);
CREATE INDEX decp_records_published ON decp_records (published_at, id);

CREATE FUNCTION decp_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decp_records is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER decp_records_no_update BEFORE UPDATE OR DELETE ON decp_records
  FOR EACH ROW EXECUTE FUNCTION decp_records_append_only();
CREATE TRIGGER decp_records_no_truncate BEFORE TRUNCATE ON decp_records
  FOR EACH STATEMENT EXECUTE FUNCTION decp_records_append_only();
