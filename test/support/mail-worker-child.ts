/**
 * A worker process of its own (for the exactly-once delivery test, which kills it with SIGKILL in
 * the middle of a batch): the platform's worker role on DATABASE_URL, mail to SMTP_URL.
 */
import { startWorker } from '../../src/app/worker.js';
import { parseConfig } from '../../src/platform/config.js';
import { openRuntime } from '../../src/platform/runtime.js';

const rt = await openRuntime(
  parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HALLE_DATA_DIR: process.env.HALLE_DATA_DIR ?? '/tmp/halle-mail-worker-child',
    DATABASE_URL: process.env.DATABASE_URL,
    SMTP_URL: process.env.SMTP_URL,
  }),
);
await startWorker(rt);
process.stdout.write('ready\n');
