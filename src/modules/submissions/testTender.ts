import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { nameCommittee } from './nameCommittee.js';
import { setHolderPassphrase } from './setHolderPassphrase.js';

/** The `platform_settings` key holding the id of the permanent test tender (issue #6). */
export const testTenderSettingKey = 'test_tender_id';

/** The id of the permanent test tender, if the platform has one. */
export async function testTenderId(db: DbOrTrx): Promise<string | undefined> {
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', testTenderSettingKey)
    .executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** The reference of the permanent test tender while it is open for deposits, for the workstation page. */
export async function testTenderReference(db: DbOrTrx): Promise<string | undefined> {
  const id = await testTenderId(db);
  if (!id) return undefined;
  const row = await db
    .selectFrom('tenders')
    .select('reference')
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row?.reference;
}

function systemPrincipal(user: { id: string; email: string; name: string }, buyerId: string): SessionPrincipal {
  return {
    kind: 'session',
    sessionId: 'system',
    user: { id: user.id, email: user.email, name: user.name, emailVerified: true },
    memberships: [
      { organisationId: buyerId, organisationName: 'system', organisationKind: 'buyer', role: 'buyer_agent' },
    ],
    activeOrganisationId: buyerId,
  };
}

/**
 * Gives a draft tender an opening committee that nobody can ever use: its holders are system users
 * (buyer agents without password), each sets a random passphrase that is dropped as soon as it has
 * sealed the holder's key. The tender's opening key is made and split exactly as for a real
 * committee, so bids are sealed like real ones, but no share can ever be unsealed again.
 */
export async function keyUnopenableCommittee(
  rt: Runtime,
  input: {
    reference: string;
    buyerId: string;
    holders: { id: string; email: string; name: string }[];
    backup: { id: string; email: string; name: string };
  },
): Promise<void> {
  const namer = input.holders[0];
  if (!namer) throw new Error('an unopenable committee needs holders');
  await nameCommittee(rt, systemPrincipal(namer, input.buyerId), {
    reference: input.reference,
    holderUserIds: input.holders.map((h) => h.id),
    backupUserId: input.backup.id,
    threshold: input.holders.length,
    notify: false,
  });
  const rows = await rt.db
    .selectFrom('committee_holders')
    .innerJoin('tenders', 'tenders.id', 'committee_holders.tender_id')
    .select(['committee_holders.id', 'committee_holders.user_id'])
    .where('tenders.reference', '=', input.reference)
    .execute();
  for (const user of [...input.holders, input.backup]) {
    const row = rows.find((r) => r.user_id === user.id);
    if (!row) throw new Error('holder row missing');
    // never stored, never logged: the share it protects is lost for good
    const passphrase = randomBytes(32).toString('base64url');
    await setHolderPassphrase(rt, systemPrincipal(user, input.buyerId), { holderId: row.id, passphrase });
  }
}
