/**
 * Names and types of files people upload (vault documents, message attachments): shown in pages
 * and sent back in Content-Disposition headers. Directory parts are dropped, a name that tries to
 * climb ("../x") or hides control and bidirectional characters is refused. Pure.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const forbidden = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The name to keep, or null when the name is refused. */
export function cleanUploadFileName(raw: string): string | null {
  if (forbidden.test(raw)) return null;
  const segments = raw.split(/[/\\]/);
  if (segments.some((s) => s.trim() === '..')) return null;
  const base = (segments.at(-1) ?? '')
    .normalize('NFC')
    .replace(/[<>:"|?*]/g, '_')
    .trim();
  if (base === '' || base === '.' || base === '..' || Buffer.byteLength(base, 'utf8') > 255) return null;
  return base;
}

const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xml: 'application/xml',
  zip: 'application/zip',
  txt: 'text/plain',
  csv: 'text/csv',
};

/** By extension: the browser's claim is not trusted, and downloads are attachments anyway. */
export function uploadContentType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return contentTypes[dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : ''] ?? 'application/octet-stream';
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the others. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
