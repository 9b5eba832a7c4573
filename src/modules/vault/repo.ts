import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { VaultDocumentType } from '../../platform/db/schema.js';

/** SQL of the vault. Every read names the company: another company's document is not found. */

export interface VaultDocument {
  id: string;
  companyId: string;
  type: VaultDocumentType;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  validUntil: string | null;
  createdAt: Date;
  storageKey: string;
  blobId: string;
}

function base(db: DbOrTrx) {
  return db
    .selectFrom('vault_documents as d')
    .innerJoin('blobs as b', 'b.id', 'd.blob_id')
    .select([
      'd.id',
      'd.organisation_id',
      'd.document_type',
      'd.title',
      'd.file_name',
      'd.content_type',
      'd.size_bytes',
      'd.sha256',
      'd.valid_until',
      'd.created_at',
      'b.storage_key',
      'b.id as blob_id',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toDocument(r: Row): VaultDocument {
  return {
    id: r.id,
    companyId: r.organisation_id,
    type: r.document_type,
    title: r.title,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    validUntil: r.valid_until,
    createdAt: r.created_at,
    storageKey: r.storage_key,
    blobId: r.blob_id,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function vaultDocument(db: DbOrTrx, companyId: string, id: string): Promise<VaultDocument | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await base(db)
    .where('d.id', '=', id.toLowerCase())
    .where('d.organisation_id', '=', companyId)
    .executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

export async function vaultDocuments(db: DbOrTrx, companyId: string): Promise<VaultDocument[]> {
  const rows = await base(db)
    .where('d.organisation_id', '=', companyId)
    .orderBy('d.document_type')
    .orderBy('d.created_at', 'desc')
    .execute();
  return rows.map(toDocument);
}
