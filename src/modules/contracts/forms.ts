import { z } from 'zod';
import { checkSiret, normaliseIdentifier } from '../organisations/index.js';
import { eurosToCents } from '../tenders/index.js';
import { isIsoDate, isPeriod } from './domain/dates.js';
import {
  ccags,
  environmentalConsiderations,
  executionModes,
  groupingTypes,
  natures,
  placeTypes,
  priceForms,
  priceTypes,
  priceVariations,
  procedures,
  socialConsiderations,
  techniques,
} from './domain/decp.js';

/** Forms of the contract pages; every message is a catalogue key. */

const text = (max: number, message: string) => z.string().trim().max(max, message).optional().default('');
const optionalChoice = <T extends readonly string[]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .default('')
    .refine((v) => v === '' || values.includes(v), message)
    .transform((v) => (v === '' ? null : v));
/** Checkbox lists arrive as one string or several. */
const choices = <T extends readonly string[]>(values: T, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((list) => list.every((v) => values.includes(v)), message)
    .transform((list) => [...new Set(list)]);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');
const money = (message: string, required: boolean) =>
  z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => (v === '' ? !required : (eurosToCents(v) ?? 0) >= 100), message)
    .transform((v) => (v === '' ? null : eurosToCents(v)));
const date = (message: string, required: boolean) =>
  z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => (v === '' ? !required : isIsoDate(v)), message)
    .transform((v) => (v === '' ? null : v));
const wholeNumber = (message: string, min: number, max: number, required = false) =>
  z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => (v === '' ? !required : /^\d{1,7}$/.test(v) && Number(v) >= min && Number(v) <= max), message)
    .transform((v) => (v === '' ? null : Number(v)));
const siret = (message: string) =>
  z
    .string({ error: message })
    .transform((v) => normaliseIdentifier(v))
    .refine((v) => checkSiret(v) === null, message);

/**
 * The contract's data, completed by the buyer before notification. Nothing here is mandatory on
 * its own: notification checks the whole DECP record and names what is missing.
 */
export const contractDataForm = z.object({
  object: z.string().trim().min(1, 'contracts.error.object').max(1000, 'contracts.error.object'),
  amount: money('contracts.error.amount', false),
  start_date: date('contracts.error.start_date', false),
  duration_months: wholeNumber('contracts.error.duration_months', 1, 1200),
  nature: z.enum(natures, 'contracts.error.nature'),
  procedure: optionalChoice(procedures, 'contracts.error.procedure'),
  cpv_code: z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || /^[0-9]{8}(-[0-9])?$/.test(v), 'contracts.error.cpv_code')
    .transform((v) => (v === '' ? null : v)),
  place_code: text(20, 'contracts.error.place_code').transform((v) => (v === '' ? null : v)),
  place_type: optionalChoice(placeTypes, 'contracts.error.place_type'),
  price_types: choices(priceTypes, 'contracts.error.price_types'),
  price_form: optionalChoice(priceForms, 'contracts.error.price_form'),
  ccag: optionalChoice(ccags, 'contracts.error.ccag'),
  techniques: choices(techniques, 'contracts.error.techniques'),
  execution_modes: choices(executionModes, 'contracts.error.execution_modes'),
  framework_agreement_id: text(16, 'contracts.error.framework_agreement_id').transform((v) => (v === '' ? null : v)),
  innovative: checkbox,
  offers_received: wholeNumber('contracts.error.offers_received', 1, 100000),
  advance_granted: checkbox,
  advance_rate: z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim().replace(',', '.').replace('%', ''))
    .refine((v) => v === '' || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), 'contracts.error.advance_rate')
    .transform((v) => (v === '' ? null : Math.round(Number(v) * 100) / 10000)),
  grouping_type: z.enum(groupingTypes, 'contracts.error.grouping_type'),
  subcontracting_declared: checkbox,
  social_considerations: choices(socialConsiderations, 'contracts.error.social_considerations'),
  environmental_considerations: choices(environmentalConsiderations, 'contracts.error.environmental_considerations'),
  insertion_clause: checkbox,
  has_options: checkbox,
  options_description: text(2000, 'contracts.error.options_description').transform((v) => (v === '' ? null : v)),
});
export type ContractDataInput = z.output<typeof contractDataForm>;

/** SIRETs of the contractors (members of a consortium may have come without one). */
export function contractorSirets(
  body: unknown,
  count: number,
): { sirets: string[]; errors: { field: string; message: string }[] } {
  const values = (body ?? {}) as Record<string, unknown>;
  const sirets: string[] = [];
  const errors: { field: string; message: string }[] = [];
  for (let i = 0; i < count; i++) {
    const raw = typeof values[`siret_${i}`] === 'string' ? normaliseIdentifier(values[`siret_${i}`] as string) : '';
    if (raw !== '' && checkSiret(raw) !== null) errors.push({ field: `siret_${i}`, message: 'contracts.error.siret' });
    sirets.push(raw);
  }
  return { sirets, errors };
}

export const modificationForm = z.object({
  modification_object: z
    .string()
    .trim()
    .min(1, 'contracts.error.modification_object')
    .max(1000, 'contracts.error.modification_object'),
  new_amount: money('contracts.error.new_amount', false),
  new_end_date: date('contracts.error.new_end_date', false),
  modification_notified_on: date('contracts.error.notified_on', true).transform((v) => v as string),
});
export type ModificationInput = z.output<typeof modificationForm>;

export const subcontractForm = z.object({
  siret: siret('contracts.error.siret'),
  subcontractor_name: z
    .string()
    .trim()
    .min(1, 'contracts.error.subcontractor_name')
    .max(200, 'contracts.error.subcontractor_name'),
  subcontract_amount: money('contracts.error.subcontract_amount', true).transform((v) => v as number),
  direct_payment: z.enum(['oui', 'non'], 'contracts.error.direct_payment').transform((v) => v === 'oui'),
  subcontract_duration: wholeNumber('contracts.error.subcontract_duration', 1, 1200, true).transform(
    (v) => v as number,
  ),
  price_variation: z.enum(priceVariations, 'contracts.error.price_variation'),
  subcontract_notified_on: date('contracts.error.notified_on', true).transform((v) => v as string),
});
export type SubcontractInput = z.output<typeof subcontractForm>;

export const insertionForm = z.object({
  period: z
    .string({ error: 'contracts.error.period' })
    .trim()
    .toUpperCase()
    .refine((v) => isPeriod(v), 'contracts.error.period'),
  hours_planned: wholeNumber('contracts.error.hours', 0, 1_000_000, true).transform((v) => v as number),
  hours_done: wholeNumber('contracts.error.hours', 0, 1_000_000, true).transform((v) => v as number),
});
export type InsertionInput = z.output<typeof insertionForm>;
