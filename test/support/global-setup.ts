import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/platform/config.js';
import { openRuntime } from '../../src/platform/runtime.js';
import { templatePath } from './template.js';

/** Builds once the migrated PGlite database that every test loads (see runtime.ts). */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const file = templatePath();
  if (fs.existsSync(file)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-template-'));
  const rt = await openRuntime(parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HALLE_DATA_DIR: dataDir }), {
    inMemory: true,
  });
  await rt.jobs.stop({ graceful: true, wait: true });
  const blob = await rt.database.dump?.();
  if (!blob) throw new Error('the embedded engine cannot dump');
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
  await rt.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
