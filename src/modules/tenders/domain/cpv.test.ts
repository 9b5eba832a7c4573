import { describe, expect, it } from 'vitest';
import { cpvCatalogue, searchCpvCodes } from '../drafting/reference.js';
import {
  cpvAncestors,
  cpvDivision,
  cpvLevel,
  formatCpv,
  parseCpv,
  parseCpvList,
  searchWords,
  significantDigits,
  validateCpv,
} from './cpv.js';

const list = cpvCatalogue();

describe('CPV codes', () => {
  it('reads codes with or without their check digit', () => {
    expect(parseCpv('45000000-7')).toEqual({ code: '45000000', checkDigit: '7' });
    expect(parseCpv('45000000')).toEqual({ code: '45000000', checkDigit: null });
    expect(parseCpv(' 45 000 000-7 ')).toEqual({ code: '45000000', checkDigit: '7' });
    expect(parseCpv('4500000')).toBeNull();
    expect(parseCpv('45000000-77')).toBeNull();
    expect(parseCpv('abcdefgh')).toBeNull();
  });

  it('checks existence and the check digit against the official list', () => {
    expect(list.entries).toHaveLength(9454);
    expect(validateCpv('45000000-7', list)).toMatchObject({ ok: true, entry: { labelFr: 'Travaux de construction' } });
    expect(validateCpv('45000000', list).ok).toBe(true);
    expect(validateCpv('45000000-8', list)).toEqual({ ok: false, problem: 'check_digit' });
    expect(validateCpv('45999999', list)).toEqual({ ok: false, problem: 'unknown' });
    expect(validateCpv('45-000', list)).toEqual({ ok: false, problem: 'format' });
  });

  it('knows the DECP schema example 45112500 has check digit 0 (not 9 as the schema says)', () => {
    expect(validateCpv('45112500-0', list).ok).toBe(true);
    expect(validateCpv('45112500-9', list)).toEqual({ ok: false, problem: 'check_digit' });
    expect(formatCpv('45112500', list)).toBe('45112500-0');
  });

  it('reads a typed list, keeps order, drops duplicates, reports bad items', () => {
    expect(parseCpvList('45000000-7, 45210000-2;45000000\n', list)).toEqual({
      codes: ['45000000', '45210000'],
      problems: [],
    });
    expect(parseCpvList('45000000-7, 45210000-3, 99999999', list).problems).toEqual([
      { input: '45210000-3', problem: 'check_digit' },
      { input: '99999999', problem: 'unknown' },
    ]);
  });

  it('derives the hierarchy from trailing zeros', () => {
    expect(significantDigits('45000000')).toBe(2);
    expect(cpvLevel('45000000')).toBe('division');
    expect(cpvLevel('45200000')).toBe('group');
    expect(cpvLevel('45210000')).toBe('class');
    expect(cpvLevel('45211000')).toBe('category');
    expect(cpvLevel('45112500')).toBe('subcategory');
    expect(cpvDivision('45112500')).toBe('45000000');
    expect(cpvAncestors('45112500')).toEqual(['45000000', '45100000', '45110000', '45112000']);
    expect(cpvAncestors('45000000')).toEqual([]);
    // a division such as 03000000 keeps its leading zero digits
    expect(cpvLevel('03000000')).toBe('division');
  });

  it('searches labels without accents and codes by prefix, broader codes first', () => {
    expect(searchWords('Travaux d’Isolation thermique — Œuvre')).toEqual([
      'travaux',
      'd',
      'isolation',
      'thermique',
      'oeuvre',
    ]);
    const isolation = searchCpvCodes('isolation');
    expect(isolation.length).toBeGreaterThan(0);
    expect(isolation[0]).toMatchObject({ code: '45320000', labelFr: "Travaux d'isolation" });
    expect(searchCpvCodes('ISOLATION thermique').map((e) => e.code)).toContain('45321000');
    expect(searchCpvCodes('batiments').some((e) => e.labelFr.includes('bâtiments'))).toBe(true);
    expect(searchCpvCodes('45210000').map((e) => e.code)).toEqual(['45210000']);
    const prefix = searchCpvCodes('4521');
    expect(prefix[0]?.code).toBe('45210000');
    expect(prefix.every((e) => e.code.startsWith('4521'))).toBe(true);
    expect(searchCpvCodes('45')).toHaveLength(20);
    expect(searchCpvCodes('')).toEqual([]);
  });
});
