import type { DocumentType } from '../../../platform/db/schema.js';

/**
 * The platform's maximum size of one DCE file, stated to buyers on the upload form. 2 GiB covers
 * the heaviest plans we know of; the whole DCE has no limit of its own (the ZIP is streamed).
 * A mutable object rather than a constant so tests can lower it without sending gigabytes.
 */
export const dceLimits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
};

/** Types of DCE documents, in the order a DCE is usually read (RC first). */
export const documentTypes: readonly DocumentType[] = [
  'rc',
  'ccap',
  'cctp',
  'bpu',
  'dqe',
  'dpgf',
  'ae',
  'plans',
  'other',
];

/** Content types by extension: the browser's claim is not trusted, and downloads are attachments anyway. */
const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  dwg: 'image/vnd.dwg',
  dxf: 'image/vnd.dxf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
};

export function contentTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return contentTypes[extension] ?? 'application/octet-stream';
}
