-- Watchlist (panier) of company users, and the secret address of its calendar feed.

-- One list per person, not per company: a watchlist is a personal reading list (colleagues of the
-- same company follow different tenders). The company the person acted for when adding is kept for
-- the audit trail and for a later company-wide view built from the same rows.
CREATE TABLE watchlist_entries (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tender_id uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, tender_id)
);
CREATE INDEX watchlist_entries_tender ON watchlist_entries (tender_id);

-- The calendar feed is read by calendar software without a session: a random token in the URL.
-- Only its SHA-256 is stored, so a copy of the database does not give the feeds away.
CREATE TABLE watchlist_calendar_tokens (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash char(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
