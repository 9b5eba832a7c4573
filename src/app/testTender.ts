import { createOrganisation } from '../modules/organisations/index.js';
import { keyUnopenableCommittee, testTenderId, testTenderSettingKey } from '../modules/submissions/index.js';
import { createDraftInTransaction, publishPermanentTender } from '../modules/tenders/index.js';
import { uuidv7 } from '../platform/ids.js';
import type { Runtime } from '../platform/runtime.js';

/** The dedicated buyer that owns the test tender (a fixed, valid SIRET in a range no real body uses). */
export const testBuyer = { name: 'Halle — consultation de test', siret: '99900000300015' } as const;
export const testTenderTitle = 'Consultation de test permanente — dépôt d’essai';
/** 31 Dec 2099, 23:59 in Paris (UTC+1 in winter): the test tender never closes. */
export const testTenderDeadline = new Date('2099-12-31T22:59:00Z');

const testTenderDescription =
  'Consultation fictive, ouverte en permanence, pour s’entraîner au dépôt électronique avant une vraie ' +
  'échéance : préparation du pli, envoi de fichiers chiffrés, scellement et accusé de réception signé. ' +
  'Aucun dépôt n’est examiné ni attribué. Les plis sont chiffrés comme de vrais plis, mais les clés ' +
  'd’ouverture ont été détruites à la création de la consultation : personne ne pourra jamais les ouvrir.';

/** System holders: buyer agents without password (nobody can sign in as them) at an unroutable address. */
async function ensureSystemHolder(rt: Runtime, buyerId: string, n: number) {
  const email = `detenteur-${n}@consultation-de-test.halle.invalid`;
  const name = `Détenteur système ${n} (consultation de test)`;
  const existing = await rt.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  const id = existing?.id ?? uuidv7();
  if (!existing) {
    await rt.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id, email, name, password_hash: null }).execute();
      await trx
        .insertInto('memberships')
        .values({ user_id: id, organisation_id: buyerId, role: 'buyer_agent' })
        .execute();
    });
  }
  return { id, email, name };
}

/**
 * Makes sure the permanent test tender exists (issue #6: the law asks that companies can make a
 * test submission and check their workstation): one published tender of a dedicated buyer, open
 * until 2099, whose opening committee is made of system holders with random passphrases dropped at
 * once, so test bids are sealed exactly like real ones and can never be opened. Its id is kept in
 * `platform_settings`, so every later start does nothing. Run at each start of the web process.
 * Resumable: a start that failed half-way reuses the buyer and the holders it had made.
 */
export async function ensureTestTender(rt: Runtime): Promise<{ created: boolean; tenderId: string }> {
  // Several web processes starting together on a new server database: one makes the tender, the
  // others wait on this lock, then find it. (The embedded engine is one process, and its only
  // connection must stay free for the steps below.)
  if (rt.database.engine !== 'postgres') return makeTestTender(rt);
  const client = await rt.database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242002)');
    return await makeTestTender(rt);
  } finally {
    await client.query('SELECT pg_advisory_unlock(4242002)').catch(() => undefined);
    client.release();
  }
}

async function makeTestTender(rt: Runtime): Promise<{ created: boolean; tenderId: string }> {
  const known = await testTenderId(rt.db);
  if (known) return { created: false, tenderId: known };

  const existingBuyer = await rt.db
    .selectFrom('organisations')
    .select('id')
    .where('siret', '=', testBuyer.siret)
    .executeTakeFirst();
  const buyerId =
    existingBuyer?.id ??
    (await createOrganisation(
      rt,
      { type: 'system' },
      { kind: 'buyer', name: testBuyer.name, siret: testBuyer.siret, legalCategory: '7389', department: '75' },
    ));
  const holders = [];
  for (let n = 1; n <= 3; n++) holders.push(await ensureSystemHolder(rt, buyerId, n));
  const [first, second, backup] = holders as [(typeof holders)[0], (typeof holders)[0], (typeof holders)[0]];

  const draft = await rt.db.transaction().execute((trx) =>
    createDraftInTransaction(trx, {
      buyerId,
      userId: first.id,
      title: testTenderTitle,
      description: testTenderDescription,
      cpvCodes: ['79990000'],
      estimatedValueCents: null,
      origin: 'test_tender',
    }),
  );
  await keyUnopenableCommittee(rt, { reference: draft.reference, buyerId, holders: [first, second], backup });
  await publishPermanentTender(rt, {
    tenderId: draft.id,
    submissionDeadline: testTenderDeadline,
    contactName: testBuyer.name,
    contactEmail: 'consultation-de-test@halle.invalid',
  });
  await rt.db
    .insertInto('platform_settings')
    .values({ key: testTenderSettingKey, value: JSON.stringify(draft.id) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { created: true, tenderId: (await testTenderId(rt.db)) ?? draft.id };
}
