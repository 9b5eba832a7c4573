import { z } from 'zod';
import type { FieldError } from '../../../platform/errors.js';
import { isDepartmentCode } from '../../organisations/index.js';
import { parseCpvList } from '../domain/cpv.js';
import { criterionKinds } from '../domain/criteria.js';
import { eurosToCents } from '../domain/money.js';
import { cpvCatalogue, nutsRegion } from './reference.js';

/**
 * Form schemas of the drafting steps. Messages are catalogue keys (see messages.ts); values a
 * person types in their own way (euros, CPV lists, percentages) are converted here, at the edge.
 */

export const procedureTypes = [
  'adapted',
  'open',
  'restricted',
  'competitive_negotiation',
  'competitive_dialogue',
  'negotiated_without_notice',
  'design_contest',
] as const;
export const mainCategories = ['works', 'goods', 'services'] as const;
export const reservedContracts = ['siae', 'ea_esat'] as const;

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => v || null);

const title = z.string().trim().min(1, 'drafting.title.required').max(300, 'drafting.title.too_long');
const internalReference = optionalText(100, 'drafting.internal_reference.too_long');
const procedureType = z.enum(procedureTypes, { message: 'drafting.procedure.required' });
const mainCategory = z.enum(mainCategories, { message: 'drafting.category.required' });

/** Euros typed freely ("1 850 000,50 €") → cents; empty → null. */
const euros = z
  .string()
  .trim()
  .max(40, 'drafting.value.invalid')
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    const cents = eurosToCents(text);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'drafting.value.invalid' });
      return z.NEVER;
    }
    return cents;
  });

/** "45000000-7, 45210000-2": each code must exist in CPV 2008 with the right check digit. */
export const cpvField = z
  .string()
  .max(2000, 'drafting.cpv.too_many')
  .optional()
  .transform((text, ctx) => {
    const { codes, problems } = parseCpvList(text ?? '', cpvCatalogue());
    const first = problems[0];
    if (first) {
      ctx.addIssue({ code: 'custom', message: `drafting.cpv.${first.problem}` });
      return z.NEVER;
    }
    if (codes.length > 20) {
      ctx.addIssue({ code: 'custom', message: 'drafting.cpv.too_many' });
      return z.NEVER;
    }
    return codes;
  });

export const newDraftForm = z.object({
  title,
  internal_reference: internalReference,
  procedure_type: procedureType,
  main_category: mainCategory,
});

export const generalForm = z
  .object({
    title,
    internal_reference: internalReference,
    description: z.string().trim().max(20000, 'drafting.description.too_long').optional().default(''),
    procedure_type: procedureType,
    main_category: mainCategory,
    cpv_codes: cpvField,
    estimated_value: euros,
    department: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isDepartmentCode(v), 'drafting.department.invalid'),
    nuts_code: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || nutsRegion(v) !== undefined, 'drafting.nuts.invalid'),
    duration_months: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const n = /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
        if (!(n >= 1 && n <= 600)) {
          ctx.addIssue({ code: 'custom', message: 'drafting.duration.invalid' });
          return z.NEVER;
        }
        return n;
      }),
    variants_allowed: checkbox,
    has_options: checkbox,
    options_description: optionalText(5000, 'drafting.options_description.too_long'),
  })
  .superRefine((data, ctx) => {
    if (data.has_options && !data.options_description) {
      ctx.addIssue({ code: 'custom', path: ['options_description'], message: 'drafting.options_description.required' });
    }
  });
export type GeneralInput = z.output<typeof generalForm>;

export const lotForm = z.object({
  title: z.string().trim().min(1, 'drafting.lot.title.required').max(300, 'drafting.title.too_long'),
  description: z.string().trim().max(20000, 'drafting.description.too_long').optional().default(''),
  cpv_codes: cpvField,
  estimated_value: euros,
});
export type LotInput = z.output<typeof lotForm>;

export const newLotForm = lotForm.extend({
  /** when a single-lot tender becomes divided, the name of its first lot */
  first_lot_title: z
    .string()
    .trim()
    .max(300, 'drafting.title.too_long')
    .optional()
    .transform((v) => v || null),
});
export type NewLotInput = z.output<typeof newLotForm>;

export interface ClauseValues {
  reserved_contract: (typeof reservedContracts)[number] | null;
  social_clause_insertion: boolean;
  social_clause_other: boolean;
  environmental_clause: boolean;
  environmental_criterion: boolean;
}

/** Clause fields of the tender (prefix '') or of lot n (prefix 'lot_n_'). */
export function readClauses(body: Record<string, unknown>, prefix: string): ClauseValues | FieldError {
  const reserved = body[`${prefix}reserved_contract`];
  const isReserved = (v: unknown): v is ClauseValues['reserved_contract'] =>
    v === null || reservedContracts.includes(v as never);
  const value = reserved === undefined || reserved === '' ? null : reserved;
  if (!isReserved(value)) return { field: `${prefix}reserved_contract`, message: 'drafting.clauses.reserved.invalid' };
  const flag = (name: string) => body[`${prefix}${name}`] === 'on';
  return {
    reserved_contract: value,
    social_clause_insertion: flag('social_clause_insertion'),
    social_clause_other: flag('social_clause_other'),
    environmental_clause: flag('environmental_clause'),
    environmental_criterion: flag('environmental_criterion'),
  };
}

export const maxCriteriaRows = 20;

export interface CriterionInput {
  label: string;
  kind: (typeof criterionKinds)[number];
  /** what was typed, kept to refill the form */
  weightText: string;
}

/** Rows `label_i`, `kind_i`, `weight_i`; rows left blank are ignored. */
export function readCriteriaRows(body: Record<string, unknown>): CriterionInput[] {
  const rows: CriterionInput[] = [];
  for (let i = 1; i <= maxCriteriaRows; i++) {
    const label = String(body[`label_${i}`] ?? '').trim();
    const weightText = String(body[`weight_${i}`] ?? '').trim();
    const kind = String(body[`kind_${i}`] ?? 'quality');
    if (!label && !weightText) continue;
    rows.push({
      label,
      kind: (criterionKinds as readonly string[]).includes(kind) ? (kind as CriterionInput['kind']) : 'other',
      weightText,
    });
  }
  return rows;
}

const dateText = z.string().trim().max(20).optional().default('');
const timeText = z.string().trim().max(10).optional().default('');

export const deadlinesForm = z.object({
  submission_date: dateText,
  submission_time: timeText,
  candidature_date: dateText,
  candidature_time: timeText,
  questions_date: dateText,
  questions_time: timeText,
  acknowledge_delays: checkbox,
});
export type DeadlinesFormInput = z.output<typeof deadlinesForm>;

export const contactForm = z.object({
  contact_name: z.string().trim().min(1, 'drafting.contact.name.required').max(200, 'drafting.contact.name.too_long'),
  contact_email: z
    .string()
    .trim()
    .min(1, 'drafting.contact.email.required')
    .max(254, 'drafting.contact.email.invalid')
    .pipe(z.email('drafting.contact.email.invalid')),
  contact_phone: z
    .string()
    .trim()
    .max(30, 'drafting.contact.phone.invalid')
    .regex(/^[+0-9 ().-]*$/, 'drafting.contact.phone.invalid')
    .optional()
    .transform((v) => v || null),
  electronic_signature_required: checkbox,
  backup_copy_allowed: checkbox,
  max_file_size_mb: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'drafting.contact.max_size.invalid')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 2000, 'drafting.contact.max_size.invalid'),
});
export type ContactInput = z.output<typeof contactForm>;
