import { recordAudit } from '../../platform/audit/record.js';
import type { Runtime } from '../../platform/runtime.js';
import { findEmailToken } from './emailTokens.js';

export type VerifyEmailOutcome = 'verified' | 'expired' | 'used' | 'unknown';

/**
 * Confirms an e-mail address from the link sent to it. The token row is locked, so the same
 * link opened twice at once verifies once; every other pending link of the person is spent too.
 */
export async function verifyEmail(rt: Runtime, token: string, ip: string | undefined): Promise<VerifyEmailOutcome> {
  return rt.db.transaction().execute(async (trx) => {
    const state = await findEmailToken(trx, token, 'verify_email', { lock: true });
    if (state.status !== 'valid') return state.status;
    const now = new Date();
    await trx
      .updateTable('email_tokens')
      .set({ used_at: now })
      .where('user_id', '=', state.userId)
      .where('purpose', '=', 'verify_email')
      .where('used_at', 'is', null)
      .execute();
    const user = await trx
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('id', '=', state.userId)
      .executeTakeFirstOrThrow();
    // an address already confirmed keeps its first confirmation date
    if (!user.email_verified_at) {
      await trx
        .updateTable('users')
        .set({ email_verified_at: now, updated_at: now })
        .where('id', '=', state.userId)
        .execute();
    }
    await recordAudit(
      trx,
      { type: 'user', userId: state.userId, ip },
      {
        action: 'identity.email.verified',
        subjectType: 'user',
        subjectId: state.userId,
        before: { emailVerifiedAt: user.email_verified_at },
        after: { email: user.email, emailVerifiedAt: user.email_verified_at ?? now },
      },
    );
    return 'verified';
  });
}
