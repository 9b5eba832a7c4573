import { z } from 'zod';

/**
 * The directory search, from a query string: loose like a search page (unknown values are
 * dropped, never an error), every list bounded.
 */
const text = (max: number) =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.trim().slice(0, max) : ''));

export const directoryQuery = z.object({
  q: text(200),
  cpv: text(10).transform((v) => (/^\d{8}$/.test(v.replace(/-\d$/, '')) ? v.replace(/-\d$/, '') : '')),
  naf: text(6).transform((v) => (/^\d{2}(\.\d{1,2}[A-Z]?)?$/.test(v.toUpperCase()) ? v.toUpperCase() : '')),
  department: text(3).transform((v) => (/^(\d{2}|2A|2B|97\d)$/.test(v) ? v : '')),
  size: text(3).transform((v) => (['TPE', 'PME', 'ETI', 'GE'].includes(v) ? v : '')),
  ess: text(2).transform((v) => v === 'on' || v === '1'),
  siae: text(2).transform((v) => v === 'on' || v === '1'),
  certification: text(100),
});
export type DirectoryQuery = z.output<typeof directoryQuery>;

/** CPV codes are hierarchical by trailing zeros: 45000000 matches every code of division 45. */
export function cpvPrefix(code: string): string {
  const trimmed = code.replace(/0+$/, '');
  return trimmed.length < 2 ? code.slice(0, 2) : trimmed;
}

/** `%` and `_` typed by a person are letters, not wildcards. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
