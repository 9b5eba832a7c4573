/**
 * File names of DCE documents, as typed by the buyer but safe everywhere they go: in a page,
 * in a Content-Disposition header and as an entry of the ZIP companies extract on Windows,
 * macOS or Linux. Pure: no I/O.
 */
export type FileNameProblem = 'empty' | 'traversal' | 'control' | 'too_long';

export const MAX_FILE_NAME_BYTES = 255;

// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise an extension
// ("facture\u202Efdp.exe" shows as "facture exe.pdf").
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const forbidden = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Characters Windows refuses in a file name: replaced, so the ZIP extracts everywhere.
const windowsReserved = /[<>:"|?*]/g;

/**
 * The name to store, or why it is refused. Directory parts a browser or a script may send
 * ("C:\Users\x\plan.pdf", "a/b.pdf") are dropped; a name that tries to climb ("../x") is refused
 * outright rather than repaired, since it is no honest upload.
 */
export function cleanFileName(raw: string): { ok: true; name: string } | { ok: false; problem: FileNameProblem } {
  if (forbidden.test(raw)) return { ok: false, problem: 'control' };
  const segments = raw.split(/[/\\]/);
  if (segments.some((s) => s.trim() === '..')) return { ok: false, problem: 'traversal' };
  const base = (segments.at(-1) ?? '')
    .normalize('NFC')
    .replace(windowsReserved, '_')
    // Windows drops trailing dots and spaces, which would make two names collide after extraction
    .replace(/[. ]+$/u, '')
    .trim();
  if (base === '' || base === '.') return { ok: false, problem: 'empty' };
  if (Buffer.byteLength(base, 'utf8') > MAX_FILE_NAME_BYTES) return { ok: false, problem: 'too_long' };
  return { ok: true, name: base };
}

/** Two names that would land on the same file once extracted on a case-insensitive system. */
export function sameFileName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('fr') === b.normalize('NFC').toLocaleLowerCase('fr');
}
