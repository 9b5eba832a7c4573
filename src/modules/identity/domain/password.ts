/**
 * Password rules, following the CNIL recommendation (délibération 2022-100): at least 12
 * characters mixing several kinds of characters, not a well-known password, not the e-mail.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 256;

const commonPasswords = new Set([
  'motdepasse123',
  'motdepasse1234',
  'azertyuiop123',
  'azerty123456',
  'password1234',
  'password123!',
  '123456789012',
  'qwertyuiop12',
  'bonjour12345',
  'soleil123456',
  'marchespublics',
  'administrateur',
]);

export type PasswordProblem =
  | 'identity.password.too_short'
  | 'identity.password.too_long'
  | 'identity.password.too_simple'
  | 'identity.password.common';

export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'identity.password.too_short';
  if (password.length > passwordMaxLength) return 'identity.password.too_long';
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'identity.password.common';
  if (email) {
    const local = email.toLowerCase().split('@')[0] ?? '';
    if (local.length >= 4 && lower.includes(local)) return 'identity.password.common';
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 3 && password.length < 20) return 'identity.password.too_simple';
  if (new Set(password).size < 5) return 'identity.password.too_simple';
  return null;
}
