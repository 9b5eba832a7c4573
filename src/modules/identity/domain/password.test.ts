import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, passwordMaxLength } from './password.js';

describe('checkPasswordStrength', () => {
  it('accepts long passwords mixing three kinds of characters', () => {
    expect(checkPasswordStrength('Correct-Horse-42-Battery')).toBeNull();
    expect(checkPasswordStrength('Vélo-Rouge-2026')).toBeNull();
  });

  it('accepts a long passphrase of lower-case words', () => {
    expect(checkPasswordStrength('la mer monte vite ce soir')).toBeNull();
  });

  it('refuses passwords shorter than 12 characters', () => {
    expect(checkPasswordStrength('Ab1!Ab1!Ab1')).toBe('identity.password.too_short');
    expect(checkPasswordStrength('')).toBe('identity.password.too_short');
  });

  it('refuses passwords longer than the maximum', () => {
    expect(checkPasswordStrength(`Aa1!${'x'.repeat(passwordMaxLength)}`)).toBe('identity.password.too_long');
  });

  it('refuses well-known passwords whatever their case', () => {
    expect(checkPasswordStrength('MotDePasse123')).toBe('identity.password.common');
    expect(checkPasswordStrength('AZERTY123456')).toBe('identity.password.common');
  });

  it('refuses a password containing the local part of the e-mail address', () => {
    expect(checkPasswordStrength('Camille.Martin-2026!', 'camille.martin@exemple.fr')).toBe('identity.password.common');
    // a very short local part is not a meaningful match
    expect(checkPasswordStrength('Correct-Horse-42-Battery', 'cor@exemple.fr')).toBeNull();
  });

  it('refuses short passwords with fewer than three kinds of characters', () => {
    expect(checkPasswordStrength('abcdefghijkl')).toBe('identity.password.too_simple');
    expect(checkPasswordStrength('abcdefgh1234')).toBe('identity.password.too_simple');
  });

  it('refuses passwords made of too few distinct characters', () => {
    expect(checkPasswordStrength('Aa1!Aa1!Aa1!Aa1!Aa1!')).toBe('identity.password.too_simple');
  });
});
