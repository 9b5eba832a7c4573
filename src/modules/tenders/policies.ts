import type { TenderStatus } from '../../platform/db/schema.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may do what with a tender, decided from the principal and the tender's buyer and status
 * before any of its private data is read.
 */
export interface TenderRef {
  buyerId: string;
  status: TenderStatus;
}

/** Buyer agents and administrators acting for the tender's buyer manage it (drafts, registers). */
export function canManageTender(principal: Principal, tender: Pick<TenderRef, 'buyerId'>): boolean {
  const membership = activeMembership(principal);
  return (
    membership !== undefined &&
    membership.organisationId === tender.buyerId &&
    (membership.role === 'buyer_agent' || membership.role === 'buyer_admin')
  );
}

/** May create tenders at all: a buyer agent or administrator acting for a buyer. */
export function canCreateTenders(principal: Principal): { buyerId: string } | null {
  const membership = activeMembership(principal);
  if (membership?.organisationKind !== 'buyer') return null;
  if (membership.role !== 'buyer_agent' && membership.role !== 'buyer_admin') return null;
  return { buyerId: membership.organisationId };
}

/** Published tenders are public (free, direct and complete access); drafts only for their buyer. */
export function canReadTender(principal: Principal, tender: TenderRef): boolean {
  return tender.status !== 'draft' || canManageTender(principal, tender);
}

/** The company a signed-in person acts for, if any: questions and identified downloads need one. */
export function actingCompany(principal: Principal): { companyId: string; userId: string } | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || !membership || membership.organisationKind !== 'company') return null;
  return { companyId: membership.organisationId, userId: principal.user.id };
}
