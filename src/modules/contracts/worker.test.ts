import { describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { waitFor } from '../../../test/support/smtp-peer.js';
import { startWorker } from '../../app/worker.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { awardedLot } from './testFixtures.js';

describe('the worker', () => {
  it('turns a recorded lot.awarded event into a contract (the subscriber is registered)', async () => {
    const rt = await createTestRuntime();
    try {
      await startWorker(rt);
      const lot = await awardedLot(rt);
      await rt.db
        .transaction()
        .execute((trx) => recordEvent(trx, 'lot.awarded', lot.payload as unknown as Record<string, unknown>));
      await waitFor('the contract', async () => {
        const row = await rt.db
          .selectFrom('contracts')
          .select('id')
          .where('award_id', '=', lot.payload.id)
          .executeTakeFirst();
        return row !== undefined;
      });
      const event = await rt.db
        .selectFrom('domain_events')
        .select(['dispatched_at', 'attempts'])
        .where('type', '=', 'lot.awarded')
        .where('aggregate_id', '=', lot.payload.id)
        .executeTakeFirstOrThrow();
      expect(event.attempts).toBe(0);
    } finally {
      await rt.close();
    }
  });
});
