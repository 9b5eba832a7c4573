import type { StoredBlob } from '../../../platform/blobs/index.js';
import type { DbOrTrx, Trx } from '../../../platform/db/kysely.js';
import type { DocumentType } from '../../../platform/db/schema.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { sameFileName } from '../domain/documentNames.js';
import { editModeOf } from '../domain/lifecycle.js';
import { contentTypeOf } from './limits.js';
import { currentAndStagedDocuments, type DocumentRow, inVersion, type TenderHead } from './repo.js';

/**
 * DCE versions. A draft's documents belong to version 1 and change freely. Once published, a
 * change must not reach companies silently: it is staged for version dce_version + 1, and the
 * corrigendum that increments `tenders.dce_version` makes it visible, all at once.
 */
export function versionForChanges(tender: Pick<TenderHead, 'status' | 'dceVersion'>): number | null {
  const mode = editModeOf(tender.status, 'documents');
  if (mode === 'free') return tender.dceVersion;
  if (mode === 'corrigendum') return tender.dceVersion + 1;
  return null;
}

export function assertDocumentsEditable(tender: Pick<TenderHead, 'status' | 'dceVersion'>): number {
  const version = versionForChanges(tender);
  if (version === null) throw new AppError('conflict', { messageKey: 'documents.error.locked' });
  return version;
}

/** Refuses a name already used in the version the document would join (as a case-insensitive disk would). */
export async function assertNameFree(
  db: DbOrTrx,
  tender: Pick<TenderHead, 'id' | 'dceVersion'>,
  version: number,
  fileName: string,
): Promise<void> {
  const documents = await currentAndStagedDocuments(db, tender.id, tender.dceVersion);
  if (documents.some((d) => inVersion(d, version) && sameFileName(d.fileName, fileName))) {
    throw fieldError('file', 'documents.error.duplicate');
  }
}

/**
 * Records a durably stored blob as a document of the tender, in the caller's transaction (whose
 * tender row is locked): in the draft's version, or staged for the next one once published.
 */
export async function addDocumentToNextVersion(
  trx: Trx,
  tender: TenderHead,
  input: { blob: StoredBlob; fileName: string; documentType: DocumentType; uploadedBy: string | null },
): Promise<{ documentId: string; version: number; staged: boolean }> {
  const version = assertDocumentsEditable(tender);
  await assertNameFree(trx, tender, version, input.fileName);
  const blobId = uuidv7();
  await trx
    .insertInto('blobs')
    .values({
      id: blobId,
      storage_key: input.blob.key,
      size_bytes: input.blob.sizeBytes,
      sha256: input.blob.sha256,
      content_type: contentTypeOf(input.fileName),
    })
    .execute();
  const documentId = uuidv7();
  await trx
    .insertInto('tender_documents')
    .values({
      id: documentId,
      tender_id: tender.id,
      blob_id: blobId,
      file_name: input.fileName,
      document_type: input.documentType,
      size_bytes: input.blob.sizeBytes,
      sha256: input.blob.sha256,
      added_in_version: version,
      uploaded_by: input.uploadedBy,
    })
    .execute();
  return { documentId, version, staged: version > tender.dceVersion };
}

/**
 * Takes a document out of the DCE, in the caller's transaction. A document companies never saw
 * (a draft's, or one staged for the next version) is deleted with its blob row, and the caller
 * deletes the stored content after commit (`deletedStorageKey`). A published one stays in the
 * versions that had it and leaves from the next one.
 */
export async function removeDocumentFromNextVersion(
  trx: Trx,
  tender: TenderHead,
  document: DocumentRow,
): Promise<{ staged: boolean; deletedStorageKey: string | null }> {
  const version = assertDocumentsEditable(tender);
  if (!inVersion(document, version)) throw new AppError('not_found');
  const neverPublished = tender.status === 'draft' || document.addedInVersion > tender.dceVersion;
  if (neverPublished) {
    const row = await trx
      .deleteFrom('tender_documents')
      .where('id', '=', document.id)
      .returning('blob_id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('blobs').where('id', '=', row.blob_id).execute();
    return { staged: false, deletedStorageKey: document.storageKey };
  }
  await trx
    .updateTable('tender_documents')
    .set({ removed_in_version: version })
    .where('id', '=', document.id)
    .execute();
  return { staged: true, deletedStorageKey: null };
}
