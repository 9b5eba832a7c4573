import { recordAudit } from '../../platform/audit/record.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { countTokensSince, lockUser } from './emailTokens.js';
import { issueEmailVerification } from './emailVerification.js';
import { findAccount } from './repo.js';

/** At most one new link per this delay, so the form cannot be used to flood a mailbox. */
const resendDelayMs = 5 * 60 * 1000;

type ResendOutcome = 'sent' | 'already_verified' | 'too_soon';

/** Sends a new verification link to a signed-in person whose address is not confirmed yet. */
export async function resendEmailVerification(
  rt: Runtime,
  principal: SessionPrincipal,
  ip: string | undefined,
): Promise<ResendOutcome> {
  return rt.db.transaction().execute(async (trx) => {
    // the lock serialises two clicks at once: the second one sees the first link and stops
    await lockUser(trx, principal.user.id);
    const user = await findAccount(trx, principal.user.id);
    if (!user) throw new Error('the signed-in user no longer exists');
    if (user.email_verified_at) return 'already_verified';
    const recent = await countTokensSince(trx, user.id, 'verify_email', new Date(Date.now() - resendDelayMs));
    if (recent > 0) return 'too_soon';
    await issueEmailVerification(trx, rt, user);
    await recordAudit(
      trx,
      { type: 'user', userId: user.id, ip },
      { action: 'identity.email.verification_sent', subjectType: 'user', subjectId: user.id },
    );
    return 'sent';
  });
}
