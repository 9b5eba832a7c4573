import { z } from 'zod';
import { checkSiret, companySizes, isDepartmentCode, isNafCode, normaliseIdentifier } from '../organisations/index.js';

/** Form schemas of the company profile; every message is a catalogue key shown next to its field. */

const requiredText = (key: string) => z.string({ error: key }).trim().min(1, key);
const optionalText = (max: number, key: string) => z.string().trim().max(max, key).optional().default('');
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

export const siretField = requiredText('organisations.siret.required')
  .max(30, 'organisations.siret.format')
  .transform(normaliseIdentifier)
  .superRefine((value, ctx) => {
    const problem = checkSiret(value);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'organisations.siret.format' });
    if (problem === 'checksum') ctx.addIssue({ code: 'custom', message: 'organisations.siret.checksum' });
  });

export const siretForm = z.object({ siret: siretField });

export const joinForm = z.object({
  siret: siretField,
  person_name: requiredText('organisations.person_name.required').max(200, 'organisations.person_name.too_long'),
  email: requiredText('organisations.email.required')
    .max(254, 'organisations.email.invalid')
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'organisations.email.invalid'),
  message: optionalText(1000, 'registry.message.too_long'),
});

/** CPV codes typed as a list ("45000000, 45210000"): 8 digits each, an optional check digit dropped. */
const cpvList = z
  .string()
  .max(400, 'registry.cpv.invalid')
  .optional()
  .default('')
  .transform((v) => [
    ...new Set(
      v
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((c) => c.replace(/-\d$/, '')),
    ),
  ])
  .refine((codes) => codes.length <= 20 && codes.every((c) => /^\d{8}$/.test(c)), 'registry.cpv.invalid');

export const profileForm = z.object({
  name: requiredText('organisations.name.required').max(200, 'organisations.name.too_long'),
  address: optionalText(300, 'registry.address.too_long'),
  postal_code: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'registry.postal_code.invalid'),
  city: requiredText('organisations.city.required').max(100, 'organisations.city.too_long'),
  department: requiredText('organisations.department.required').refine(
    isDepartmentCode,
    'organisations.department.unknown',
  ),
  naf: requiredText('organisations.naf.required').refine(isNafCode, 'organisations.naf.unknown'),
  legal_category: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || /^\d{4}$/.test(v), 'registry.legal_category.invalid'),
  size: z.enum(companySizes as ['TPE', 'PME', 'ETI', 'GE'], { error: 'organisations.size.required' }),
  head_office: checkbox,
  is_ess: checkbox,
  is_siae: checkbox,
  description: optionalText(4000, 'registry.description.too_long'),
  keywords: optionalText(500, 'registry.keywords.too_long'),
  cpv_codes: cpvList,
  source: z.enum(['embedded', 'http', 'manual']).optional().default('manual'),
});
export type ProfileInput = z.output<typeof profileForm>;
