import { recordAudit } from '../../platform/audit/record.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { invitationState } from './domain/invitation.js';
import { findMembership, lockInvitationByToken, uniqueViolation } from './repo.js';

export const invitationGone = () => new AppError('gone', { messageKey: 'organisations.invitation.gone' });

/**
 * A signed-in person accepts an invitation sent to their own address: they become a member
 * with the invited role. The invitation row is locked, so it is used once only.
 */
export async function acceptInvitation(
  rt: Runtime,
  user: { id: string; email: string; ip: string | undefined },
  token: string,
): Promise<{ organisationId: string }> {
  try {
    return await rt.db.transaction().execute(async (trx) => {
      const invitation = await lockInvitationByToken(trx, token);
      if (!invitation) throw notFound();
      if (invitationState(invitation) !== 'pending') throw invitationGone();
      if (invitation.email.trim().toLowerCase() !== user.email.trim().toLowerCase()) {
        throw new AppError('forbidden', { messageKey: 'organisations.invitation.other_email' });
      }
      if (await findMembership(trx, invitation.organisation_id, user.id)) {
        throw new AppError('conflict', { messageKey: 'organisations.invitation.already_member' });
      }
      await trx
        .insertInto('memberships')
        .values({ user_id: user.id, organisation_id: invitation.organisation_id, role: invitation.role })
        .execute();
      await trx
        .updateTable('invitations')
        .set({ accepted_at: new Date(), accepted_by: user.id })
        .where('id', '=', invitation.id)
        .execute();
      const actor = { type: 'user' as const, userId: user.id, ip: user.ip };
      await recordAudit(trx, actor, {
        action: 'organisations.invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        organisationId: invitation.organisation_id,
      });
      await recordAudit(trx, actor, {
        action: 'organisations.member.added',
        subjectType: 'membership',
        subjectId: user.id,
        organisationId: invitation.organisation_id,
        after: { userId: user.id, role: invitation.role },
      });
      return { organisationId: invitation.organisation_id };
    });
  } catch (error) {
    if (uniqueViolation(error) === 'memberships_pkey') {
      throw new AppError('conflict', { messageKey: 'organisations.invitation.already_member' });
    }
    throw error;
  }
}
