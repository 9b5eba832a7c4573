import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may do what with contracts, decided from the principal and the contract's owners (buyer,
 * company) before the contract is read. Anything of another organisation is a 404.
 */

export interface ContractBuyerActor {
  userId: string;
  buyerId: string;
}

export interface ContractCompanyActor {
  userId: string;
  companyId: string;
}

/** A buyer agent or administrator acting for their buyer; others are refused. */
export function requireContractBuyer(principal: Principal): ContractBuyerActor {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const membership = activeMembership(principal);
  if (
    principal.kind !== 'session' ||
    membership?.organisationKind !== 'buyer' ||
    (membership.role !== 'buyer_agent' && membership.role !== 'buyer_admin')
  ) {
    throw new AppError('forbidden');
  }
  return { userId: principal.user.id, buyerId: membership.organisationId };
}

/** A member of a company: sees the contracts of that company, read-only. */
export function requireContractCompany(principal: Principal): ContractCompanyActor {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const membership = activeMembership(principal);
  if (
    principal.kind !== 'session' ||
    membership?.organisationKind !== 'company' ||
    (membership.role !== 'company_member' && membership.role !== 'company_admin')
  ) {
    throw new AppError('forbidden');
  }
  return { userId: principal.user.id, companyId: membership.organisationId };
}

/** The buyer's agents manage the contract; another buyer gets a 404. */
export function assertManages(actor: ContractBuyerActor, owners: { buyerId: string } | undefined): void {
  if (!owners || owners.buyerId !== actor.buyerId) throw new AppError('not_found');
}

/** The contractor's members see the contract; another company gets a 404. */
export function assertHolds(actor: ContractCompanyActor, owners: { companyId: string } | undefined): void {
  if (!owners || owners.companyId !== actor.companyId) throw new AppError('not_found');
}
