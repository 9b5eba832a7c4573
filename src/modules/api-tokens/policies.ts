import { AppError } from '../../platform/errors.js';
import {
  type ApiTokenPrincipal,
  activeMembership,
  type Principal,
  type PrincipalMembership,
} from '../../platform/http/principal.js';
import { type ApiScope, scopeMessages } from './domain/scopes.js';

/**
 * Who may manage the API tokens of an organisation: the admins of the organisation the person
 * acts for now. Decided from the principal alone, before any token is read.
 */
export function tokenAdminMembership(principal: Principal): PrincipalMembership | undefined {
  const membership = activeMembership(principal);
  if (!membership) return undefined;
  return membership.role === 'company_admin' || membership.role === 'buyer_admin' ? membership : undefined;
}

/** The organisation whose tokens the principal manages; 401 when signed out, 403 for non-admins. */
export function requireTokenAdmin(principal: Principal): PrincipalMembership {
  if (principal.kind !== 'session') throw new AppError('unauthenticated');
  const membership = tokenAdminMembership(principal);
  if (!membership) throw new AppError('forbidden', { messageKey: 'apiTokens.error.not_admin' });
  return membership;
}

/**
 * The API's one authorization rule: a bearer token carrying the scope. Without a token the
 * answer is 401; with a token lacking the scope, 403 naming the scope so the integrator knows
 * which right to ask for.
 */
export function requireScope(principal: Principal, scope: ApiScope): ApiTokenPrincipal {
  if (principal.kind !== 'api_token') {
    throw new AppError('unauthenticated', { messageKey: 'apiTokens.api.token_missing' });
  }
  if (!principal.scopes.includes(scope)) {
    throw new AppError('forbidden', { messageKey: scopeMessages[scope].missing });
  }
  return principal;
}
