import { sql } from 'kysely';
import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/record.js';
import type { Trx } from '../../platform/db/kysely.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { hashToken, uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { checkPasswordStrength, hashPassword } from '../identity/index.js';
import { isSetupTokenUsable, platformOrganisationName, setupTokenKey } from './domain/platform.js';
import { hasPlatformAdmin, readSetupToken } from './setupLink.js';

/** Messages are catalogue keys: the installation page shows them next to its fields. */
export const platformAdminInput = z
  .object({
    name: z
      .string({ error: 'installation.name.required' })
      .trim()
      .min(1, 'installation.name.required')
      .max(200, 'installation.name.too_long'),
    email: z
      .string({ error: 'identity.email.required' })
      .trim()
      .min(1, 'identity.email.required')
      .max(254, 'identity.email.invalid')
      .pipe(z.email('identity.email.invalid')),
    password: z.string({ error: 'identity.password.required' }).min(1, 'identity.password.required'),
  })
  .superRefine((v, ctx) => {
    if (v.password === '') return;
    const problem = checkPasswordStrength(v.password, v.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type PlatformAdminInput = z.input<typeof platformAdminInput>;

export function validationError(error: z.ZodError): AppError {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (fields.some((f) => f.field === field)) continue;
    const message = /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? issue.message : 'form.invalid';
    fields.push({ field, message });
  }
  return new AppError('validation', { fields });
}

const linkGone = () => new AppError('gone', { messageKey: 'installation.link.gone' });
const emailTaken = () =>
  new AppError('conflict', { fields: [{ field: 'email', message: 'installation.email.taken' }] });

/** The platform organisation, created the first time an administrator needs one. */
async function platformOrganisation(trx: Trx, actor: Actor): Promise<string> {
  const existing = await trx
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'platform')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = uuidv7();
  const values = { id, kind: 'platform' as const, name: platformOrganisationName, siret: null };
  await trx
    .insertInto('organisations')
    .values({
      ...values,
      legal_category: null,
      naf: null,
      size: null,
      department: null,
      city: null,
      member_since: null,
      member_until: null,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'installation.platform_organisation.created',
    subjectType: 'organisation',
    subjectId: id,
    organisationId: id,
    after: values,
  });
  return id;
}

/**
 * Creates a platform administrator (and the platform organisation if missing). From the
 * one-time installation link, `setupToken` is consumed in the same transaction, so two
 * submissions of one link create one administrator; from the CLI there is no token.
 */
export async function createPlatformAdmin(
  rt: Runtime,
  actor: Actor,
  input: PlatformAdminInput,
  options: { setupToken?: string; now?: Date } = {},
): Promise<{ userId: string; organisationId: string }> {
  const parsed = platformAdminInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { name, email, password } = parsed.data;
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(password);
  try {
    return await rt.db.transaction().execute(async (trx) => {
      if (options.setupToken !== undefined) {
        const stored = await readSetupToken(trx, true);
        const matches = stored?.tokenHash === hashToken(options.setupToken);
        if (!stored || !matches || !isSetupTokenUsable(stored, now) || (await hasPlatformAdmin(trx))) {
          throw linkGone();
        }
        await trx
          .updateTable('platform_settings')
          .set({ value: JSON.stringify({ ...stored, usedAt: now.toISOString() }), updated_at: now })
          .where('key', '=', setupTokenKey)
          .execute();
      }
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      if (taken) throw emailTaken();
      const organisationId = await platformOrganisation(trx, actor);
      const userId = uuidv7();
      // The installer typed this address for themselves, on a platform that has no mail set up yet.
      await trx
        .insertInto('users')
        .values({ id: userId, email, name, password_hash: passwordHash, email_verified_at: now })
        .execute();
      await trx
        .insertInto('memberships')
        .values({ user_id: userId, organisation_id: organisationId, role: 'platform_admin' })
        .execute();
      await recordAudit(trx, actor, {
        action: 'installation.admin.created',
        subjectType: 'user',
        subjectId: userId,
        organisationId,
        after: { email, name, role: 'platform_admin', viaSetupLink: options.setupToken !== undefined },
      });
      return { userId, organisationId };
    });
  } catch (error) {
    const e = error as { code?: unknown; constraint?: unknown };
    if (e?.code === '23505' && e.constraint === 'users_email_key') throw emailTaken();
    throw error;
  }
}
