import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { unwrapWith } from './domain/openingKey.js';
import { openWithPassphrase, type PassphraseSealed, sealWithKey, WrongPassphrase } from './domain/shares.js';
import { holderKeyContext, openingSessionKey, shareInfo } from './platformKeys.js';
import { isHolder } from './policies.js';
import { committeeOf, tenderByReference } from './repo.js';

/** An opening session lasts this long: shares given earlier are wiped, the holders start again. */
export const openingSessionMinutes = 30;

/** The tender may be opened: after its deadline by the server clock, not already opened. */
export function openingRefusal(tender: { status: string; submission_deadline: Date | null }, now: Date): string | null {
  if (!tender.submission_deadline || now.getTime() <= tender.submission_deadline.getTime()) {
    return 'submissions.opening.before_deadline';
  }
  if (tender.status !== 'published' && tender.status !== 'closed') return 'submissions.opening.not_openable';
  return null;
}

/**
 * A committee holder gives their share for the opening: their passphrase unseals their own key,
 * which unwraps their share. A wrong passphrase is refused (and audited). The share is kept for
 * the opening session only, sealed under a key derived from the installation secret and the
 * session, and wiped when the opening completes or the session expires. The passphrase itself
 * is never stored.
 */
export async function giveShare(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; passphrase: string; ip?: string | undefined; now?: Date },
): Promise<{ given: number; threshold: number }> {
  const now = input.now ?? new Date();
  const tender = await tenderByReference(rt.db, input.reference);
  if (!tender) throw new AppError('not_found');
  const holder = await rt.db
    .selectFrom('committee_holders')
    .selectAll()
    .where('tender_id', '=', tender.id)
    .where('user_id', '=', principal.user.id)
    .executeTakeFirst();
  if (!holder || !isHolder(principal, holder)) throw new AppError('not_found');
  const refusal = openingRefusal(tender, now);
  if (refusal) throw new AppError('conflict', { messageKey: refusal });
  if (!holder.sealed_holder_key || !holder.share_enc || !holder.share_ct) {
    throw new AppError('conflict', { messageKey: 'submissions.opening.no_share' });
  }

  let share: Buffer;
  try {
    const ownKey = await openWithPassphrase(
      holder.sealed_holder_key as PassphraseSealed,
      input.passphrase,
      holderKeyContext(tender.id, holder.id),
    );
    try {
      share = await unwrapWith(
        ownKey,
        { enc: Buffer.from(holder.share_enc, 'base64'), ct: Buffer.from(holder.share_ct, 'base64') },
        shareInfo(tender.id, holder.id),
      );
    } finally {
      ownKey.fill(0);
    }
  } catch (error) {
    if (!(error instanceof WrongPassphrase)) rt.logger.warn({ err: error, holder: holder.id }, 'share unwrap failed');
    await rt.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        { type: 'user', userId: principal.user.id, ip: input.ip },
        {
          action: 'submissions.opening.wrong_passphrase',
          subjectType: 'tender',
          subjectId: tender.id,
          organisationId: tender.buyer_id,
          after: { holderId: holder.id },
        },
      ),
    );
    throw new AppError('validation', {
      fields: [{ field: 'passphrase', message: 'submissions.opening.wrong_passphrase' }],
    });
  }

  try {
    return await rt.db.transaction().execute(async (trx) => {
      const committee = await committeeOf(trx, tender.id, { forUpdate: true });
      if (!committee) throw new AppError('not_found');
      // expired sessions lose their shares
      const expired = await trx
        .selectFrom('opening_sessions')
        .select('id')
        .where('tender_id', '=', tender.id)
        .where('completed_at', 'is', null)
        .where('expires_at', '<=', now)
        .execute();
      for (const s of expired) {
        await trx.deleteFrom('opening_session_shares').where('session_id', '=', s.id).execute();
        await trx.updateTable('opening_sessions').set({ completed_at: now }).where('id', '=', s.id).execute();
      }
      let session = await trx
        .selectFrom('opening_sessions')
        .selectAll()
        .where('tender_id', '=', tender.id)
        .where('completed_at', 'is', null)
        .executeTakeFirst();
      if (!session) {
        session = {
          id: uuidv7(),
          tender_id: tender.id,
          started_by: principal.user.id,
          started_at: now,
          expires_at: new Date(now.getTime() + openingSessionMinutes * 60_000),
          completed_at: null,
        };
        await trx.insertInto('opening_sessions').values(session).execute();
      }
      const sealed = sealWithKey(openingSessionKey(rt.signingSecret, session.id), share, holder.id);
      await trx
        .insertInto('opening_session_shares')
        .values({ session_id: session.id, holder_id: holder.id, sealed_share: sealed.toString('base64') })
        .onConflict((oc) =>
          oc
            .columns(['session_id', 'holder_id'])
            .doUpdateSet({ sealed_share: sealed.toString('base64'), given_at: now }),
        )
        .execute();
      const given = await trx
        .selectFrom('opening_session_shares')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', session.id)
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        { type: 'user', userId: principal.user.id, ip: input.ip },
        {
          action: 'submissions.opening.share_given',
          subjectType: 'tender',
          subjectId: tender.id,
          organisationId: tender.buyer_id,
          after: { holderId: holder.id, sessionId: session.id, given: Number(given.n) },
        },
      );
      return { given: Number(given.n), threshold: committee.threshold };
    });
  } finally {
    share.fill(0);
  }
}
