import type { Role } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { requireScope } from './policies.js';
import { listMembersOfOrganisation } from './repo.js';

export interface MemberResource {
  name: string;
  email: string;
  role: Role;
  since: string;
}

/** The members of the token's organisation, by name. */
export async function listMembers(rt: Runtime, principal: Principal): Promise<{ items: MemberResource[] }> {
  const token = requireScope(principal, 'members:read');
  const rows = await listMembersOfOrganisation(rt.db, token.organisationId);
  return {
    items: rows.map((r) => ({ name: r.name, email: r.email, role: r.role, since: r.created_at.toISOString() })),
  };
}
