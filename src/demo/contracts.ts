import { seedDemoContracts } from '../modules/contracts/index.js';
import type { Runtime } from '../platform/runtime.js';

/**
 * After the demo data: running contracts of the demo buyer (Ville de Montreuil), the first won by
 * the demo company, so that acheteur@ and entreprise@ find contracts, essential data and a
 * modification. Made through the contracts module's own use cases, each in its transaction.
 */
export async function seedDemoContractsOfAccounts(rt: Runtime): Promise<number> {
  const member = (email: string) =>
    rt.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id as userId', 'memberships.organisation_id as organisationId'])
      .where('users.email', '=', email)
      .executeTakeFirst();
  const [buyer, company, rival] = await Promise.all([
    member('acheteur@demo.halle.example'),
    member('entreprise@demo.halle.example'),
    member('concurrente@demo.halle.example'),
  ]);
  if (!buyer || !company) return 0;
  return seedDemoContracts(rt, {
    buyerId: buyer.organisationId,
    agentUserId: buyer.userId,
    companyIds: rival ? [company.organisationId, rival.organisationId] : [company.organisationId],
  });
}
