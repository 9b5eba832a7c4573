import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { generateKeyPair, makeKeyCheck, wrapTo } from './domain/openingKey.js';
import { sealUnderPassphrase, splitSecret } from './domain/shares.js';
import { holderKeyContext, shareInfo } from './platformKeys.js';
import { isHolder } from './policies.js';
import { committeeOf, holdersOf } from './repo.js';

export const minPassphraseLength = 12;

/**
 * A holder sets the passphrase that protects their share (flow explained in `nameCommittee.ts`).
 * The slow argon2id work happens before the transaction; the transaction locks the committee,
 * so when the last two holders finish at once exactly one of them generates the opening key.
 */
export async function setHolderPassphrase(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { holderId: string; passphrase: string; ip?: string | undefined },
): Promise<{ keyed: boolean }> {
  if (!/^[0-9a-f-]{36}$/.test(input.holderId)) throw new AppError('not_found');
  const holder = await rt.db
    .selectFrom('committee_holders')
    .selectAll()
    .where('id', '=', input.holderId)
    .executeTakeFirst();
  if (!holder || !isHolder(principal, holder)) throw new AppError('not_found');
  if (input.passphrase.length < minPassphraseLength || input.passphrase.length > 1000) {
    throw new AppError('validation', {
      fields: [{ field: 'passphrase', message: 'submissions.holder.passphrase_short' }],
    });
  }
  const own = await generateKeyPair();
  const sealed = await sealUnderPassphrase(
    own.privateKey,
    input.passphrase,
    holderKeyContext(holder.tender_id, holder.id),
  );
  own.privateKey.fill(0);

  return rt.db.transaction().execute(async (trx) => {
    const committee = await committeeOf(trx, holder.tender_id, { forUpdate: true });
    const current = await trx
      .selectFrom('committee_holders')
      .selectAll()
      .where('id', '=', holder.id)
      .executeTakeFirst();
    if (!committee || !current) throw new AppError('not_found');
    if (committee.keyed_at || current.passphrase_set_at) {
      throw new AppError('conflict', { messageKey: 'submissions.holder.already_set' });
    }
    const now = new Date();
    await trx
      .updateTable('committee_holders')
      .set({
        holder_public_key: own.publicKey.toString('base64'),
        sealed_holder_key: JSON.stringify(sealed),
        passphrase_set_at: now,
      })
      .where('id', '=', holder.id)
      .execute();
    const holders = await holdersOf(trx, holder.tender_id);
    const keyed = holders.every((h) => h.holder_public_key !== null);
    if (keyed) {
      const pair = await generateKeyPair();
      try {
        const shares = await splitSecret(pair.privateKey, holders.length, committee.threshold);
        for (const [i, h] of holders.entries()) {
          const wrapped = await wrapTo(
            Buffer.from(h.holder_public_key as string, 'base64'),
            shares[i] as Buffer,
            shareInfo(holder.tender_id, h.id),
          );
          (shares[i] as Buffer).fill(0);
          await trx
            .updateTable('committee_holders')
            .set({ share_enc: wrapped.enc.toString('base64'), share_ct: wrapped.ct.toString('base64') })
            .where('id', '=', h.id)
            .execute();
        }
      } finally {
        pair.privateKey.fill(0);
      }
      const check = await makeKeyCheck(pair.publicKey);
      await trx
        .updateTable('opening_committees')
        .set({
          public_key: pair.publicKey.toString('base64'),
          key_check: JSON.stringify({ enc: check.enc.toString('base64'), ct: check.ct.toString('base64') }),
          keyed_at: now,
        })
        .where('tender_id', '=', holder.tender_id)
        .execute();
    }
    const tender = await trx
      .selectFrom('tenders')
      .select('buyer_id')
      .where('id', '=', holder.tender_id)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: keyed ? 'submissions.committee.keyed' : 'submissions.holder.passphrase_set',
        subjectType: 'tender',
        subjectId: holder.tender_id,
        organisationId: tender.buyer_id,
        after: { holderId: holder.id, keyed },
      },
    );
    return { keyed };
  });
}
