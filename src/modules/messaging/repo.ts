import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { Role } from '../../platform/db/schema.js';

const sideRoles: Record<'buyer' | 'company', Role[]> = {
  buyer: ['buyer_agent', 'buyer_admin'],
  company: ['company_member', 'company_admin'],
};

/** The active users of one side's organisation, who are told when a message arrives. */
export async function sideMembers(
  db: DbOrTrx,
  organisationId: string,
  side: 'buyer' | 'company',
): Promise<{ userId: string; email: string; name: string; locale: 'fr' | 'en' }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', sideRoles[side])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, locale: r.locale }));
}
