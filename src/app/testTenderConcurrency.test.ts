import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, serverUrl } from '../../test/support/runtime.js';
import type { Runtime } from '../platform/runtime.js';
import { ensureTestTender } from './testTender.js';

// Several web processes start together only on a server database (the embedded one is one process).
describe.skipIf(!serverUrl)('the permanent test tender, with starts at the same moment', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await createTestRuntime();
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('is made once when three starts race on a new database', async () => {
    const results = await Promise.all([ensureTestTender(rt), ensureTestTender(rt), ensureTestTender(rt)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.tenderId)).size).toBe(1);
    const tenders = await rt.db.selectFrom('tenders').select('id').execute();
    expect(tenders).toHaveLength(1);
  });
});
