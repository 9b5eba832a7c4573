import { recordAudit } from '../../platform/audit/record.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type ActingUser, userActor } from './acting.js';
import { adminRoleFor } from './domain/roles.js';
import { countMembersWithRole, findMembership, lockOrganisation } from './repo.js';

/**
 * Removes a person from the organisation (the account itself stays: it may belong to other
 * organisations). The last administrator cannot be removed, for the same reason as in
 * changeMemberRole.
 */
export async function removeMember(
  rt: Runtime,
  by: ActingUser,
  input: { organisationId: string; userId: string },
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const organisation = await lockOrganisation(trx, input.organisationId);
    if (!organisation) throw notFound();
    const membership = await findMembership(trx, organisation.id, input.userId);
    if (!membership) throw notFound();
    const adminRole = adminRoleFor(organisation.kind);
    if (membership.role === adminRole && (await countMembersWithRole(trx, organisation.id, adminRole)) <= 1) {
      throw new AppError('conflict', { messageKey: 'organisations.members.last_admin' });
    }
    await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisation.id)
      .where('user_id', '=', membership.user_id)
      .execute();
    await recordAudit(trx, userActor(by), {
      action: 'organisations.member.removed',
      subjectType: 'membership',
      subjectId: membership.user_id,
      organisationId: organisation.id,
      before: { role: membership.role },
    });
  });
}
