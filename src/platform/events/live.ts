import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Trx } from '../db/kysely.js';
import type { DatabasePool } from '../db/pool.js';

/**
 * Live fan-out between processes through PostgreSQL LISTEN/NOTIFY: a command calls `notifyLive`
 * in its transaction (delivered at commit only, to every listening process), and each web process
 * holds one listener that passes payloads to its own subscribers (e.g. Server-Sent Event streams).
 * Payloads carry identifiers only, never content: a listener reads what it may show from the
 * database. On the embedded engine the single session listens itself (same code path: NOTIFY).
 */
export type LiveChannel = 'halle_notifications';

export async function notifyLive(trx: Trx, channel: LiveChannel, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(trx);
}

export interface LiveListener {
  subscribe(onPayload: (payload: string) => void): () => void;
  close(): Promise<void>;
}

export async function startLiveListener(options: {
  database: DatabasePool;
  databaseUrl: string | undefined;
  channel: LiveChannel;
  logger: Logger;
}): Promise<LiveListener> {
  const subscribers = new Set<(payload: string) => void>();
  const deliver = (payload: string) => {
    for (const s of subscribers) {
      try {
        s(payload);
      } catch (error) {
        options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'live subscriber failed');
      }
    }
  };
  const api = (close: () => Promise<void>): LiveListener => ({
    subscribe(onPayload) {
      subscribers.add(onPayload);
      return () => subscribers.delete(onPayload);
    },
    close,
  });

  if (options.database.listen) {
    const unlisten = await options.database.listen(options.channel, deliver);
    return api(async () => {
      subscribers.clear();
      await unlisten().catch(() => {});
    });
  }

  // the server: one dedicated connection per process, reconnected when lost
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.databaseUrl });
    c.on('notification', (n) => {
      if (n.channel === options.channel && n.payload) deliver(n.payload);
    });
    c.on('error', () => {
      // reconnect below; notifications sent meanwhile are lost, the page still shows them on reload
      if (client === c) client = null;
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${options.channel}`);
    client = c;
  };
  await connect();
  return api(async () => {
    stopped = true;
    subscribers.clear();
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  });
}
