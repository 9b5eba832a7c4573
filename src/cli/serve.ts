import { describeFirstStart, firstStart } from '../app/first-start.js';
import { buildServer } from '../app/server.js';
import { ensureTestTender } from '../app/testTender.js';
import { startWorker } from '../app/worker.js';
import { loadConfig } from '../platform/config.js';
import { openRuntime } from '../platform/runtime.js';

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
  }
}

/** `halle serve`: the web role, and the worker role too unless HALLE_ROLE says otherwise. */
export async function serve(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const rt = await openRuntime(config);
  if (config.role !== 'web') await startWorker(rt);
  if (config.role === 'worker') {
    rt.logger.info('worker started');
    onShutdown(() => rt.close());
    return;
  }
  const app = await buildServer(rt);
  await app.listen({ port: config.port, host: config.host });
  onShutdown(async () => {
    await app.close();
    await rt.close();
  });
  // After listen: the demo data or the setup link is printed next to a server that answers.
  // A failure there is logged, not fatal: the platform itself works without demo data.
  try {
    const notice = describeFirstStart(await firstStart(rt));
    if (notice) console.log(`\n${notice}`);
  } catch (error) {
    rt.logger.error({ err: error }, 'first start tasks failed');
  }
  // Every start, demo or not, after the demo seed (which only fills an empty database).
  try {
    await ensureTestTender(rt);
  } catch (error) {
    rt.logger.error({ err: error }, 'the permanent test tender could not be made');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const engine = rt.database.engine === 'pglite' ? `embedded engine in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`\nHalle is running at ${config.publicUrl} (${engine}, ready in ${seconds} s)\n`);
}

/** `halle worker`: jobs and schedules only. */
export async function worker(): Promise<void> {
  const rt = await openRuntime(loadConfig());
  await startWorker(rt);
  rt.logger.info('worker started');
  onShutdown(() => rt.close());
}

/** `halle migrate`: apply pending migrations (openRuntime does) and exit. */
export async function migrateCommand(): Promise<void> {
  const rt = await openRuntime(loadConfig());
  console.log('Database is up to date.');
  await rt.close();
}
