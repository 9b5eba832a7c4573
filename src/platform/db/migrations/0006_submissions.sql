-- Sealed electronic submissions: the opening committee and its key, submissions and their
-- encrypted files, the per-tender hash-chained deposits register, receipts, opening sessions and
-- opening reports. No column ever holds a bid's plaintext or an opening private key in clear.

-- The opening committee of a tender. The opening key pair exists only once every holder has set a
-- passphrase (see nameCommittee.ts for the flow): until then public_key is null.
CREATE TABLE opening_committees (
  tender_id uuid PRIMARY KEY REFERENCES tenders (id) ON DELETE CASCADE,
  threshold integer NOT NULL CHECK (threshold >= 2),
  -- 32-byte X25519 public key (base64), and a value sealed to it that the rebuilt private key must open
  public_key text,
  key_check jsonb,
  named_by uuid REFERENCES users (id),
  named_at timestamptz NOT NULL DEFAULT now(),
  keyed_at timestamptz,
  -- the deposits register's length and head, updated under this row's lock (one writer per tender)
  register_length integer NOT NULL DEFAULT 0,
  register_head char(64) NOT NULL DEFAULT repeat('0', 64)
);

-- Key holders: n committee members and one backup holder. Each holder's own X25519 key pair is made
-- when they set their passphrase; its private key is stored only sealed under that passphrase
-- (argon2id + AES-256-GCM). The holder's Shamir share is stored only HPKE-wrapped to the holder's key.
CREATE TABLE committee_holders (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES opening_committees (tender_id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('member', 'backup')),
  position integer NOT NULL,
  holder_public_key text,
  sealed_holder_key jsonb,
  passphrase_set_at timestamptz,
  share_enc text,
  share_ct text,
  UNIQUE (tender_id, user_id),
  UNIQUE (tender_id, position)
);
CREATE INDEX committee_holders_user ON committee_holders (user_id);

-- A company's submission (pli). 'draft' while files are added; 'sealed' once its last file is
-- durably stored and its register entry and receipt are committed (one transaction).
CREATE TABLE submissions (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id),
  company_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sealed')),
  lot_numbers integer[] NOT NULL DEFAULT '{}',
  consortium jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  sealed_at timestamptz,
  sealed_by uuid REFERENCES users (id),
  late boolean,
  register_position integer,
  receipt jsonb,
  CHECK ((status = 'sealed') = (sealed_at IS NOT NULL AND late IS NOT NULL AND register_position IS NOT NULL AND receipt IS NOT NULL))
);
CREATE INDEX submissions_tender ON submissions (tender_id, sealed_at);
CREATE INDEX submissions_company ON submissions (company_id, created_at);
CREATE UNIQUE INDEX submissions_register_position ON submissions (tender_id, register_position);

-- The files of a submission: ciphertext in the blob store, the per-file key HPKE-wrapped to the
-- tender's opening key. opened_key is written at opening only: the file key sealed under a key
-- derived from the installation secret, so the tender's buyer agents can download after opening.
CREATE TABLE submission_files (
  id uuid PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('candidature', 'offer')),
  lot_number integer,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  blob_id uuid NOT NULL REFERENCES blobs (id),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  cipher_size_bytes bigint NOT NULL,
  cipher_sha256 char(64) NOT NULL CHECK (cipher_sha256 ~ '^[0-9a-f]{64}$'),
  key_enc text NOT NULL,
  key_ct text NOT NULL,
  opened_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'offer') = (lot_number IS NOT NULL))
);
CREATE INDEX submission_files_submission ON submission_files (submission_id);

-- The deposits register: append-only, hash-chained per tender (domain/register.ts).
CREATE TABLE deposit_register (
  tender_id uuid NOT NULL REFERENCES tenders (id),
  position integer NOT NULL CHECK (position >= 1),
  submission_id uuid NOT NULL REFERENCES submissions (id),
  previous_hash char(64) NOT NULL,
  entry_hash char(64) NOT NULL,
  content jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tender_id, position)
);

-- Backup copies (copies de sauvegarde) declared by companies, where the tender accepts them.
CREATE TABLE backup_copy_declarations (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id),
  company_id uuid NOT NULL REFERENCES organisations (id),
  declared_by uuid REFERENCES users (id),
  medium text NOT NULL CHECK (length(medium) BETWEEN 1 AND 500),
  declared_at timestamptz NOT NULL DEFAULT now()
);

-- An opening in progress: holders' shares as they are given, each sealed under a key derived from
-- the installation secret and this session; wiped when the opening completes or the session expires.
CREATE TABLE opening_sessions (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id),
  started_by uuid REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE UNIQUE INDEX opening_sessions_one_active ON opening_sessions (tender_id) WHERE completed_at IS NULL;

CREATE TABLE opening_session_shares (
  session_id uuid NOT NULL REFERENCES opening_sessions (id) ON DELETE CASCADE,
  holder_id uuid NOT NULL REFERENCES committee_holders (id),
  sealed_share text NOT NULL,
  given_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, holder_id)
);

-- The opening report (procès-verbal d'ouverture des plis).
CREATE TABLE opening_reports (
  tender_id uuid PRIMARY KEY REFERENCES tenders (id),
  opened_at timestamptz NOT NULL,
  opened_by uuid REFERENCES users (id),
  holder_ids uuid[] NOT NULL,
  report jsonb NOT NULL
);

-- one draft at a time per company and tender (sealed ones are kept without limit)
CREATE UNIQUE INDEX submissions_one_draft ON submissions (tender_id, company_id) WHERE status = 'draft';

-- Resumable uploads (tus core). Everything needed to resume lives here and in the blob store, so a
-- resumed PATCH may reach any web process. The file key is stored HPKE-wrapped to the tender's key
-- (as for any file) and, for the time of the upload only, sealed under a key derived from a secret
-- that only the uploading client holds (sent back on each request, stored here as a hash): the
-- platform cannot continue, or read, an upload without the client. Each PATCH adds a segment of
-- whole encrypted chunks (a blob); at the end the segments are joined into the file's blob.
CREATE TABLE submission_uploads (
  id uuid PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('candidature', 'offer')),
  lot_number integer,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_id uuid NOT NULL,
  length bigint NOT NULL CHECK (length >= 0),
  committed bigint NOT NULL DEFAULT 0,
  next_chunk integer NOT NULL DEFAULT 0,
  secret_hash char(64) NOT NULL,
  sealed_key text,
  key_enc text NOT NULL,
  key_ct text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

CREATE TABLE submission_upload_segments (
  upload_id uuid NOT NULL REFERENCES submission_uploads (id) ON DELETE CASCADE,
  number integer NOT NULL,
  blob_id uuid NOT NULL REFERENCES blobs (id),
  first_chunk integer NOT NULL,
  chunk_count integer NOT NULL,
  plain_bytes bigint NOT NULL,
  PRIMARY KEY (upload_id, number)
);
