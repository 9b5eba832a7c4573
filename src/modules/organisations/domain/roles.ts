import type { OrganisationKind, Role } from '../../../platform/db/schema.js';

/**
 * Which roles exist in each kind of organisation, and which one administers it. A role of
 * another kind (a company role in a buyer) is meaningless, so it can never be granted.
 */
const rolesByKind: Record<OrganisationKind, { member: Role; admin: Role }> = {
  company: { member: 'company_member', admin: 'company_admin' },
  buyer: { member: 'buyer_agent', admin: 'buyer_admin' },
  platform: { member: 'platform_operator', admin: 'platform_admin' },
};

/** The roles that can be granted in an organisation of this kind, the least powerful first. */
export function rolesForKind(kind: OrganisationKind): [Role, Role] {
  const r = rolesByKind[kind];
  return [r.member, r.admin];
}

export function adminRoleFor(kind: OrganisationKind): Role {
  return rolesByKind[kind].admin;
}

export function isRoleValidFor(kind: OrganisationKind, role: string): role is Role {
  return (rolesForKind(kind) as string[]).includes(role);
}

export function isAdminRole(role: Role): boolean {
  return role === 'company_admin' || role === 'buyer_admin' || role === 'platform_admin';
}
