import { recordAudit } from '../../../platform/audit/record.js';
import { notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type DocumentsEditor } from './access.js';
import { findDocument, lockTender, type TenderHead } from './repo.js';
import { removeDocumentFromNextVersion } from './staging.js';

/**
 * Takes a document out of the DCE: deleted from a draft, or staged to leave with the next
 * corrigendum once the tender is published. Stored content that no row names any more is
 * deleted after commit (a failure there leaves an unreferenced file, never a broken row).
 */
export async function removeDocument(
  rt: Runtime,
  editor: DocumentsEditor,
  tender: TenderHead,
  documentId: string,
): Promise<{ fileName: string; staged: boolean }> {
  const result = await rt.db.transaction().execute(async (trx) => {
    const locked = await lockTender(trx, tender.id);
    const document = await findDocument(trx, locked.id, documentId);
    if (!document) throw notFound();
    const removed = await removeDocumentFromNextVersion(trx, locked, document);
    await recordAudit(trx, actorOf(editor), {
      action: removed.staged ? 'tenders.document.staged_removal' : 'tenders.document.deleted',
      subjectType: 'tender_document',
      subjectId: document.id,
      organisationId: locked.buyerId,
      before: {
        tenderId: locked.id,
        reference: locked.reference,
        fileName: document.fileName,
        documentType: document.documentType,
        sha256: document.sha256,
      },
    });
    return { ...removed, fileName: document.fileName };
  });
  if (result.deletedStorageKey) {
    await rt.blobs.delete(result.deletedStorageKey).catch((error: unknown) => {
      rt.logger.warn({ err: error, key: result.deletedStorageKey }, 'could not delete a removed document’s blob');
    });
  }
  return { fileName: result.fileName, staged: result.staged };
}
