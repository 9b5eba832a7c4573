import type { FieldError } from '../../platform/errors.js';
import { checkPasswordStrength } from './domain/password.js';

/**
 * The checks of a new password typed twice, as field errors: strength (CNIL rules) on the
 * first field, equality on the second. Both are reported at once so the person fixes both.
 */
export function newPasswordErrors(password: string, confirmation: string, email: string): FieldError[] {
  const errors: FieldError[] = [];
  const problem = checkPasswordStrength(password, email);
  if (problem) errors.push({ field: 'password', message: problem });
  if (password !== confirmation) errors.push({ field: 'passwordConfirmation', message: 'identity.password.mismatch' });
  return errors;
}
