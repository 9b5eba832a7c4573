import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { SessionPrincipal } from '../platform/http/principal.js';

/** The signed-in person behind a page request; otherwise the error handler sends to sign-in. */
export function requireSession(req: FastifyRequest): SessionPrincipal {
  if (req.principal.kind !== 'session') throw new AppError('unauthenticated');
  return req.principal;
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/mon-espace';
  }
  return value.slice(0, 500);
}
