import { notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { requireScope } from './policies.js';
import { findOrganisation } from './repo.js';

export interface OrganisationResource {
  id: string;
  kind: 'buyer' | 'company' | 'platform';
  name: string;
  siret: string | null;
  siren: string | null;
  naf: string | null;
  size: 'TPE' | 'PME' | 'ETI' | 'GE' | null;
  department: string | null;
  isEss: boolean;
  isSiae: boolean;
  memberSince: string | null;
  memberUntil: string | null;
}

/**
 * The organisation a token belongs to. Asking for any other identifier answers 404, as for an
 * organisation that does not exist: a token never learns whether another organisation exists.
 */
export async function getOrganisation(
  rt: Runtime,
  principal: Principal,
  organisationId?: string,
): Promise<OrganisationResource> {
  const token = requireScope(principal, 'organisation:read');
  if (organisationId !== undefined && organisationId !== token.organisationId) throw notFound();
  const org = await findOrganisation(rt.db, token.organisationId);
  if (!org) throw notFound();
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    siret: org.siret,
    siren: org.siren,
    naf: org.naf,
    size: org.size,
    department: org.department,
    isEss: org.is_ess,
    isSiae: org.is_siae,
    memberSince: org.member_since,
    memberUntil: org.member_until,
  };
}
