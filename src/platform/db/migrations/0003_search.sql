-- Search: an outbox of domain events (modules react to each other through it) and the search
-- module's own index of public tenders, fed by those events. Drafts never enter the index.

CREATE TABLE domain_events (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
  aggregate_id uuid,
  payload jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  dispatched_at timestamptz,
  -- a subscriber that keeps failing is retried a few times, then the event is set aside (dispatched
  -- with its last error) so that it does not hold back the events after it
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX domain_events_pending ON domain_events (occurred_at, id) WHERE dispatched_at IS NULL;

CREATE TABLE search_documents (
  tender_id uuid PRIMARY KEY,
  -- 'halle' for our tenders; imported tenders (a later issue) name their platform and link to it
  source text NOT NULL DEFAULT 'halle',
  source_url text,
  reference text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  lots_text text NOT NULL DEFAULT '',
  cpv_codes text[] NOT NULL DEFAULT '{}',
  cpv_labels text NOT NULL DEFAULT '',
  cpv_divisions text[] NOT NULL DEFAULT '{}',
  buyer_id uuid,
  buyer_name text NOT NULL DEFAULT '',
  department text,
  procedure_type text NOT NULL,
  main_category text NOT NULL,
  social_clause boolean NOT NULL DEFAULT false,
  environmental_clause boolean NOT NULL DEFAULT false,
  reserved_contract boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status <> 'draft'),
  published_at timestamptz NOT NULL,
  submission_deadline timestamptz,
  -- lower-case, accent-free copies for trigram similarity (unaccent is not immutable, so they are
  -- written by the indexer rather than generated)
  title_plain text NOT NULL DEFAULT '',
  buyer_plain text NOT NULL DEFAULT '',
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(lots_text, '') || ' ' || coalesce(cpv_labels, '')), 'B') ||
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(buyer_name, '')), 'C') ||
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(description, '')), 'D')
  ) STORED,
  indexed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_documents_document ON search_documents USING gin (document);
CREATE INDEX search_documents_title_trgm ON search_documents USING gin (title_plain gin_trgm_ops);
CREATE INDEX search_documents_buyer_trgm ON search_documents USING gin (buyer_plain gin_trgm_ops);
CREATE INDEX search_documents_cpv ON search_documents USING gin (cpv_divisions);
CREATE INDEX search_documents_published ON search_documents (published_at DESC, tender_id);
CREATE INDEX search_documents_deadline ON search_documents (submission_deadline, tender_id);
CREATE INDEX search_documents_department ON search_documents (department);
CREATE INDEX search_documents_buyer ON search_documents (buyer_id);
CREATE INDEX search_documents_status ON search_documents (status, procedure_type, main_category);
-- what most searches look at: tenders still open for bids
CREATE INDEX search_documents_open ON search_documents (submission_deadline, published_at DESC)
  WHERE status = 'published';
