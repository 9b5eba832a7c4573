/**
 * CSV as RFC 4180 (comma, CRLF, double quotes), safe to open in a spreadsheet: a cell that
 * starts with = + - @ (or a tab or carriage return) would run as a formula there, so it is
 * prefixed with a quote (OWASP "CSV injection").
 */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Spreadsheets guess the encoding; the byte order mark makes them read UTF-8 accents right. */
export const csvBom = '\uFEFF';
