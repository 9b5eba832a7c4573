-- Tenders (consultations): drafting, lots, award criteria, documents (DCE), publication,
-- corrigenda, questions and the registers.

-- Files of the blob store, addressed by id; the same store will hold bids (encrypted) later.
CREATE TABLE blobs (
  id uuid PRIMARY KEY,
  storage_key text NOT NULL UNIQUE,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL DEFAULT 'application/octet-stream',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Human references (2026-0042), one counter per year, taken in the command's transaction.
CREATE TABLE reference_counters (
  scope text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (scope, year)
);

CREATE TABLE tenders (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  buyer_id uuid NOT NULL REFERENCES organisations (id),
  -- where the tender comes from: 'halle' for ours; imported tenders (a later issue) name their platform
  source text NOT NULL DEFAULT 'halle',
  source_url text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN (
    'draft', 'published', 'closed', 'opened', 'evaluation', 'awarded', 'unsuccessful', 'cancelled')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  internal_reference text CHECK (length(internal_reference) <= 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  procedure_type text NOT NULL CHECK (procedure_type IN (
    'adapted', 'open', 'restricted', 'competitive_negotiation', 'competitive_dialogue',
    'negotiated_without_notice', 'design_contest')),
  main_category text NOT NULL CHECK (main_category IN ('works', 'goods', 'services')),
  cpv_codes text[] NOT NULL DEFAULT '{}',
  estimated_value_cents bigint CHECK (estimated_value_cents >= 0),
  department text,
  nuts_code text CHECK (nuts_code ~ '^FR[A-Z0-9]{1,3}$'),
  duration_months integer CHECK (duration_months BETWEEN 1 AND 600),
  variants_allowed boolean NOT NULL DEFAULT false,
  has_options boolean NOT NULL DEFAULT false,
  options_description text,
  reserved_contract text CHECK (reserved_contract IN ('siae', 'ea_esat')),
  social_clause_insertion boolean NOT NULL DEFAULT false,
  social_clause_other boolean NOT NULL DEFAULT false,
  environmental_clause boolean NOT NULL DEFAULT false,
  environmental_criterion boolean NOT NULL DEFAULT false,
  submission_deadline timestamptz,
  candidature_deadline timestamptz,
  questions_deadline timestamptz,
  contact_name text,
  contact_email text,
  contact_phone text,
  electronic_signature_required boolean NOT NULL DEFAULT false,
  max_file_size_bytes bigint NOT NULL DEFAULT 524288000 CHECK (max_file_size_bytes > 0),
  backup_copy_allowed boolean NOT NULL DEFAULT true,
  -- the DCE version companies download now; every corrigendum that changes documents adds one
  dce_version integer NOT NULL DEFAULT 1,
  status_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX tenders_buyer_status ON tenders (buyer_id, status, submission_deadline);
CREATE INDEX tenders_published ON tenders (status, published_at DESC) WHERE status <> 'draft';

-- Every tender has at least one lot; a tender that is not divided has exactly one.
CREATE TABLE lots (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  cpv_codes text[] NOT NULL DEFAULT '{}',
  estimated_value_cents bigint CHECK (estimated_value_cents >= 0),
  reserved_contract text CHECK (reserved_contract IN ('siae', 'ea_esat')),
  social_clause_insertion boolean NOT NULL DEFAULT false,
  social_clause_other boolean NOT NULL DEFAULT false,
  environmental_clause boolean NOT NULL DEFAULT false,
  environmental_criterion boolean NOT NULL DEFAULT false,
  UNIQUE (tender_id, number)
);

-- Weights in basis points (10000 = 100 %), so 12.5 % is exact. lot_id null: for every lot.
CREATE TABLE award_criteria (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  lot_id uuid REFERENCES lots (id) ON DELETE CASCADE,
  position integer NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  kind text NOT NULL DEFAULT 'quality' CHECK (kind IN ('price', 'quality', 'environmental', 'social', 'other')),
  weight_bp integer NOT NULL CHECK (weight_bp BETWEEN 1 AND 10000)
);
CREATE INDEX award_criteria_tender ON award_criteria (tender_id, lot_id, position);

-- Documents of the DCE. A document belongs to the versions [added_in_version, removed_in_version).
CREATE TABLE tender_documents (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  blob_id uuid NOT NULL REFERENCES blobs (id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  document_type text NOT NULL CHECK (document_type IN (
    'rc', 'ccap', 'cctp', 'bpu', 'dqe', 'dpgf', 'ae', 'plans', 'other')),
  size_bytes bigint NOT NULL,
  sha256 char(64) NOT NULL,
  added_in_version integer NOT NULL DEFAULT 1,
  removed_in_version integer,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tender_documents_tender ON tender_documents (tender_id, added_in_version);

-- Changes after publication: each with its reason, visible on the notice page.
CREATE TABLE corrigenda (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  number integer NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 5000),
  changes jsonb NOT NULL DEFAULT '[]',
  dce_version integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (tender_id, number)
);

-- Retrievals register: every download, identified or anonymous, of a document or the whole ZIP.
CREATE TABLE retrievals (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  dce_version integer NOT NULL,
  document_id uuid REFERENCES tender_documents (id) ON DELETE SET NULL,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  retrieved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retrievals_tender ON retrievals (tender_id, retrieved_at DESC);
CREATE INDEX retrievals_user ON retrievals (tender_id, user_id) WHERE user_id IS NOT NULL;

-- Questions register (clarifications): asked by identified companies, answered publicly and anonymised.
CREATE TABLE clarifications (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  number integer NOT NULL,
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 10000),
  asked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  company_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  asked_at timestamptz NOT NULL DEFAULT now(),
  answer text CHECK (length(answer) <= 20000),
  answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
  answered_at timestamptz,
  UNIQUE (tender_id, number)
);
