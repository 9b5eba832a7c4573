/**
 * CPV codes (Common Procurement Vocabulary, EU Regulation 213/2008): eight digits and a check
 * digit, "45000000-7". Pure: the list of codes is passed in (loaded once by
 * `drafting/reference.ts`), because the check digit cannot be recomputed by a simple public rule
 * and must be validated against the published list.
 *
 * Codes are stored WITHOUT their check digit ("45000000"), the form in which the DECP and most
 * registers exchange them; the check digit is added back from the list for display.
 */

export interface CpvEntry {
  /** eight digits, e.g. `45000000` */
  code: string;
  /** the check digit of the official list, e.g. `7` */
  checkDigit: string;
  labelFr: string;
  labelEn: string;
}

export interface CpvLookup {
  get(code: string): CpvEntry | undefined;
}

export type CpvProblem = 'format' | 'unknown' | 'check_digit';

const cpvPattern = /^(\d{8})(?:-(\d))?$/;

/** Reads "45000000-7", "45000000" (and tolerates inner spaces: "45 00 00 00-7"). */
export function parseCpv(text: string): { code: string; checkDigit: string | null } | null {
  const match = cpvPattern.exec(text.replace(/\s+/g, ''));
  if (!match?.[1]) return null;
  return { code: match[1], checkDigit: match[2] ?? null };
}

/** A code must exist in the list and, when a check digit is given, it must be the list's one. */
export function validateCpv(
  text: string,
  list: CpvLookup,
): { ok: true; entry: CpvEntry } | { ok: false; problem: CpvProblem } {
  const parsed = parseCpv(text);
  if (!parsed) return { ok: false, problem: 'format' };
  const entry = list.get(parsed.code);
  if (!entry) return { ok: false, problem: 'unknown' };
  if (parsed.checkDigit !== null && parsed.checkDigit !== entry.checkDigit)
    return { ok: false, problem: 'check_digit' };
  return { ok: true, entry };
}

/**
 * A list typed by a person: "45000000-7, 45210000-2" (commas, semicolons, new lines). Returns the
 * distinct codes in the order given, and every item that is not a valid code with its problem.
 */
export function parseCpvList(
  text: string,
  list: CpvLookup,
): { codes: string[]; problems: { input: string; problem: CpvProblem }[] } {
  const codes: string[] = [];
  const problems: { input: string; problem: CpvProblem }[] = [];
  for (const raw of text.split(/[,;\n\r]+/)) {
    const item = raw.trim();
    if (!item) continue;
    const result = validateCpv(item, list);
    if (result.ok) {
      if (!codes.includes(result.entry.code)) codes.push(result.entry.code);
    } else {
      problems.push({ input: item.slice(0, 40), problem: result.problem });
    }
  }
  return { codes, problems };
}

/** "45000000-7": the code with its check digit (the code alone when it is not in the list). */
export function formatCpv(code: string, list: CpvLookup): string {
  const entry = list.get(code);
  return entry ? `${entry.code}-${entry.checkDigit}` : code;
}

export type CpvLevel = 'division' | 'group' | 'class' | 'category' | 'subcategory';

/**
 * The hierarchy is given by trailing zeros, not by the origin's `level` column: two significant
 * digits make a division (45000000), three a group (45200000), four a class (45210000), five a
 * category (45211000), more a sub-category. A division is never shorter than two digits.
 */
export function significantDigits(code: string): number {
  const trimmed = code.replace(/0+$/, '');
  return Math.max(2, trimmed.length);
}

export function cpvLevel(code: string): CpvLevel {
  const n = significantDigits(code);
  if (n <= 2) return 'division';
  if (n === 3) return 'group';
  if (n === 4) return 'class';
  if (n === 5) return 'category';
  return 'subcategory';
}

/** The division of a code: `45112500` → `45000000`. */
export function cpvDivision(code: string): string {
  return `${code.slice(0, 2)}000000`;
}

/**
 * The broader codes above a code, from the division down (`45112500` → 45000000, 45100000,
 * 45110000, 45112000): what a company watching "45000000" must also be told about.
 */
export function cpvAncestors(code: string): string[] {
  const n = significantDigits(code);
  const out: string[] = [];
  for (let digits = 2; digits < n; digits++) out.push(code.slice(0, digits).padEnd(8, '0'));
  return [...new Set(out)].filter((c) => c !== code);
}

/** Lower case, no accents, no punctuation: "Travaux d'Isolation" → ["travaux", "d", "isolation"]. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export interface CpvIndexEntry extends CpvEntry {
  words: string[];
}

/** Precomputes the accent-free words of both labels once, so a search is a plain scan. */
export function indexCpv(entries: readonly CpvEntry[]): CpvIndexEntry[] {
  return entries.map((e) => ({ ...e, words: [...new Set([...searchWords(e.labelFr), ...searchWords(e.labelEn)])] }));
}

/**
 * Search as you type: digits match the start of the code ("4521" → 45210000…); words match the
 * start of words of the French or English label, accents ignored, every word must match
 * ("isol therm" → "Travaux d'isolation thermique"). Broader codes come first, then by code.
 */
export function searchCpv(index: readonly CpvIndexEntry[], query: string, limit = 20): CpvEntry[] {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const digits = q.replace(/[\s-]/g, '');
  let matches: CpvIndexEntry[];
  if (/^\d+$/.test(digits)) {
    const prefix = digits.slice(0, 8);
    matches = index.filter((e) => e.code.startsWith(prefix));
  } else {
    const words = searchWords(q).filter((w) => w.length >= 2 || /\d/.test(w));
    if (words.length === 0) return [];
    matches = index.filter((e) => words.every((w) => e.words.some((lw) => lw.startsWith(w))));
  }
  return matches
    .sort((a, b) => significantDigits(a.code) - significantDigits(b.code) || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map(({ words: _words, ...entry }) => entry);
}
