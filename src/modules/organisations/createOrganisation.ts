import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/record.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { checkSiret, normaliseIdentifier } from './domain/siret.js';

/** Empty form fields mean "not given": the database stores NULL, not an empty string. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const siret = z
  .string({ error: 'backoffice.siret.required' })
  .transform((v) => normaliseIdentifier(v))
  .superRefine((v, ctx) => {
    if (v === '') {
      ctx.addIssue({ code: 'custom', message: 'backoffice.siret.required' });
      return;
    }
    const problem = checkSiret(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `backoffice.siret.${problem}` });
  });

const name = z
  .string({ error: 'backoffice.name.required' })
  .trim()
  .min(1, 'backoffice.name.required')
  .max(300, 'backoffice.name.too_long');

// The same list as the database check: metropolitan numbers, Corsica and the overseas departments.
const departmentPattern = /^([0-9]{2}|2A|2B|97[1-6])$/;
const department = z.string().trim().toUpperCase().regex(departmentPattern, 'backoffice.department.invalid');

const city = z.preprocess(blankToUndefined, z.string().trim().max(200, 'backoffice.city.too_long').optional());
const date = z.preprocess(blankToUndefined, z.iso.date({ error: 'backoffice.date.invalid' }).optional());
const flag = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const buyerInput = z
  .object({
    kind: z.literal('buyer'),
    name,
    siret,
    legalCategory: z
      .string({ error: 'backoffice.legal_category.invalid' })
      .trim()
      .regex(/^[0-9]{4}$/, 'backoffice.legal_category.invalid'),
    department: z.preprocess(blankToUndefined, department.optional()).refine((v) => v !== undefined, {
      message: 'backoffice.department.required',
    }),
    city,
    memberSince: date,
    memberUntil: date,
  })
  .superRefine((v, ctx) => {
    if (v.memberSince && v.memberUntil && v.memberUntil < v.memberSince) {
      ctx.addIssue({ code: 'custom', path: ['memberUntil'], message: 'backoffice.member_until.before_since' });
    }
  });

const companyInput = z.object({
  kind: z.literal('company'),
  name,
  siret,
  naf: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9]{2}\.[0-9]{2}[A-Z]$/, 'backoffice.naf.invalid')
      .optional(),
  ),
  size: z.preprocess(blankToUndefined, z.enum(['TPE', 'PME', 'ETI', 'GE'], 'backoffice.size.invalid').optional()),
  department: z.preprocess(blankToUndefined, department.optional()),
  city,
  isEss: flag,
  isSiae: flag,
});

/**
 * What an operator (back office) or the CLI gives to create a member buyer or a company.
 * Messages are catalogue keys, so the back office shows them next to its fields.
 */
export const organisationInput = z.discriminatedUnion('kind', [buyerInput, companyInput], {
  error: 'backoffice.kind.invalid',
});
export type OrganisationInput = z.input<typeof organisationInput>;

const siretTaken = () => new AppError('conflict', { fields: [{ field: 'siret', message: 'backoffice.siret.taken' }] });

function isUniqueSiretViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && (e.constraint === undefined || e.constraint === 'organisations_siret_key');
}

/**
 * Creates a buyer or a company organisation on behalf of a platform operator or the CLI.
 * Callers decide who may do it (back office policies); this checks the data and the SIRET's
 * uniqueness, also when two requests race (the unique index has the last word).
 */
export async function createOrganisation(rt: Runtime, actor: Actor, input: OrganisationInput): Promise<string> {
  const parsed = organisationInput.safeParse(input);
  if (!parsed.success) {
    const fields: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || '_form';
      if (fields.some((f) => f.field === field)) continue;
      const message = /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? issue.message : 'form.invalid';
      fields.push({ field, message });
    }
    throw new AppError('validation', { fields });
  }
  const data = parsed.data;
  const id = uuidv7();
  const values = {
    id,
    kind: data.kind,
    name: data.name,
    siret: data.siret,
    legal_category: data.kind === 'buyer' ? data.legalCategory : null,
    naf: data.kind === 'company' ? (data.naf ?? null) : null,
    size: data.kind === 'company' ? (data.size ?? null) : null,
    department: data.department ?? null,
    city: data.city ?? null,
    is_ess: data.kind === 'company' ? data.isEss : false,
    is_siae: data.kind === 'company' ? data.isSiae : false,
    member_since: data.kind === 'buyer' ? (data.memberSince ?? null) : null,
    member_until: data.kind === 'buyer' ? (data.memberUntil ?? null) : null,
  };
  try {
    await rt.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('organisations')
        .select('id')
        .where('siret', '=', data.siret)
        .executeTakeFirst();
      if (existing) throw siretTaken();
      await trx.insertInto('organisations').values(values).execute();
      await recordAudit(trx, actor, {
        action: 'organisations.organisation.created',
        subjectType: 'organisation',
        subjectId: id,
        organisationId: id,
        after: values,
      });
    });
  } catch (error) {
    if (isUniqueSiretViolation(error)) throw siretTaken();
    throw error;
  }
  return id;
}
