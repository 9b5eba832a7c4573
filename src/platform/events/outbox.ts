import { sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Db, Trx } from '../db/kysely.js';
import type { Engine } from '../db/pool.js';
import { uuidv7 } from '../ids.js';

/**
 * Domain events (the outbox): a command writes what happened in its own transaction, so the event
 * exists if and only if the change committed. The worker dispatches them, in order, to the
 * subscribers modules register: `tenders` never imports `search`; `search` subscribes to
 * `tender.published`.
 */
export interface DomainEvent {
  id: string;
  type: string;
  aggregateId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** A subscriber runs inside the transaction that marks the event dispatched: use `trx`, not the pool. */
export type EventHandler = (trx: Trx, event: DomainEvent) => Promise<void>;

export interface EventSubscriber {
  /** exact event types, or a prefix ending with '.*' ('tender.*') */
  types: readonly string[];
  name: string;
  handle: EventHandler;
}

const channel = 'halle_domain_events';
const maxAttempts = 10;

/** Records an event in the command's transaction; `payload.id` (or `aggregateId`) names the aggregate. */
export async function recordEvent(
  trx: Trx,
  type: string,
  payload: Record<string, unknown> & { id?: string },
): Promise<void> {
  await trx
    .insertInto('domain_events')
    .values({
      id: uuidv7(),
      type,
      aggregate_id: typeof payload.id === 'string' ? payload.id : null,
      payload: JSON.stringify(payload),
    })
    .execute();
  // delivered at commit only: the dispatcher wakes up at once instead of at its next poll
  await sql`SELECT pg_notify(${channel}, '')`.execute(trx);
}

function matches(subscriber: EventSubscriber, type: string): boolean {
  return subscriber.types.some((t) => (t.endsWith('.*') ? type.startsWith(t.slice(0, -1)) : t === type));
}

/**
 * Dispatches pending events once: each event in its own transaction, locked with SKIP LOCKED so
 * several workers share the work without dispatching an event twice. Returns how many were handled.
 */
export async function dispatchPendingEvents(
  db: Db,
  subscribers: readonly EventSubscriber[],
  logger?: Logger,
  limit = 100,
): Promise<number> {
  const pending = await db
    .selectFrom('domain_events')
    .select('id')
    .where('dispatched_at', 'is', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  let handled = 0;
  for (const { id } of pending) {
    try {
      const done = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('domain_events')
          .selectAll()
          .where('id', '=', id)
          .where('dispatched_at', 'is', null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return false;
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          aggregateId: row.aggregate_id,
          payload: (row.payload ?? {}) as Record<string, unknown>,
          occurredAt: row.occurred_at,
        };
        for (const subscriber of subscribers) {
          if (matches(subscriber, event.type)) await subscriber.handle(trx, event);
        }
        await trx
          .updateTable('domain_events')
          .set({ dispatched_at: sql`clock_timestamp()` })
          .where('id', '=', id)
          .execute();
        return true;
      });
      if (done) handled++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger?.warn({ eventId: id, err: message }, 'domain event not dispatched');
      await db
        .updateTable('domain_events')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: message.slice(0, 2000),
          // set aside after the last attempt: its error stays for the operator to read
          dispatched_at: sql`CASE WHEN attempts + 1 >= ${maxAttempts} THEN clock_timestamp() ELSE NULL END`,
        }))
        .where('id', '=', id)
        .execute();
    }
  }
  return handled;
}

export interface EventDispatcher {
  /** dispatches now (tests, and the wake-up of LISTEN) */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Polls every 250 ms, and on the PostgreSQL server also wakes up on NOTIFY (a dedicated
 * connection). PGlite is one session, so there it only polls: 250 ms keeps a published tender
 * searchable well within a second.
 */
export async function startEventDispatcher(options: {
  db: Db;
  pool: pg.Pool;
  engine: Engine;
  subscribers: readonly EventSubscriber[];
  logger: Logger;
  pollMs?: number;
}): Promise<EventDispatcher> {
  const { db, subscribers, logger } = options;
  const pollMs = options.pollMs ?? 250;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const run = (): void => {
    if (stopped) return;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const handled = await dispatchPendingEvents(db, subscribers, logger);
          if (handled === 100) again = true;
        } catch (error) {
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'event dispatch failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      if (!stopped) {
        timer = setTimeout(run, pollMs);
        // a pending poll never keeps a process alive on its own
        timer.unref();
      }
    });
  };

  let listener: pg.PoolClient | null = null;
  if (options.engine === 'postgres') {
    try {
      listener = await options.pool.connect();
      listener.on('notification', () => run());
      listener.on('error', () => {
        // the poll still runs: a lost LISTEN connection only delays dispatch by one poll
      });
      await listener.query(`LISTEN ${channel}`);
    } catch {
      listener?.release();
      listener = null;
    }
  }
  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (listener) {
        try {
          await listener.query(`UNLISTEN ${channel}`);
        } catch {
          // closing anyway
        }
        listener.release(true);
      }
    },
  };
}
