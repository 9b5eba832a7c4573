import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { listMigrations } from '../../src/platform/db/migrate.js';

/** The template's file name changes with the migrations, so a stale template is never used. */
export function templatePath(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.name).update(m.sql);
  return path.join(os.tmpdir(), `halle-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}
