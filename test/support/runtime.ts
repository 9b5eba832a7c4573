import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, parseConfig } from '../../src/platform/config.js';
import { openRuntime, type Runtime } from '../../src/platform/runtime.js';
import { templatePath } from './template.js';

export const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * A runtime on a database of its own: on the PostgreSQL server when TEST_DATABASE_URL is
 * set (a fresh database per call), otherwise an in-memory PGlite loaded from a migrated
 * template (building one from scratch costs 3 s, loading it under 1 s).
 */
export async function createTestRuntime(env: Record<string, string> = {}): Promise<Runtime> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-test-'));
  const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', HALLE_DATA_DIR: dataDir, ...env };
  if (serverUrl) {
    const dbName = `halle_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const rt = await openRuntime(parseConfig({ ...base, DATABASE_URL: url.toString() }));
    const close = rt.close;
    rt.close = async () => {
      await close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await drop.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    return rt;
  }
  const template = new Blob([fs.readFileSync(templatePath())]);
  const rt = await openRuntime(parseConfig(base), { inMemory: true, loadDataDir: template });
  const close = rt.close;
  rt.close = async () => {
    await close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return rt;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
}
