import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type EmailTokenState, findEmailToken } from './emailTokens.js';
import { newPasswordErrors } from './passwordChecks.js';
import { hashPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.js';

/** The error shown for a reset link that cannot be used: nothing is changed in any case. */
function resetLinkError(status: Exclude<EmailTokenState['status'], 'valid'>): AppError {
  if (status === 'unknown') return new AppError('not_found', { messageKey: 'identity.reset.unknown' });
  return new AppError('gone', { messageKey: status === 'expired' ? 'identity.reset.expired' : 'identity.reset.used' });
}

/** Throws the page error when a reset link is not usable; used before showing the form. */
export async function checkResetLink(rt: Runtime, token: string): Promise<void> {
  const state = await findEmailToken(rt.db, token, 'reset_password');
  if (state.status !== 'valid') throw resetLinkError(state.status);
}

interface ResetPasswordInput {
  token: string;
  password: string;
  passwordConfirmation: string;
  ip: string | undefined;
}

/**
 * Sets a new password from a reset link. In one transaction: the new hash, the link and every
 * other pending reset link spent, every session closed (whoever held one is out), the failed
 * sign-in count cleared (the owner proved they hold the mailbox), and the audit event.
 */
export async function resetPassword(rt: Runtime, input: ResetPasswordInput): Promise<{ userId: string }> {
  const state = await findEmailToken(rt.db, input.token, 'reset_password');
  if (state.status !== 'valid') throw resetLinkError(state.status);
  const user = await rt.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', state.userId)
    .executeTakeFirstOrThrow();
  const errors = newPasswordErrors(input.password, input.passwordConfirmation, user.email);
  if (errors.length) throw new AppError('validation', { fields: errors });
  // hashing is slow on purpose: do it before the transaction, not while holding locks
  const passwordHash = await hashPassword(input.password);

  return rt.db.transaction().execute(async (trx) => {
    // checked again under lock: the same link submitted twice at once changes the password once
    const locked = await findEmailToken(trx, input.token, 'reset_password', { lock: true });
    if (locked.status !== 'valid') throw resetLinkError(locked.status);
    const now = new Date();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_login_count: 0, locked_until: null, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const spent = await trx
      .updateTable('email_tokens')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'reset_password')
      .where('used_at', 'is', null)
      .executeTakeFirst();
    const sessionsRevoked = await revokeUserSessions(trx, user.id);
    const unlocked = await trx
      .deleteFrom('login_attempts')
      .where(sql`lower(email)`, '=', user.email.toLowerCase())
      .where('succeeded', '=', false)
      .executeTakeFirst();
    await recordAudit(
      trx,
      { type: 'user', userId: user.id, ip: input.ip },
      {
        action: 'identity.password.reset',
        subjectType: 'user',
        subjectId: user.id,
        after: {
          resetLinksSpent: Number(spent.numUpdatedRows),
          sessionsRevoked,
          failedSignInsCleared: Number(unlocked.numDeletedRows),
        },
      },
    );
    return { userId: user.id };
  });
}
