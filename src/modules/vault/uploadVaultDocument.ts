import type { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/record.js';
import type { VaultDocumentType } from '../../platform/db/schema.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { cleanUploadFileName, uploadContentType } from '../../web/uploads.js';
import type { CompanyActor } from '../company-registry/index.js';
import { vaultLimits } from './limits.js';

export interface VaultUpload {
  type: VaultDocumentType;
  title: string;
  validUntil: string | null;
  /** the name the browser sent, cleaned here */
  fileName: string;
  content: Readable;
}

/**
 * Stores a document in the company's vault. The content streams into the blob store (SHA-256 on
 * the way, size limit) and is durable before the rows are written; blob row, document row and
 * audit commit together, and a failed transaction deletes the stored content (no orphan).
 */
export async function uploadVaultDocument(
  rt: Runtime,
  actor: CompanyActor,
  input: VaultUpload,
  ip?: string,
): Promise<{ id: string }> {
  const fileName = cleanUploadFileName(input.fileName);
  if (!fileName) throw fieldError('file', 'vault.error.file_name');
  let blob: Awaited<ReturnType<typeof rt.blobs.put>>;
  try {
    blob = await rt.blobs.put(input.content, { maxBytes: vaultLimits.maxFileBytes });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') {
      throw new AppError('payload_too_large', { fields: [{ field: 'file', message: 'vault.error.file_too_large' }] });
    }
    throw error;
  }
  if (blob.sizeBytes === 0) {
    await rt.blobs.delete(blob.key);
    throw fieldError('file', 'vault.error.file_empty');
  }
  const id = uuidv7();
  const contentType = uploadContentType(fileName);
  try {
    await rt.db.transaction().execute(async (trx) => {
      const blobId = uuidv7();
      await trx
        .insertInto('blobs')
        .values({
          id: blobId,
          storage_key: blob.key,
          size_bytes: blob.sizeBytes,
          sha256: blob.sha256,
          content_type: contentType,
        })
        .execute();
      const document = {
        id,
        organisation_id: actor.companyId,
        blob_id: blobId,
        document_type: input.type,
        title: input.title,
        file_name: fileName,
        content_type: contentType,
        size_bytes: blob.sizeBytes,
        sha256: blob.sha256,
        valid_until: input.validUntil,
        uploaded_by: actor.userId,
      };
      await trx.insertInto('vault_documents').values(document).execute();
      await recordAudit(
        trx,
        { type: 'user', userId: actor.userId, ip },
        {
          action: 'vault.document.added',
          subjectType: 'vault_document',
          subjectId: id,
          organisationId: actor.companyId,
          after: document,
        },
      );
    });
  } catch (error) {
    await rt.blobs.delete(blob.key).catch((cleanupError: unknown) => {
      rt.logger.error({ err: cleanupError, key: blob.key }, 'orphan blob left after a failed vault upload');
    });
    throw error;
  }
  return { id };
}
