import type { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { cleanUploadFileName, uploadContentType } from '../../web/uploads.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { contractByIdForUpdate, contractOwners } from './repo.js';

/** The largest signed contract file; a mutable object so tests can lower it. */
export const contractLimits = { maxFileBytes: 50 * 1024 * 1024 };

/**
 * Stores the signed contract (uploaded for now) in the blob store, as the vault does: streamed
 * with its SHA-256, durable before the rows; a failed transaction deletes the stored content.
 * Replaces the previous file while the contract awaits notification.
 */
export async function uploadSignedDocument(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  upload: { fileName: string; content: Readable },
  ip?: string,
): Promise<void> {
  assertManages(actor, await contractOwners(rt.db, contractId));
  const fileName = cleanUploadFileName(upload.fileName);
  if (!fileName) throw fieldError('file', 'contracts.error.file_name');
  let blob: Awaited<ReturnType<typeof rt.blobs.put>>;
  try {
    blob = await rt.blobs.put(upload.content, { maxBytes: contractLimits.maxFileBytes });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') {
      throw new AppError('payload_too_large', {
        fields: [{ field: 'file', message: 'contracts.error.file_too_large' }],
      });
    }
    throw error;
  }
  if (blob.sizeBytes === 0) {
    await rt.blobs.delete(blob.key);
    throw fieldError('file', 'contracts.error.file_empty');
  }
  try {
    await rt.db.transaction().execute(async (trx) => {
      const contract = await contractByIdForUpdate(trx, contractId);
      if (!contract) throw new AppError('not_found');
      if (contract.status !== 'awaiting_notification') {
        throw new AppError('conflict', { messageKey: 'contracts.error.already_notified' });
      }
      const blobId = uuidv7();
      await trx
        .insertInto('blobs')
        .values({
          id: blobId,
          storage_key: blob.key,
          size_bytes: blob.sizeBytes,
          sha256: blob.sha256,
          content_type: uploadContentType(fileName),
        })
        .execute();
      await trx
        .updateTable('contracts')
        .set({ document_blob_id: blobId, document_file_name: fileName, updated_at: new Date() })
        .where('id', '=', contract.id)
        .execute();
      await recordAudit(
        trx,
        { type: 'user', userId: actor.userId, ip },
        {
          action: 'contract.document.uploaded',
          subjectType: 'contract',
          subjectId: contract.id,
          organisationId: contract.buyerId,
          before: { blobId: contract.documentBlobId, fileName: contract.documentFileName },
          after: { blobId, fileName, sha256: blob.sha256, sizeBytes: blob.sizeBytes },
        },
      );
    });
  } catch (error) {
    await rt.blobs.delete(blob.key).catch((cleanupError: unknown) => {
      rt.logger.error({ err: cleanupError, key: blob.key }, 'orphan blob left after a failed contract upload');
    });
    throw error;
  }
}

/** Where the signed document is stored, for its download. */
export async function signedDocumentOf(
  rt: Runtime,
  contractId: string,
): Promise<{ storageKey: string; fileName: string; sizeBytes: number; contentType: string } | undefined> {
  const row = await rt.db
    .selectFrom('contracts as c')
    .innerJoin('blobs as b', 'b.id', 'c.document_blob_id')
    .select(['b.storage_key', 'b.size_bytes', 'b.content_type', 'c.document_file_name'])
    .where('c.id', '=', contractId)
    .executeTakeFirst();
  if (!row?.document_file_name) return undefined;
  return {
    storageKey: row.storage_key,
    fileName: row.document_file_name,
    sizeBytes: Number(row.size_bytes),
    contentType: row.content_type ?? 'application/octet-stream',
  };
}
