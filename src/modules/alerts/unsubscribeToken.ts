import { sign, verifySignature } from '../../platform/crypto/secret.js';

/**
 * The one-click unsubscribe link of an alert's mails (RFC 8058): the alert id and an HMAC of it
 * with the platform's signing secret. Anyone holding the mail may pause or delete that alert
 * without signing in; nobody can forge a link for another alert.
 */
const purpose = 'alert-unsubscribe';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function unsubscribeToken(secret: string, alertId: string): string {
  return `${alertId}.${sign(secret, `${purpose}:${alertId}`)}`;
}

/** The alert id of a genuine token, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  if (token.length > 200) return null;
  const dot = token.indexOf('.');
  const alertId = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (dot < 0 || !uuid.test(alertId) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  return verifySignature(secret, `${purpose}:${alertId}`, signature) ? alertId : null;
}

export function unsubscribeUrl(publicUrl: string, secret: string, alertId: string): string {
  return `${publicUrl}/alertes/desabonnement/${unsubscribeToken(secret, alertId)}`;
}
