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
  /**
   * Embedded engine only: LISTEN on the single session (PGlite delivers the NOTIFYs of the pool's
   * queries to it at commit). The server engine listens on a dedicated connection instead.
   */
  listen?: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
}

export type PoolOptions =
  | { engine: 'postgres'; url: string; max: number }
  | { engine: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob };

export const pgliteExtensions = { unaccent, pg_trgm, pgcrypto };

export class DataDirInUseError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A lock file with the owner's pid refuses that, and a stale lock (dead owner) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database ${dataDir} is in use by process ${owner}. Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock ${dataDir}`);
}

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
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  return {
    pool,
    engine: 'pglite',
    dump: () => pglite.dumpDataDir('none'),
    listen: (channel, onPayload) => pglite.listen(channel, onPayload),
    async close() {
      await pool.end();
      await pglite.close();
      unlock();
    },
  };
}
