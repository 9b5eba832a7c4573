import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import type { ApiScope } from './domain/scopes.js';
import { formatToken } from './domain/token.js';
import { requireTokenAdmin } from './policies.js';

export interface CreateApiTokenInput {
  name: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  ip?: string | undefined;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  /** the full token: returned once, to be shown once, never stored */
  token: string;
  prefix: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
}

/** Creates a token for the organisation the admin acts for; only its SHA-256 and prefix are kept. */
export async function createApiToken(
  rt: Runtime,
  principal: Principal,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const membership = requireTokenAdmin(principal);
  if (principal.kind !== 'session') throw new AppError('unauthenticated');
  const name = input.name.trim();
  const scopes = [...new Set(input.scopes)];
  if (name.length === 0 || name.length > 100) {
    throw new AppError('validation', { fields: [{ field: 'name', message: 'apiTokens.form.name.required' }] });
  }
  if (scopes.length === 0) {
    throw new AppError('validation', { fields: [{ field: 'scopes', message: 'apiTokens.form.scopes.required' }] });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError('validation', { fields: [{ field: 'expiresOn', message: 'apiTokens.form.expires.past' }] });
  }

  const id = uuidv7();
  // 6 random bytes give exactly 8 base64url characters; the secret carries the 256 bits of entropy.
  const prefix = randomToken(6);
  const token = formatToken(prefix, randomToken(32));
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        organisation_id: membership.organisationId,
        name,
        token_prefix: prefix,
        token_hash: hashToken(token),
        scopes,
        created_by: principal.user.id,
        expires_at: input.expiresAt,
      })
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'api_token.created',
        subjectType: 'api_token',
        subjectId: id,
        organisationId: membership.organisationId,
        after: { name, prefix, scopes, expiresAt: input.expiresAt },
      },
    );
  });
  return { id, name, token, prefix, scopes, expiresAt: input.expiresAt };
}
