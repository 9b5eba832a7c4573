-- The company space: profile completed from a company registry, document vault, supplier
-- directory, partnering exchange on tenders and buyers' purchase intentions.

-- What a company adds to its organisation row (name, SIRET, NAF, size… stay there): address,
-- head office flag, a presentation for the directory, and whether it appears in the directory.
CREATE TABLE company_profiles (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  address text NOT NULL DEFAULT '' CHECK (length(address) <= 300),
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code = '' OR postal_code ~ '^[0-9]{5}$'),
  head_office boolean NOT NULL DEFAULT true,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  keywords text NOT NULL DEFAULT '' CHECK (length(keywords) <= 500),
  cpv_codes text[] NOT NULL DEFAULT '{}',
  -- where the identity fields came from: a registry adapter, or typed by hand
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('embedded', 'http', 'manual')),
  in_directory boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_profiles_directory ON company_profiles (organisation_id) WHERE in_directory;

-- Vault (coffre-fort): typed documents with a validity date; contents in the blob store.
CREATE TABLE vault_documents (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  blob_id uuid NOT NULL REFERENCES blobs (id),
  document_type text NOT NULL
    CHECK (document_type IN ('kbis', 'urssaf', 'tax', 'insurance', 'reference', 'certification', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  valid_until date,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- set when the expiry reminder is queued: each document is reminded once
  reminder_sent_at timestamptz
);
CREATE INDEX vault_documents_organisation ON vault_documents (organisation_id, created_at);
CREATE INDEX vault_documents_due ON vault_documents (valid_until) WHERE reminder_sent_at IS NULL;

-- Supplier directory: a buyer's saved selections of companies.
CREATE TABLE directory_selections (
  id uuid PRIMARY KEY,
  buyer_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_selections_buyer ON directory_selections (buyer_id, created_at);
CREATE TABLE directory_selection_companies (
  selection_id uuid NOT NULL REFERENCES directory_selections (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (selection_id, company_id)
);

-- Partnering exchange (bourse à la cotraitance / sous-traitance) on published tenders.
CREATE TABLE partnering_entries (
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('lead', 'cocontractor', 'subcontractor')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  skills text NOT NULL DEFAULT '' CHECK (length(skills) <= 500),
  declared_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tender_id, company_id)
);
CREATE TABLE partnering_contacts (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  from_company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  to_company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  sent_by uuid REFERENCES users (id) ON DELETE SET NULL,
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnering_contacts_to ON partnering_contacts (to_company_id, created_at);

-- Purchase intentions: a buyer's upcoming, non-binding need.
CREATE TABLE purchase_intentions (
  id uuid PRIMARY KEY,
  buyer_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  cpv_code text NOT NULL CHECK (cpv_code ~ '^[0-9]{8}$'),
  estimated_value_cents bigint CHECK (estimated_value_cents >= 0),
  expected_on date NOT NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'converted')),
  tender_id uuid REFERENCES tenders (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_intentions_buyer ON purchase_intentions (buyer_id, created_at);
CREATE TABLE intention_targets (
  intention_id uuid NOT NULL REFERENCES purchase_intentions (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (intention_id, company_id)
);
CREATE TABLE intention_interests (
  intention_id uuid NOT NULL REFERENCES purchase_intentions (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (intention_id, company_id)
);

-- ESPD (DUME) responses: a company's answers for a tender, keyed by the criterion property they
-- answer (the ESPD's ValidatedCriterionPropertyID), exported as ESPD XML and PDF on demand.
CREATE TABLE dume_responses (
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  answers jsonb NOT NULL DEFAULT '{}',
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tender_id, company_id)
);
