import { recordAudit } from '../../platform/audit/record.js';
import { notFound } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type ActingUser, userActor } from './acting.js';
import { invitationState } from './domain/invitation.js';
import { lockOrganisation } from './repo.js';

/**
 * Revokes a pending invitation of the organisation: its link stops working at once. An id of
 * another organisation is answered as unknown, so ids of other organisations reveal nothing.
 */
export async function revokeInvitation(
  rt: Runtime,
  by: ActingUser,
  input: { organisationId: string; invitationId: string },
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    if (!(await lockOrganisation(trx, input.organisationId))) throw notFound();
    const invitation = await trx
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'accepted_at', 'revoked_at', 'expires_at'])
      .where('id', '=', input.invitationId)
      .where('organisation_id', '=', input.organisationId)
      .executeTakeFirst();
    if (!invitation || invitationState(invitation) !== 'pending') throw notFound();
    await trx.updateTable('invitations').set({ revoked_at: new Date() }).where('id', '=', invitation.id).execute();
    await recordAudit(trx, userActor(by), {
      action: 'organisations.invitation.revoked',
      subjectType: 'invitation',
      subjectId: invitation.id,
      organisationId: input.organisationId,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}
