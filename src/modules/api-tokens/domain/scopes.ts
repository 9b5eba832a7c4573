/**
 * The closed list of rights an API token can carry. A token gets only what its creator ticked,
 * so a leaked token for a reporting tool cannot read the members' e-mail addresses.
 * Later issues add scopes here (tenders:read…); each one needs its two catalogue entries,
 * which the module's tests check.
 */
export const apiScopes = ['organisation:read', 'members:read', 'audit:read'] as const;

export type ApiScope = (typeof apiScopes)[number];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (apiScopes as readonly string[]).includes(value);
}

/** Catalogue keys: the French description shown on the pages, and the API's refusal detail. */
export const scopeMessages = {
  'organisation:read': {
    description: 'apiTokens.scope.organisation_read',
    missing: 'apiTokens.api.scope_missing.organisation_read',
  },
  'members:read': {
    description: 'apiTokens.scope.members_read',
    missing: 'apiTokens.api.scope_missing.members_read',
  },
  'audit:read': {
    description: 'apiTokens.scope.audit_read',
    missing: 'apiTokens.api.scope_missing.audit_read',
  },
} as const satisfies Record<ApiScope, { description: string; missing: string }>;
