import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { CompanyActor } from '../company-registry/index.js';
import { vaultDocument } from './repo.js';

/**
 * Deletes a vault document: row and audit in one transaction, then its blob when nothing else
 * uses it. Another company's document is a 404.
 */
export async function deleteVaultDocument(
  rt: Runtime,
  actor: CompanyActor,
  documentId: string,
  ip?: string,
): Promise<{ title: string }> {
  const removed = await rt.db.transaction().execute(async (trx) => {
    const document = await vaultDocument(trx, actor.companyId, documentId);
    if (!document) throw new AppError('not_found');
    await trx.deleteFrom('vault_documents').where('id', '=', document.id).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'vault.document.deleted',
        subjectType: 'vault_document',
        subjectId: document.id,
        organisationId: actor.companyId,
        before: { type: document.type, title: document.title, fileName: document.fileName, sha256: document.sha256 },
      },
    );
    return document;
  });
  // The content goes too unless something else (a submission that attached it) still points at
  // its blob: the foreign key refuses the delete, and the content is kept for that owner.
  const gone = await rt.db
    .deleteFrom('blobs')
    .where('id', '=', removed.blobId)
    .executeTakeFirst()
    .then((r) => Number(r.numDeletedRows) > 0)
    .catch(() => false);
  if (gone) {
    await rt.blobs.delete(removed.storageKey).catch((error: unknown) => {
      rt.logger.error({ err: error, key: removed.storageKey }, 'vault blob content left after delete');
    });
  }
  return { title: removed.title };
}
