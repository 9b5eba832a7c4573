/**
 * SIREN (9 digits) and SIRET (14 digits) checks. Both carry a Luhn check digit; La Poste
 * (SIREN 356000000) has too many establishments for it, and its SIRETs are also valid when
 * the sum of their digits is a multiple of 5.
 */
export const laPosteSiren = '356000000';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces, dots and dashes are common in typed SIRETs ("123 456 789 00012"): strip them. */
export function normaliseIdentifier(input: string): string {
  return input.replace(/[\s.\-\u00a0]/g, '');
}

export type SiretProblem = 'format' | 'checksum';

export function checkSiren(siren: string): SiretProblem | null {
  if (!/^\d{9}$/.test(siren)) return 'format';
  return luhnValid(siren) ? null : 'checksum';
}

export function checkSiret(siret: string): SiretProblem | null {
  if (!/^\d{14}$/.test(siret)) return 'format';
  const siren = siret.slice(0, 9);
  // La Poste's older establishments (its head office 356 000 000 00048 among them) still
  // follow Luhn; the newer ones only the sum rule: either makes the SIRET valid.
  if (siren === laPosteSiren) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0 || luhnValid(siret) ? null : 'checksum';
  }
  if (checkSiren(siren) !== null) return 'checksum';
  return luhnValid(siret) ? null : 'checksum';
}

/** The smallest establishment number (NIC) from `startNic` on that makes a valid SIRET. */
export function completeSiret(siren: string, startNic = 10): string {
  for (let nic = startNic; nic < 100000; nic++) {
    const siret = siren + String(nic).padStart(5, '0');
    if (checkSiret(siret) === null) return siret;
  }
  throw new Error(`no valid SIRET for SIREN ${siren}`);
}

/** "12345678900012" → "123 456 789 00012": SIREN in groups of three, then the NIC, as printed by INSEE. */
export function formatSiret(siret: string): string {
  if (!/^\d{14}$/.test(siret)) return siret;
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
