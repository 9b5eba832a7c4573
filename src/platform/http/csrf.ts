import { randomBytes } from 'node:crypto';
import { sign, verifySignature } from '../crypto/secret.js';

/**
 * CSRF protection by a signed double submit: a random seed lives in an HttpOnly cookie, and
 * every form carries HMAC(secret, seed). A forged form cannot know the seed, so cannot sign it.
 */
export const csrfCookieName = 'halle_csrf';
export const csrfFieldName = '_csrf';

export function newCsrfSeed(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfTokenFor(secret: string, seed: string): string {
  return sign(secret, `csrf:${seed}`);
}

export function isValidCsrfToken(secret: string, seed: string | undefined, token: unknown): boolean {
  if (!seed || typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  return verifySignature(secret, `csrf:${seed}`, token);
}
