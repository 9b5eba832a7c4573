import path from 'node:path';
import pino, { type Logger } from 'pino';
import { type BlobStore, createFilesystemBlobStore } from './blobs/index.js';
import type { Config } from './config.js';
import { loadSigningSecret } from './crypto/secret.js';
import { createKysely, type Db } from './db/kysely.js';
import { migrate } from './db/migrate.js';
import { type DatabasePool, openPool } from './db/pool.js';
import { type JobQueue, startJobQueue } from './jobs/queue.js';
import { createMailTransport, type MailTransport } from './mail/transport.js';

/** Everything a process holds: built once at start, passed down explicitly. */
export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabasePool;
  db: Db;
  jobs: JobQueue;
  mail: MailTransport;
  blobs: BlobStore;
  signingSecret: string;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  options: { logger?: Logger; loadDataDir?: Blob; inMemory?: boolean } = {},
): Promise<Runtime> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const database = config.databaseUrl
    ? await openPool({ engine: 'postgres', url: config.databaseUrl, max: config.databasePoolSize })
    : await openPool({
        engine: 'pglite',
        dataDir: options.inMemory ? undefined : path.join(config.dataDir, 'pg'),
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      });
  const db = createKysely(database.pool);
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const jobs = await startJobQueue(database.pool);
  const signingSecret = await loadSigningSecret(db, config.sessionSecret);
  const mail = createMailTransport(config.smtpUrl);
  return {
    config,
    logger,
    database,
    db,
    jobs,
    mail,
    blobs: createFilesystemBlobStore(config.blobsDir),
    signingSecret,
    async close() {
      await jobs.stop({ graceful: true, wait: true, timeout: 5000 });
      mail.close();
      await database.close();
    },
  };
}
