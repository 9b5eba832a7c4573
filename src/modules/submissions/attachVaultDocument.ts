import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { vaultDocumentForSubmission } from '../vault/index.js';
import { addSubmissionFile } from './addSubmissionFile.js';
import { answerableTender } from './saveSubmissionDetails.js';

/**
 * Attaches a document of the company's vault (Kbis, certificates…) to its draft submission in one
 * step: the stored file streams through the same encryption as an upload, so the bid holds its own
 * sealed copy. The vault document is looked up for the company the person acts for — another
 * company's document is a 404 — and an expired one is attached with a warning, as the buyer may
 * still accept it or ask for a newer one.
 */
export async function attachVaultDocument(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; documentId: string; ip?: string | undefined },
): Promise<{ fileId: string; fileName: string; warning: 'vault.warning.expired' | 'vault.warning.expiring' | null }> {
  const { tender, company } = await answerableTender(rt, principal, input.reference);
  const document = await vaultDocumentForSubmission(rt.db, {
    companyId: company.companyId,
    documentId: input.documentId,
    at: tender.submission_deadline ?? new Date(),
  });
  const content = await rt.blobs.get(document.storageKey);
  const added = await addSubmissionFile(rt, principal, {
    reference: input.reference,
    kind: 'candidature',
    lotNumber: null,
    fileName: document.fileName,
    content,
    ip: input.ip,
  });
  return { fileId: added.fileId, fileName: document.fileName, warning: document.warning };
}
