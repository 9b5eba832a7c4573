-- The change log of the search index. Each web process keeps an in-memory copy of the index
-- (src/modules/search/memorySearch.ts) and follows this log to stay exact: a trigger records every
-- write to search_documents, whoever made it (indexer, reindex, imports, a manual fix).
CREATE TABLE search_changes (
  seq bigserial PRIMARY KEY,
  tender_id uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_changes_changed_at ON search_changes (changed_at);

CREATE FUNCTION search_documents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_changes (tender_id) VALUES (OLD.tender_id);
  ELSE
    INSERT INTO search_changes (tender_id) VALUES (NEW.tender_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_documents_changed AFTER INSERT OR UPDATE OR DELETE ON search_documents
  FOR EACH ROW EXECUTE FUNCTION search_documents_changed();
