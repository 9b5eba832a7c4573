import { recordAudit } from '../../platform/audit/record.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type ActingUser, userActor } from './acting.js';
import { adminRoleFor, isRoleValidFor } from './domain/roles.js';
import { countMembersWithRole, findMembership, lockOrganisation } from './repo.js';

/**
 * Changes a member's role. An organisation must always keep an administrator, otherwise nobody
 * could invite or manage its people any more: the last one cannot step down. The organisation
 * row is locked, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function changeMemberRole(
  rt: Runtime,
  by: ActingUser,
  input: { organisationId: string; userId: string; role: string },
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const organisation = await lockOrganisation(trx, input.organisationId);
    if (!organisation) throw notFound();
    const membership = await findMembership(trx, organisation.id, input.userId);
    if (!membership) throw notFound();
    if (!isRoleValidFor(organisation.kind, input.role)) {
      throw new AppError('validation', { fields: [{ field: 'role', message: 'organisations.invite.role_invalid' }] });
    }
    const role = input.role;
    if (role === membership.role) return;
    const adminRole = adminRoleFor(organisation.kind);
    if (membership.role === adminRole && (await countMembersWithRole(trx, organisation.id, adminRole)) <= 1) {
      throw new AppError('conflict', { messageKey: 'organisations.members.last_admin' });
    }
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('organisation_id', '=', organisation.id)
      .where('user_id', '=', membership.user_id)
      .execute();
    await recordAudit(trx, userActor(by), {
      action: 'organisations.member.role_changed',
      subjectType: 'membership',
      subjectId: membership.user_id,
      organisationId: organisation.id,
      before: { role: membership.role },
      after: { role },
    });
  });
}
