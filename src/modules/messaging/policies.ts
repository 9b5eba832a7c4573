import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may read and write which thread, decided from the principal and the thread's two
 * organisations before any message is read. A company sees only its own threads; a buyer's agent
 * only the threads of its organisation's tenders. Anything else answers 404 (existence does not leak).
 */
export interface MessagingActor {
  side: 'buyer' | 'company';
  organisationId: string;
  userId: string;
}

/** The signed-in person acting for a company (member or administrator). */
export function companyMessagingActor(principal: Principal): MessagingActor | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'company') return null;
  if (membership.role !== 'company_member' && membership.role !== 'company_admin') return null;
  return { side: 'company', organisationId: membership.organisationId, userId: principal.user.id };
}

/** The signed-in agent of the tender's buyer. */
export function buyerMessagingActor(principal: Principal, tender: { buyerId: string }): MessagingActor | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationId !== tender.buyerId) return null;
  if (membership.role !== 'buyer_agent' && membership.role !== 'buyer_admin') return null;
  return { side: 'buyer', organisationId: membership.organisationId, userId: principal.user.id };
}

/** The side from which this principal may read (and answer) a thread, or null. */
export function threadActor(
  principal: Principal,
  thread: { companyId: string; buyerId: string },
): MessagingActor | null {
  const company = companyMessagingActor(principal);
  if (company) return company.organisationId === thread.companyId ? company : null;
  return buyerMessagingActor(principal, thread);
}
