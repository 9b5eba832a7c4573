import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { type TokenStatus, tokenStatus } from './domain/token.js';
import { requireTokenAdmin } from './policies.js';
import { type ApiTokenRow, findTokenOfOrganisation, listTokensOfOrganisation } from './repo.js';

export interface ApiTokenView extends ApiTokenRow {
  status: TokenStatus;
}

/** The tokens of the organisation the admin acts for, newest first, with their status now. */
export async function listApiTokens(
  rt: Runtime,
  principal: Principal,
): Promise<{ organisationName: string; tokens: ApiTokenView[] }> {
  const membership = requireTokenAdmin(principal);
  const rows = await listTokensOfOrganisation(rt.db, membership.organisationId);
  const now = new Date();
  return {
    organisationName: membership.organisationName,
    tokens: rows.map((row) => ({ ...row, status: tokenStatus(row, now) })),
  };
}

/** One token of the admin's organisation (for the revocation page), or undefined. */
export async function findApiToken(rt: Runtime, principal: Principal, id: string): Promise<ApiTokenView | undefined> {
  const membership = requireTokenAdmin(principal);
  const row = await findTokenOfOrganisation(rt.db, membership.organisationId, id);
  return row ? { ...row, status: tokenStatus(row, new Date()) } : undefined;
}
