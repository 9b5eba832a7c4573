import { z } from 'zod';

/** The new intention form; every message is a catalogue key. */
export const intentionForm = z.object({
  title: z
    .string({ error: 'intentions.error.title' })
    .trim()
    .min(1, 'intentions.error.title')
    .max(300, 'intentions.error.title'),
  description: z.string().trim().max(4000, 'intentions.error.description').optional().default(''),
  cpv_code: z
    .string({ error: 'intentions.error.cpv' })
    .trim()
    .transform((v) => v.replace(/-\d$/, ''))
    .refine((v) => /^\d{8}$/.test(v), 'intentions.error.cpv'),
  estimated_value: z
    .string()
    .trim()
    .optional()
    .default('')
    .transform((v) => v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
    .refine((v) => v === '' || /^\d{1,12}(\.\d{1,2})?$/.test(v), 'intentions.error.value')
    .transform((v) => (v === '' ? null : Math.round(Number(v) * 100))),
  expected_on: z
    .string({ error: 'intentions.error.date' })
    .trim()
    .refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}$/.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      'intentions.error.date',
    ),
  selection: z.string().trim().optional().default(''),
});
export type IntentionInput = z.output<typeof intentionForm>;

export const interestForm = z.object({
  note: z.string().trim().max(2000, 'intentions.error.note').optional().default(''),
});
