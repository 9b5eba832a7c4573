import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { identifiedRetrievers } from './retrievers.js';

describe('identifiedRetrievers', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await createTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('lists each signed-in retriever once, not anonymous downloads, nor disabled users, nor other tenders', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const company = await createOrganisation(rt);
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const other = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const alice = await createUser(rt, { email: `alice-${uuidv7().slice(-6)}@exemple.fr`, name: 'Alice' });
    const bob = await createUser(rt, { email: `bob-${uuidv7().slice(-6)}@exemple.fr`, name: 'Bob' });
    const disabled = await createUser(rt, { name: 'Disabled' });
    const elsewhere = await createUser(rt, { name: 'Elsewhere' });
    await rt.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    const row = (tenderId: string, userId: string | null) => ({
      id: uuidv7(),
      tender_id: tenderId,
      dce_version: 1,
      user_id: userId,
      organisation_id: userId ? company.id : null,
    });
    await rt.db
      .insertInto('retrievals')
      .values([
        row(tender.id, alice.id),
        row(tender.id, alice.id),
        row(tender.id, bob.id),
        row(tender.id, null),
        row(tender.id, disabled.id),
        row(other.id, elsewhere.id),
      ])
      .execute();

    const retrievers = await identifiedRetrievers(rt.db, tender.id);
    expect(retrievers.map((r) => r.userId).sort()).toEqual([alice.id, bob.id].sort());
    expect(retrievers.find((r) => r.userId === alice.id)).toEqual({
      userId: alice.id,
      email: alice.email,
      name: 'Alice',
      locale: 'fr',
    });
    expect(await identifiedRetrievers(rt.db, other.id)).toHaveLength(1);
  });
});
