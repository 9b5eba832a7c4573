import type { z } from 'zod';
import type { FieldError } from '../platform/errors.js';
import { csrfFieldName } from '../platform/http/csrf.js';

export type FormValues = Record<string, string>;

/** Keeps the submitted text fields (never passwords) to refill the form after an error. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k === csrfFieldName || /password/i.test(k)) continue;
      if (typeof v === 'string') out[k] = v.slice(0, 2000);
    }
  }
  return out;
}

/**
 * Validates a submitted form with a zod schema whose messages are catalogue keys, and
 * returns either the data or the errors to show next to each field.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[]; values: FormValues } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (errors.some((e) => e.field === field)) continue;
    const message = issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'form.invalid';
    errors.push({ field, message });
  }
  return { ok: false, errors, values: formValues(body) };
}
