import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';
import { type CompanyActor, requireCompanyActor } from '../company-registry/index.js';

/** The buyer an ESPD request is generated for: only the tender's own buyer (others get a 404). */
export function requireBuyerOf(principal: Principal, tender: { buyerId: string }): void {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const membership = activeMembership(principal);
  if (membership?.organisationKind !== 'buyer' || membership.organisationId !== tender.buyerId) {
    throw new AppError('not_found');
  }
}

/** Companies fill in their own ESPD response; a response is only ever read by its company. */
export function requireRespondent(principal: Principal): CompanyActor {
  return requireCompanyActor(principal);
}
