import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { AlertFrequency } from '../../platform/db/schema.js';
import { filterKeysOf } from './domain/cover.js';

/**
 * What the matcher needs of a tender, whatever its source (our tenders today; purchase intentions
 * and tenders imported from other platforms later): texts, classification and a link.
 */
export interface MatchableDocument {
  /** the tender's id (notifications are unique per person and tender) */
  id: string;
  reference: string;
  title: string;
  /** every searchable text: title, description, lots, CPV labels, buyer name… */
  texts: readonly string[];
  cpvDivisions: readonly string[];
  department: string | null;
  procedure: string;
  category: string;
  buyerId: string | null;
  buyerName: string;
  clauses: readonly ('social' | 'environmental' | 'reserved')[];
  submissionDeadline: Date | null;
  /** where the notification and the mail send the reader */
  link: string;
}

export interface AlertMatch {
  alertId: string;
  userId: string;
  alertName: string;
  frequency: AlertFrequency;
}

const maxTextLength = 200_000;

/**
 * Every active alert the document satisfies, in ONE statement. The document's lexemes and filter
 * values become keys; the GIN index on `alerts.match_keys` returns only the alerts whose cover
 * meets them (a few hundred among 100,000), and those alone are tested exactly: their tsquery
 * against the document's tsvector, and each filter.
 */
export async function matchDocument(db: DbOrTrx, doc: MatchableDocument): Promise<AlertMatch[]> {
  const texts = doc.texts.filter((t) => t.trim() !== '').map((t) => t.slice(0, maxTextLength));
  // one tsvector per text, concatenated: a phrase never spans the end of one field and the next
  const vector =
    texts.length === 0
      ? sql`''::tsvector`
      : sql.join(
          texts.map((t) => sql`to_tsvector('french_unaccent'::regconfig, ${t}::text)`),
          sql` || `,
        );
  const divisions = [...new Set(doc.cpvDivisions)];
  const filterKeys = filterKeysOf({ ...doc, cpvDivisions: divisions });
  const result = await sql<{ id: string; user_id: string; name: string; frequency: AlertFrequency }>`
    WITH doc AS MATERIALIZED (SELECT ${vector} AS v),
    keys AS MATERIALIZED (
      SELECT ARRAY(SELECT 'w:' || l FROM unnest(tsvector_to_array((SELECT v FROM doc))) AS l) || ${filterKeys}::text[] AS k
    )
    SELECT a.id, a.user_id, a.name, a.frequency
    FROM alerts a
    WHERE a.paused_at IS NULL
      AND a.match_keys && (SELECT k FROM keys)
      AND (a.keywords_query IS NULL OR a.keywords_query @@ (SELECT v FROM doc))
      AND (a.cpv_divisions = '{}' OR a.cpv_divisions && ${divisions}::text[])
      AND (a.departments = '{}' OR ${doc.department}::text = ANY (a.departments))
      AND (a.procedures = '{}' OR ${doc.procedure}::text = ANY (a.procedures))
      AND (a.categories = '{}' OR ${doc.category}::text = ANY (a.categories))
      AND (a.buyer_ids = '{}' OR ${doc.buyerId}::uuid = ANY (a.buyer_ids))
      AND (a.clauses = '{}' OR a.clauses && ${[...doc.clauses]}::text[])
    ORDER BY a.user_id, a.id`.execute(db);
  return result.rows.map((r) => ({ alertId: r.id, userId: r.user_id, alertName: r.name, frequency: r.frequency }));
}
