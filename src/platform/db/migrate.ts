import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './kysely.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered SQL files, applied in order, each once, forward only. */
export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(migrationsDir, name), 'utf8') }));
}

/**
 * Applies pending migrations. An advisory lock serialises concurrent starts of several
 * processes against one server; each migration runs in its own transaction.
 */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS halle_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  for (const migration of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(trx);
      const row = await trx
        .selectFrom('halle_migrations')
        .select('name')
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (row) return false;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('halle_migrations').values({ name: migration.name }).execute();
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
