import type { Readable } from 'node:stream';
import { recordAudit } from '../../../platform/audit/record.js';
import type { DocumentType } from '../../../platform/db/schema.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { cleanFileName } from '../domain/documentNames.js';
import { actorOf, type DocumentsEditor } from './access.js';
import { dceLimits } from './limits.js';
import { lockTender, type TenderHead } from './repo.js';
import { addDocumentToNextVersion, assertDocumentsEditable, assertNameFree } from './staging.js';

export interface UploadInput {
  /** the name the browser sent, cleaned here */
  fileName: string;
  documentType: DocumentType;
  content: Readable;
}

/**
 * Adds a file to the DCE. The content streams to the blob store (never held in memory) and is
 * durable before anything is written in the database; then blob row, document row and audit
 * commit together. If that transaction fails, the stored content is deleted: no orphan blob.
 * Cheap checks (state, name) run before the upload, and again under the tender's lock.
 */
export async function uploadDocument(
  rt: Runtime,
  editor: DocumentsEditor,
  tender: TenderHead,
  input: UploadInput,
): Promise<{ documentId: string; fileName: string; staged: boolean }> {
  const version = assertDocumentsEditable(tender);
  const cleaned = cleanFileName(input.fileName);
  if (!cleaned.ok) throw fieldError('file', `documents.error.name_${cleaned.problem}`);
  const fileName = cleaned.name;
  await assertNameFree(rt.db, tender, version, fileName);

  let blob: Awaited<ReturnType<typeof rt.blobs.put>>;
  try {
    blob = await rt.blobs.put(input.content, { maxBytes: dceLimits.maxFileBytes });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') {
      throw new AppError('payload_too_large', {
        fields: [{ field: 'file', message: 'documents.error.file_too_large' }],
      });
    }
    throw error;
  }
  if (blob.sizeBytes === 0) {
    await rt.blobs.delete(blob.key);
    throw fieldError('file', 'documents.error.file_empty');
  }

  try {
    return await rt.db.transaction().execute(async (trx) => {
      const locked = await lockTender(trx, tender.id);
      const added = await addDocumentToNextVersion(trx, locked, {
        blob,
        fileName,
        documentType: input.documentType,
        uploadedBy: editor.principal.user.id,
      });
      await recordAudit(trx, actorOf(editor), {
        action: added.staged ? 'tenders.document.staged_addition' : 'tenders.document.added',
        subjectType: 'tender_document',
        subjectId: added.documentId,
        organisationId: locked.buyerId,
        after: {
          tenderId: locked.id,
          reference: locked.reference,
          fileName,
          documentType: input.documentType,
          sizeBytes: blob.sizeBytes,
          sha256: blob.sha256,
          dceVersion: added.version,
        },
      });
      return { documentId: added.documentId, fileName, staged: added.staged };
    });
  } catch (error) {
    await rt.blobs.delete(blob.key).catch((cleanupError: unknown) => {
      rt.logger.error({ err: cleanupError, key: blob.key }, 'orphan blob left after a failed upload');
    });
    throw error;
  }
}
