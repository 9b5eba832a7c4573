import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, DbOrTrx } from '../../platform/db/kysely.js';
import { type IndexedTender, parseTsvector, TenderMemoryIndex } from './domain/memoryIndex.js';

/**
 * The in-memory copy of the search index held by a web process (see `domain/memoryIndex.ts` for
 * why). It is loaded from `search_documents` at start and follows `search_changes`, the log a
 * trigger writes on every change of that table. Before answering, a search applies the changes
 * logged since the last one, so what a process answers is never older than the database — a
 * tender indexed by the worker is found by the next search, on every web process.
 */
export class MemorySearch {
  readonly index = new TenderMemoryIndex();
  ready = false;
  private lastSeq = 0;
  /** sequence numbers skipped by the log reader: their transaction may still commit (seq → first seen) */
  private gaps = new Map<number, number>();
  private syncing: Promise<void> | null = null;
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
  ) {}

  /** Loads every document; changes logged meanwhile are applied by the next `sync`. */
  async load(batchSize = 5000): Promise<void> {
    const started = Date.now();
    const [mark] = (
      await sql<{ seq: string | null }>`SELECT max(seq)::text AS seq FROM search_changes`.execute(this.db)
    ).rows;
    this.lastSeq = Number(mark?.seq ?? 0);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await documents(this.db, sql`tender_id > ${after}::uuid ORDER BY tender_id LIMIT ${batchSize}`);
      for (const row of rows) this.index.upsert(toIndexed(row));
      if (rows.length < batchSize) break;
      after = (rows[rows.length - 1] as DocumentRow).tender_id;
    }
    this.index.trim();
    await this.sync();
    this.ready = true;
    this.logger?.info({ documents: this.index.size, ms: Date.now() - started }, 'search: in-memory index loaded');
  }

  /** Applies the logged changes not yet seen. Concurrent callers share one pass. */
  sync(): Promise<void> {
    this.syncing ??= this.applyChanges().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async applyChanges(): Promise<void> {
    const now = Date.now();
    // a gap older than a minute belongs to a transaction that rolled back
    for (const [seq, seen] of this.gaps) if (now - seen > 60_000) this.gaps.delete(seq);
    for (;;) {
      const gaps = [...this.gaps.keys()];
      // two index lookups; one statement with OR would walk the whole log
      const fresh = (
        await sql<{ seq: string; tender_id: string }>`
          SELECT c.seq::text AS seq, c.tender_id FROM search_changes c
          WHERE c.seq > ${this.lastSeq} ORDER BY c.seq LIMIT 10000`.execute(this.db)
      ).rows;
      const late =
        gaps.length === 0
          ? []
          : (
              await sql<{ seq: string; tender_id: string }>`
                SELECT c.seq::text AS seq, c.tender_id FROM search_changes c
                WHERE c.seq = ANY(${gaps}::bigint[])`.execute(this.db)
            ).rows;
      const rows = [...late, ...fresh];
      if (rows.length === 0) break;
      const changed = new Set<string>();
      for (const row of rows) {
        const seq = Number(row.seq);
        changed.add(row.tender_id);
        if (this.gaps.delete(seq)) continue;
        // a few numbers skipped by concurrent transactions are watched; a big jump is a trimmed log
        if (seq - this.lastSeq <= 1000)
          for (let missing = this.lastSeq + 1; missing < seq; missing++) this.gaps.set(missing, now);
        this.lastSeq = Math.max(this.lastSeq, seq);
      }
      const ids = [...changed];
      const found = await documents(this.db, sql`tender_id = ANY(${ids}::uuid[])`);
      const present = new Set(found.map((r) => r.tender_id));
      for (const row of found) this.index.upsert(toIndexed(row));
      for (const id of ids) if (!present.has(id)) this.index.remove(id);
      if (fresh.length < 10000) break;
    }
    // the log only has to outlive the processes that read it; one of them trims it now and then
    if (now - this.lastPrune > 10 * 60_000) {
      this.lastPrune = now;
      await sql`DELETE FROM search_changes WHERE changed_at < now() - interval '1 day'`.execute(this.db);
    }
  }
}

interface DocumentRow {
  tender_id: string;
  published_at: Date;
  submission_deadline: Date | null;
  status: string;
  department: string | null;
  procedure_type: string;
  main_category: string;
  buyer_id: string | null;
  buyer_name: string;
  cpv_divisions: string[];
  social_clause: boolean;
  environmental_clause: boolean;
  reserved_contract: boolean;
  document: string;
}

async function documents(db: DbOrTrx, where: ReturnType<typeof sql>): Promise<DocumentRow[]> {
  return (
    await sql<DocumentRow>`
      SELECT tender_id, published_at, submission_deadline, status, department, procedure_type, main_category,
        buyer_id, buyer_name, cpv_divisions, social_clause, environmental_clause, reserved_contract,
        document::text AS document
      FROM search_documents WHERE ${where}`.execute(db)
  ).rows;
}

function toIndexed(row: DocumentRow): IndexedTender {
  return {
    tenderId: row.tender_id,
    publishedAt: row.published_at.getTime(),
    deadline: row.submission_deadline ? row.submission_deadline.getTime() : null,
    status: row.status,
    department: row.department,
    procedure: row.procedure_type,
    category: row.main_category,
    buyerId: row.buyer_id,
    buyerName: row.buyer_name,
    cpvDivisions: row.cpv_divisions,
    socialClause: row.social_clause,
    environmentalClause: row.environmental_clause,
    reservedContract: row.reserved_contract,
    lexemes: parseTsvector(row.document),
  };
}

const running = new WeakMap<object, MemorySearch>();

/** The in-memory index attached to this database handle, once loaded. */
export function memorySearchFor(db: DbOrTrx): MemorySearch | undefined {
  const memory = running.get(db);
  return memory?.ready ? memory : undefined;
}

/**
 * Starts the in-memory index of this process for this database. A small index (the demo, tests) is
 * loaded before this returns; a large one loads in the background while searches go to PostgreSQL.
 */
export async function startMemorySearch(
  db: Db,
  options: { logger?: Logger; waitBelow?: number; refreshMs?: number } = {},
): Promise<{ stop(): void; memory: MemorySearch }> {
  const memory = new MemorySearch(db, options.logger);
  running.set(db, memory);
  const [count] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents`.execute(db)).rows;
  const loading = memory.load().catch((error) => {
    options.logger?.error({ err: error }, 'search: in-memory index not loaded; searches stay in PostgreSQL');
  });
  if (Number(count?.n ?? 0) < (options.waitBelow ?? 50_000)) await loading;
  // between searches too, so that the first search after a quiet spell has little to catch up
  const timer = setInterval(() => {
    if (memory.ready) memory.sync().catch((error) => options.logger?.warn({ err: error }, 'search: sync failed'));
  }, options.refreshMs ?? 1000);
  timer.unref();
  return {
    memory,
    stop() {
      clearInterval(timer);
      running.delete(db);
    },
  };
}
