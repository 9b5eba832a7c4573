import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { passwordChangedMail } from './mails.js';
import { newPasswordErrors } from './passwordChecks.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { findAccount } from './repo.js';
import { revokeUserSessions } from './sessions.js';

interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  passwordConfirmation: string;
  ip: string | undefined;
}

/**
 * Changes the password of the signed-in person. The current password is asked again (an open
 * session left on a shared computer must not be enough), the other sessions are closed, and a
 * mail tells the owner, so a change they did not make does not go unnoticed.
 */
export async function changePassword(rt: Runtime, principal: SessionPrincipal, input: ChangePasswordInput) {
  const user = await findAccount(rt.db, principal.user.id);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('validation', {
      fields: [{ field: 'currentPassword', message: 'identity.password.current.wrong' }],
    });
  }
  const errors = newPasswordErrors(input.password, input.passwordConfirmation, user.email);
  if (errors.length) throw new AppError('validation', { fields: errors });
  const passwordHash = await hashPassword(input.password);

  await rt.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const sessionsRevoked = await revokeUserSessions(trx, user.id, principal.sessionId);
    // a reset link asked before the change must not be able to undo it
    await trx
      .updateTable('email_tokens')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'reset_password')
      .where('used_at', 'is', null)
      .execute();
    await queueMail(trx, rt.jobs, passwordChangedMail(user, now, `${rt.config.publicUrl}/mot-de-passe-oublie`));
    await recordAudit(
      trx,
      { type: 'user', userId: user.id, ip: input.ip },
      { action: 'identity.password.changed', subjectType: 'user', subjectId: user.id, after: { sessionsRevoked } },
    );
  });
}
