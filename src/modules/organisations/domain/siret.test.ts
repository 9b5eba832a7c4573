import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSiren, checkSiret, completeSiret, formatSiret, luhnValid, normaliseIdentifier } from './siret.js';

/** The SIREN made of these 8 digits and their Luhn key. */
const validSiren = (body: string) => [...'0123456789'].map((d) => body + d).find((s) => checkSiren(s) === null) ?? '';
const digitSum = (s: string) => [...s].reduce((sum, c) => sum + Number(c), 0);

describe('SIREN and SIRET checks', () => {
  it('accepts real identifiers whose Luhn key is right', () => {
    // INSEE's own SIREN, and SIRETs whose SIREN and 14 digits both pass Luhn
    expect(checkSiren('120027016')).toBeNull();
    expect(checkSiret('12002701600357')).toBeNull();
    expect(checkSiret('73282932000074')).toBeNull();
  });

  it('rejects a wrong Luhn key, in the SIREN or in the establishment number', () => {
    expect(checkSiret('73282932000075')).toBe('checksum');
    // a SIRET whose 14 digits pass Luhn but whose SIREN does not
    const badSiren = '732829321';
    expect(checkSiren(badSiren)).toBe('checksum');
    const nic = Array.from({ length: 100 }, (_, i) => String(10 + i).padStart(5, '0')).find((n) =>
      luhnValid(badSiren + n),
    );
    expect(nic).toBeDefined();
    expect(checkSiret(`${badSiren}${nic}`)).toBe('checksum');
  });

  it('applies the La Poste rule: a digit sum multiple of 5 suffices, Luhn still works', () => {
    // head office, Luhn-valid, digit sum 26
    expect(luhnValid('35600000000048')).toBe(true);
    expect(checkSiret('35600000000048')).toBeNull();
    // establishments valid only by the sum rule (sum 15 and 35), not by Luhn
    for (const siret of ['35600000000001', '35600000049837']) {
      expect(luhnValid(siret)).toBe(false);
      expect(digitSum(siret) % 5).toBe(0);
      expect(checkSiret(siret)).toBeNull();
    }
    // neither rule: sum 14, not Luhn
    expect(checkSiret('35600000000000')).toBe('checksum');
    // the sum rule is La Poste's only: the same digits sum elsewhere do not pass
    expect(digitSum('73282932000013') % 5).toBe(0);
    expect(checkSiret('73282932000013')).toBe('checksum');
  });

  it('reports a wrong length or letters as a format problem', () => {
    for (const bad of ['', '7328293200007', '732829320000741', '7328293200007A', 'ABCDEFGHIJKLMN', '73282932 00074']) {
      expect(checkSiret(bad)).toBe('format');
    }
    expect(checkSiren('12002701')).toBe('format');
  });

  it('normalises the spaces, dots and dashes people type, and formats for display', () => {
    expect(normaliseIdentifier(' 732 829 320\u00a000074 ')).toBe('73282932000074');
    expect(normaliseIdentifier('732.829.320-00074')).toBe('73282932000074');
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('not a siret')).toBe('not a siret');
  });

  it('completeSiret always gives a valid SIRET of the given SIREN (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 99000 }), (body, start) => {
        const siren = validSiren(body);
        const siret = completeSiret(siren, start);
        expect(siret).toMatch(/^\d{14}$/);
        expect(siret.startsWith(siren)).toBe(true);
        expect(Number(siret.slice(9))).toBeGreaterThanOrEqual(start);
        expect(checkSiret(siret)).toBeNull();
      }),
      { numRuns: 300 },
    );
    expect(checkSiret(completeSiret('356000000', 2))).toBeNull();
  });

  it('changing one digit of a valid SIRET always breaks its key (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{8}$/),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const siren = validSiren(body);
          fc.pre(siren !== '356000000');
          const siret = completeSiret(siren);
          const digit = (Number(siret[position]) + delta) % 10;
          const changed = siret.slice(0, position) + String(digit) + siret.slice(position + 1);
          expect(checkSiret(changed)).toBe('checksum');
        },
      ),
      { numRuns: 300 },
    );
  });
});
