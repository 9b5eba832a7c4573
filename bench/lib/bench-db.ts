/**
 * Bench databases: a fresh PostgreSQL database (or an in-memory PGlite) with the platform's
 * migrations, and a staging table of generated tenders loaded in batches through unnest().
 * The staging table is bench-only: it lets the search index be rebuilt quickly when the search
 * module's schema changes, without generating the tenders again.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { parseConfig } from '../../src/platform/config.js';
import { openRuntime, type Runtime } from '../../src/platform/runtime.js';
import { createTenderGenerator } from './tender-generator.js';

export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return r.rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^halle_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Opens the platform runtime (migrations applied) on a bench database or an in-memory PGlite. */
export async function openBenchRuntime(engine: 'postgres' | 'pglite', dbName: string | undefined): Promise<Runtime> {
  const env: Record<string, string> = { LOG_LEVEL: 'warn', HALLE_DATA_DIR: '/tmp/halle-bench-data' };
  if (engine === 'postgres') {
    if (!dbName) throw new Error('a database name is needed');
    if (!(await databaseExists(dbName))) await adminQuery(`CREATE DATABASE ${dbName}`);
    env.DATABASE_URL = databaseUrl(dbName);
    env.DATABASE_POOL_SIZE = '4';
  }
  return openRuntime(parseConfig(env), { inMemory: true });
}

export async function stagedCount(rt: Runtime): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS bench_tenders (
    idx integer PRIMARY KEY, id uuid NOT NULL, reference text NOT NULL, source text NOT NULL,
    buyer_id uuid NOT NULL, buyer_name text NOT NULL, department text NOT NULL, city text NOT NULL,
    title text NOT NULL, description text NOT NULL, lot_titles text NOT NULL, cpv_codes text[] NOT NULL,
    cpv_labels text NOT NULL, procedure_type text NOT NULL, main_category text NOT NULL, status text NOT NULL,
    published_at timestamptz NOT NULL, submission_deadline timestamptz NOT NULL,
    estimated_value_cents bigint NOT NULL, social_clause boolean NOT NULL, environmental_clause boolean NOT NULL,
    reserved_contract text)`.execute(rt.db);
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_tenders`.execute(rt.db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Generates tenders [from, rows) and inserts them 5,000 at a time: one statement per batch with
 * one array parameter per column, unnested on the server (far fewer round trips and parameters
 * than a multi-row VALUES).
 */
export async function stageTenders(
  rt: Runtime,
  rows: number,
  now: Date,
  log: (m: string) => void = () => {},
): Promise<number> {
  const from = await stagedCount(rt);
  const gen = createTenderGenerator({ now });
  const batch = 5000;
  const started = performance.now();
  for (let start = from; start < rows; start += batch) {
    const cols: unknown[][] = Array.from({ length: 22 }, () => []);
    for (let i = start; i < Math.min(rows, start + batch); i++) {
      const t = gen.tender(i);
      const values = [
        i,
        t.id,
        t.reference,
        t.source,
        t.buyerId,
        t.buyerName,
        t.department,
        t.city,
        t.title,
        t.description,
        t.lotTitles.join(' '),
        t.cpvCodes.join(' '),
        t.cpvLabels,
        t.procedureType,
        t.mainCategory,
        t.status,
        t.publishedAt.toISOString(),
        t.submissionDeadline.toISOString(),
        t.estimatedValueCents,
        t.socialClause,
        t.environmentalClause,
        t.reservedContract,
      ];
      values.forEach((v, k) => {
        (cols[k] as unknown[]).push(v);
      });
    }
    await rt.database.pool.query(
      `INSERT INTO bench_tenders SELECT u.idx, u.id, u.reference, u.source, u.buyer_id, u.buyer_name, u.department,
         u.city, u.title, u.description, u.lot_titles, string_to_array(u.cpv, ' '), u.cpv_labels, u.procedure_type,
         u.main_category, u.status, u.published_at, u.submission_deadline, u.value, u.social, u.env, u.reserved
       FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
         $17::timestamptz[], $18::timestamptz[], $19::bigint[], $20::boolean[], $21::boolean[], $22::text[])
         AS u(idx, id, reference, source, buyer_id, buyer_name, department, city, title, description, lot_titles,
           cpv, cpv_labels, procedure_type, main_category, status, published_at, submission_deadline, value,
           social, env, reserved)`,
      cols,
    );
    if ((start / batch) % 20 === 0)
      log(`staged ${start + batch} rows in ${Math.round(performance.now() - started)} ms`);
  }
  return rows - from;
}
