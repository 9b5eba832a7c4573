import { AppError } from '../../platform/errors.js';
import { activeMembership, type Principal } from '../../platform/http/principal.js';

/**
 * Who may keep alerts: a signed-in person acting for a company. Alerts and notifications are
 * personal (one person's saved searches); another person's alert is a 404, so existence does not leak.
 */
export type AlertOwner = { userId: string; companyId: string; emailVerified: boolean };

export function alertOwner(principal: Principal): AlertOwner | null {
  const membership = activeMembership(principal);
  if (principal.kind !== 'session' || membership?.organisationKind !== 'company') return null;
  return {
    userId: principal.user.id,
    companyId: membership.organisationId,
    emailVerified: principal.user.emailVerified,
  };
}

/** Visitors are sent to sign in; signed-in people who do not act for a company get a 403. */
export function requireAlertOwner(principal: Principal): AlertOwner {
  if (principal.kind === 'anonymous') throw new AppError('unauthenticated');
  const owner = alertOwner(principal);
  if (!owner) throw new AppError('forbidden');
  return owner;
}

/** Anyone signed in reads their own notifications (buyers get none today, but nothing forbids it). */
export function requireNotificationReader(principal: Principal): { userId: string } {
  if (principal.kind !== 'session') throw new AppError('unauthenticated');
  return { userId: principal.user.id };
}

/** An alert id from a URL: anything but a UUID is simply not found. */
export function alertIdOrNotFound(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new AppError('not_found');
  return value.toLowerCase();
}
