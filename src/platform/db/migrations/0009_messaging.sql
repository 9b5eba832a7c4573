-- Secure messaging (messagerie sécurisée): threads between a tender's buyer and one company,
-- messages with attachments in the blob store, and per-recipient-organisation delivery and read
-- receipts with their times. Messages are never edited nor deleted: they are the exchange's proof.

-- One thread per (tender, company): the buyer side is the tender's buyer organisation.
CREATE TABLE message_threads (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tender_id, company_id)
);
CREATE INDEX message_threads_company ON message_threads (company_id, last_message_at DESC);

CREATE TABLE messages (
  id uuid PRIMARY KEY,
  thread_id uuid NOT NULL REFERENCES message_threads (id) ON DELETE CASCADE,
  sender_side text NOT NULL CHECK (sender_side IN ('buyer', 'company')),
  -- NULL: written by the platform on behalf of that side (automatic letters)
  sender_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  category text NOT NULL CHECK (category IN (
    'message', 'completion_request', 'rejection_letter', 'award_letter', 'contract_notification')),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  reply_by timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_thread ON messages (thread_id, created_at, id);

CREATE TABLE message_attachments (
  id uuid PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  blob_id uuid NOT NULL REFERENCES blobs (id),
  position integer NOT NULL CHECK (position >= 1),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (message_id, position)
);

-- Receipts, one per receiving organisation: delivered when the message was stored and made
-- available (its transaction), read the first time a user of that organisation opened it.
CREATE TABLE message_receipts (
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  delivered_at timestamptz NOT NULL,
  read_at timestamptz,
  read_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (message_id, organisation_id),
  CHECK (read_at IS NULL OR read_at >= delivered_at)
);
CREATE INDEX message_receipts_unread ON message_receipts (organisation_id) WHERE read_at IS NULL;
