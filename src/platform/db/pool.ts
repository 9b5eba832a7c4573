import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

// timestamptz as JS Date, int8 (counts) as number: counts in this platform stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// date columns stay ISO strings (YYYY-MM-DD): a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);

export type Engine = 'pglite' | 'postgres';

export interface DatabasePool {
  pool: pg.Pool;
  engine: Engine;
  /** Closes the pool and, on the embedded engine, flushes and closes PGlite. */
  close(): Promise<void>;
  /** Embedded engine only: the whole database as a tarball (used to build test templates). */
  dump?: () => Promise<Blob>;
}

export type PoolOptions =
  | { engine: 'postgres'; url: string; max: number }
  | { engine: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob };

export const pgliteExtensions = { unaccent, pg_trgm, pgcrypto };

/**
 * One `pg.Pool` for both engines, so Kysely and pg-boss share a single driver.
 * PGlite is a single session: its pool holds exactly one client that is never closed.
 */
export async function openPool(options: PoolOptions): Promise<DatabasePool> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    return { pool, engine: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  return {
    pool,
    engine: 'pglite',
    dump: () => pglite.dumpDataDir('none'),
    async close() {
      await pool.end();
      await pglite.close();
    },
  };
}
