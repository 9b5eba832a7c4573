import type { BlobStore } from '../../../platform/blobs/index.js';
import type { DocumentRow } from './repo.js';
import { type ZipEntry, zipLength } from './zip.js';

/** The folder every entry sits in, so extracting the ZIP never scatters files in Downloads. */
export function dceFolderName(reference: string, version: number): string {
  return `DCE-${reference}-v${version}`;
}

export function dceZipEntries(
  blobs: BlobStore | null,
  tender: { reference: string; dceVersion: number },
  documents: DocumentRow[],
): ZipEntry[] {
  const folder = dceFolderName(tender.reference, tender.dceVersion);
  return documents.map((d) => ({
    name: `${folder}/${d.fileName}`,
    sizeBytes: d.sizeBytes,
    modifiedAt: d.createdAt,
    open: () => {
      if (!blobs) throw new Error('no blob store to read from');
      return blobs.get(d.storageKey);
    },
  }));
}

/** The exact size of the ZIP of a DCE version, shown before download and sent as Content-Length. */
export function dceZipSize(tender: { reference: string; dceVersion: number }, documents: DocumentRow[]): number {
  return zipLength(dceZipEntries(null, tender, documents));
}
