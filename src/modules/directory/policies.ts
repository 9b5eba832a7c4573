import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/** A person acting for a buyer: every buyer agent may source suppliers. */
export interface BuyerActor {
  userId: string;
  buyerId: string;
  buyerName: string;
  email: string;
  name: string;
}

export function requireBuyer(principal: Principal): BuyerActor {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'buyer') throw new AppError('forbidden');
  return {
    userId: principal.user.id,
    buyerId: membership.organisationId,
    buyerName: membership.organisationName,
    email: principal.user.email,
    name: principal.user.name,
  };
}
