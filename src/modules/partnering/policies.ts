import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { type CompanyActor, companyActor } from '../company-registry/index.js';

/**
 * The exchange is between companies: any person acting for a company reads it and declares
 * their company; visitors are sent to sign in, buyers and staff get a 403 (the buyer does not
 * see who plans to team up before the deadline).
 */
export function requirePartner(principal: Principal): CompanyActor {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const actor = companyActor(principal);
  if (!actor) throw new AppError('forbidden');
  return actor;
}

/** Declaring and contacting only while the tender is open for answers. */
export function isOpen(tender: { status: string }): boolean {
  return tender.status === 'published';
}
