import type { Db } from '../../platform/db/kysely.js';
import { AppError } from '../../platform/errors.js';
import type { ApiTokenPrincipal } from '../../platform/http/principal.js';
import { hashToken } from '../../platform/ids.js';
import { looksLikeToken } from './domain/token.js';
import { findUsableTokenByHash, touchToken } from './repo.js';

/** last_used_at is precise to the minute: one write per minute per token, not one per request. */
const touchEveryMs = 60_000;

/** The principal behind a token, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<ApiTokenPrincipal | null> {
  if (!looksLikeToken(token)) return null;
  const row = await findUsableTokenByHash(db, hashToken(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= touchEveryMs) {
    await touchToken(db, row.id, now, touchEveryMs);
  }
  return { kind: 'api_token', tokenId: row.id, organisationId: row.organisation_id, scopes: row.scopes };
}

/**
 * Reads an `Authorization` header sent to the API. A header that is present but wrong is an error
 * (401), never a silent fall back to anonymous: the integrator must learn that the token is dead.
 */
export async function authenticateBearer(db: Db, authorization: string): Promise<ApiTokenPrincipal> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  const principal = match?.[1] ? await resolveApiToken(db, match[1]) : null;
  if (!principal) throw new AppError('unauthenticated', { messageKey: 'apiTokens.api.token_invalid' });
  return principal;
}
