import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may keep a watchlist: a signed-in person acting for a company. The list is personal (one per
 * user, see migration 0004): colleagues follow different tenders, and nobody reads another's list.
 */
export type WatchlistOwner = { userId: string; companyId: string };

/** The owner of the list, or null for anyone else (buyers, platform staff, API tokens, visitors). */
export function watchlistOwner(principal: Principal): WatchlistOwner | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'company') return null;
  return { userId: principal.user.id, companyId: membership.organisationId };
}

/** Visitors are sent to sign in; signed-in people who do not act for a company get a 403. */
export function requireWatchlistOwner(principal: Principal): WatchlistOwner {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const owner = watchlistOwner(principal);
  if (!owner) throw new AppError('forbidden');
  return owner;
}

/** Only tenders the public can see may be watched: a draft does not exist outside its buyer (404). */
export function canWatch(tender: { status: string }): boolean {
  return tender.status !== 'draft';
}
