import { recordAudit } from '../../platform/audit/record.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { hashPassword } from '../identity/index.js';
import { invitationGone } from './acceptInvitation.js';
import { invitationState } from './domain/invitation.js';
import { findUserByEmail, lockInvitationByToken, uniqueViolation } from './repo.js';

const accountExists = () => new AppError('conflict', { messageKey: 'organisations.invitation.account_exists' });

/**
 * A person without an account accepts an invitation by creating one. The address is the
 * invited one and counts as verified: the link could only be opened from that mailbox.
 */
export async function acceptInvitationWithNewAccount(
  rt: Runtime,
  token: string,
  input: { name: string; password: string; locale: Locale; ip: string | undefined },
): Promise<{ organisationId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const userId = uuidv7();
  try {
    return await rt.db.transaction().execute(async (trx) => {
      const invitation = await lockInvitationByToken(trx, token);
      if (!invitation) throw notFound();
      if (invitationState(invitation) !== 'pending') throw invitationGone();
      if (await findUserByEmail(trx, invitation.email)) throw accountExists();
      const now = new Date();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: invitation.email,
          name: input.name,
          password_hash: passwordHash,
          email_verified_at: now,
          locale: input.locale,
        })
        .execute();
      await trx
        .insertInto('memberships')
        .values({ user_id: userId, organisation_id: invitation.organisation_id, role: invitation.role })
        .execute();
      await trx
        .updateTable('invitations')
        .set({ accepted_at: now, accepted_by: userId })
        .where('id', '=', invitation.id)
        .execute();
      const actor = { type: 'user' as const, userId, ip: input.ip };
      const organisationId = invitation.organisation_id;
      await recordAudit(trx, actor, {
        action: 'organisations.user.registered',
        subjectType: 'user',
        subjectId: userId,
        organisationId,
        after: { email: invitation.email, name: input.name, via: 'invitation' },
      });
      await recordAudit(trx, actor, {
        action: 'organisations.invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        organisationId,
      });
      await recordAudit(trx, actor, {
        action: 'organisations.member.added',
        subjectType: 'membership',
        subjectId: userId,
        organisationId,
        after: { userId, role: invitation.role },
      });
      return { organisationId, userId };
    });
  } catch (error) {
    if (uniqueViolation(error) === 'users_email_key') throw accountExists();
    throw error;
  }
}
