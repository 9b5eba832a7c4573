import { recordAudit } from '../../platform/audit/record.js';
import { notFound } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { canActForOrganisation } from './policies.js';

/**
 * Makes the session act for another organisation of the person. An organisation they do not
 * belong to answers 404, whether it exists or not.
 */
export async function switchOrganisation(
  rt: Runtime,
  principal: SessionPrincipal,
  organisationId: string,
  ip: string | undefined,
): Promise<{ organisationName: string }> {
  if (!canActForOrganisation(principal, organisationId)) throw notFound();
  return rt.db.transaction().execute(async (trx) => {
    // checked again in the database: the membership may have ended since the page was loaded
    const membership = await trx
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select(['organisations.name'])
      .where('memberships.user_id', '=', principal.user.id)
      .where('memberships.organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (!membership) throw notFound();
    await trx
      .updateTable('sessions')
      .set({ active_organisation_id: organisationId })
      .where('id', '=', principal.sessionId)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip },
      {
        action: 'identity.session.organisation_switched',
        subjectType: 'session',
        subjectId: principal.sessionId,
        organisationId,
        before: { organisationId: principal.activeOrganisationId },
        after: { organisationId },
      },
    );
    return { organisationName: membership.name };
  });
}
