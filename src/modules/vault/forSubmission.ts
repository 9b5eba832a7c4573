import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { VaultDocumentType } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { type ExpiryStatus, expiryStatus, parisDate } from './domain/expiry.js';
import { vaultDocument, vaultDocuments } from './repo.js';

/** What a submission needs to attach a vault document, and whether to warn about it. */
export interface AttachableVaultDocument {
  id: string;
  type: VaultDocumentType;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** the blob the submission may point at (the vault keeps a referenced blob when its document is deleted) */
  blobId: string;
  storageKey: string;
  validUntil: string | null;
  status: ExpiryStatus;
  /** catalogue key of the warning to show, or null: an expired document may be attached, with a warning */
  warning: 'vault.warning.expired' | 'vault.warning.expiring' | null;
}

/**
 * For the submissions module: a company's vault document, ready to attach, with its expiry
 * check at `at` (the submission's deadline or now). Another company's document, or a forged id,
 * is a 404 — the caller passes the company it acts for, never one from the request.
 */
export async function vaultDocumentForSubmission(
  db: DbOrTrx,
  input: { companyId: string; documentId: string; at?: Date },
): Promise<AttachableVaultDocument> {
  const document = await vaultDocument(db, input.companyId, input.documentId);
  if (!document) throw new AppError('not_found');
  const status = expiryStatus(document.validUntil, parisDate(input.at ?? new Date()));
  return {
    id: document.id,
    type: document.type,
    title: document.title,
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    blobId: document.blobId,
    storageKey: document.storageKey,
    validUntil: document.validUntil,
    status,
    warning: status === 'expired' ? 'vault.warning.expired' : status === 'expiring' ? 'vault.warning.expiring' : null,
  };
}

/** Every document of the company, ready to attach, each with its expiry check at `at`. */
export async function attachableVaultDocuments(
  db: DbOrTrx,
  companyId: string,
  at = new Date(),
): Promise<AttachableVaultDocument[]> {
  const documents = await vaultDocuments(db, companyId);
  return Promise.all(documents.map((d) => vaultDocumentForSubmission(db, { companyId, documentId: d.id, at })));
}

/** The warning of a validity date alone (for lists of attached documents). */
export function vaultExpiryWarning(validUntil: string | null, at = new Date()): 'vault.warning.expired' | null {
  return expiryStatus(validUntil, parisDate(at)) === 'expired' ? 'vault.warning.expired' : null;
}
