import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { countTokensSince, createEmailToken, lockUser } from './emailTokens.js';
import { passwordResetMail } from './mails.js';
import { findActiveUserByEmail } from './repo.js';

const resetTtlMs = 3600 * 1000;
/** Reset mails per address per hour: enough for a lost mail, too few to flood a mailbox. */
const maxResetMailsPerHour = 3;

/**
 * Sends a password reset link if an active account has this address. The caller answers the
 * same way in every case, so the form does not tell who has an account.
 */
export async function requestPasswordReset(rt: Runtime, email: string, ip: string | undefined): Promise<void> {
  const user = await findActiveUserByEmail(rt.db, email);
  if (!user) return;
  await rt.db.transaction().execute(async (trx) => {
    await lockUser(trx, user.id);
    const recent = await countTokensSince(trx, user.id, 'reset_password', new Date(Date.now() - 3600 * 1000));
    if (recent >= maxResetMailsPerHour) {
      rt.logger.info({ userId: user.id }, 'password reset mail withheld: hourly limit reached');
      return;
    }
    const { token, expiresAt } = await createEmailToken(trx, user.id, 'reset_password', resetTtlMs);
    const link = `${rt.config.publicUrl}/reinitialisation/${token}`;
    await queueMail(trx, rt.jobs, passwordResetMail(user, link, expiresAt));
    await recordAudit(
      trx,
      { type: 'anonymous', ip },
      { action: 'identity.password.reset_requested', subjectType: 'user', subjectId: user.id },
    );
  });
}
