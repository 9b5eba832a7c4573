import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { type FormValues, formValues, parseForm } from '../../web/forms.js';
import { checkPasswordStrength } from '../identity/index.js';
import { checkSiret, normaliseIdentifier } from './domain/siret.js';
import { companySizes } from './domain/sizes.js';
import { isDepartmentCode, isNafCode } from './reference.js';

/** Form schemas of the module; every message is a catalogue key shown next to its field. */

/** A text field that must be filled: a missing field and an empty one get the same message. */
const requiredText = (key: string) => z.string({ error: key }).trim().min(1, key);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');
// Deliberately loose: the real check is the verification link sent to the address.
const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const email = requiredText('organisations.email.required')
  .max(254, 'organisations.email.invalid')
  .regex(emailPattern, 'organisations.email.invalid');

const siret = requiredText('organisations.siret.required')
  .transform(normaliseIdentifier)
  .superRefine((value, ctx) => {
    const problem = checkSiret(value);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'organisations.siret.format' });
    if (problem === 'checksum') ctx.addIssue({ code: 'custom', message: 'organisations.siret.checksum' });
  });

export const signUpForm = z.object({
  siret,
  name: requiredText('organisations.name.required').max(300, 'organisations.name.too_long'),
  naf: requiredText('organisations.naf.required').refine(isNafCode, 'organisations.naf.unknown'),
  size: z.enum(companySizes as ['TPE', 'PME', 'ETI', 'GE'], { error: 'organisations.size.required' }),
  department: requiredText('organisations.department.required').refine(
    isDepartmentCode,
    'organisations.department.unknown',
  ),
  city: requiredText('organisations.city.required').max(100, 'organisations.city.too_long'),
  is_ess: checkbox,
  is_siae: checkbox,
  person_name: requiredText('organisations.person_name.required').max(200, 'organisations.person_name.too_long'),
  email,
  password: z.string({ error: 'organisations.password.required' }).min(1, 'organisations.password.required'),
  password_confirm: z.string().optional(),
  accept_terms: z.literal('on', { error: 'organisations.terms.required' }),
});

export const inviteForm = z.object({
  email,
  role: requiredText('organisations.invite.role_invalid'),
});

export const roleForm = z.object({ role: requiredText('organisations.invite.role_invalid') });

export const invitationAccountForm = z.object({
  name: requiredText('organisations.person_name.required').max(200, 'organisations.person_name.too_long'),
  password: z.string({ error: 'organisations.password.required' }).min(1, 'organisations.password.required'),
  password_confirm: z.string().optional(),
});

/** Strength (identity's rules) and confirmation of a new password, checked on the raw body. */
function passwordErrors(body: Record<string, unknown>, emailAddress: unknown): FieldError[] {
  const password = typeof body.password === 'string' ? body.password : '';
  const errors: FieldError[] = [];
  if (password === '') return errors;
  const problem = checkPasswordStrength(password, typeof emailAddress === 'string' ? emailAddress.trim() : undefined);
  if (problem) errors.push({ field: 'password', message: problem });
  if (body.password_confirm !== password) {
    errors.push({ field: 'password_confirm', message: 'organisations.password_confirm.mismatch' });
  }
  return errors;
}

/**
 * Parses a form that sets a password: the schema's errors and the password's are shown
 * together, so the person fixes everything in one pass.
 */
export function parseFormWithPassword<S extends z.ZodType>(
  schema: S,
  body: unknown,
  emailAddress: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[]; values: FormValues } {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form = parseForm(schema, body);
  const extra = passwordErrors(raw, emailAddress);
  if (form.ok && extra.length === 0) return form;
  const errors = form.ok ? [] : [...form.errors];
  for (const e of extra) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  // keep the order of the fields on the page for the summary
  const order = Object.keys(raw);
  errors.sort((a, b) => rank(order, a.field) - rank(order, b.field));
  return { ok: false, errors, values: form.ok ? formValues(body) : form.values };
}

function rank(order: string[], field: string): number {
  const i = order.indexOf(field);
  return i === -1 ? order.length : i;
}
