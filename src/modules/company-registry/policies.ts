import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/** A person acting for a company: members read its profile, administrators change it. */
export interface CompanyActor {
  userId: string;
  companyId: string;
  canEdit: boolean;
}

export function companyActor(principal: Principal): CompanyActor | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'company') return null;
  return {
    userId: principal.user.id,
    companyId: membership.organisationId,
    canEdit: membership.role === 'company_admin',
  };
}

/** Visitors are sent to sign in; people who do not act for a company get a 403. */
export function requireCompanyActor(principal: Principal): CompanyActor {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const actor = companyActor(principal);
  if (!actor) throw new AppError('forbidden');
  return actor;
}

export function requireProfileEditor(principal: Principal): CompanyActor {
  const actor = requireCompanyActor(principal);
  if (!actor.canEdit) throw new AppError('forbidden');
  return actor;
}
