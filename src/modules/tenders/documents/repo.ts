import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { DocumentType, TenderStatus } from '../../../platform/db/schema.js';

/** What the documents pages need of a tender, read before deciding who may see it. */
export interface TenderHead {
  id: string;
  reference: string;
  buyerId: string;
  status: TenderStatus;
  title: string;
  dceVersion: number;
}

export interface DocumentRow {
  id: string;
  tenderId: string;
  fileName: string;
  documentType: DocumentType;
  sizeBytes: number;
  sha256: string;
  addedInVersion: number;
  removedInVersion: number | null;
  createdAt: Date;
  storageKey: string;
  contentType: string;
}

export async function tenderHeadByReference(db: DbOrTrx, reference: string): Promise<TenderHead | undefined> {
  if (!/^\d{4}-\d{1,6}$/.test(reference)) return undefined;
  const row = await db
    .selectFrom('tenders')
    .select(['id', 'reference', 'buyer_id', 'status', 'title', 'dce_version'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row && toHead(row);
}

/** The tender row locked for the command's transaction: its status and DCE version cannot move under us. */
export async function lockTender(trx: DbOrTrx, tenderId: string): Promise<TenderHead> {
  const row = await trx
    .selectFrom('tenders')
    .select(['id', 'reference', 'buyer_id', 'status', 'title', 'dce_version'])
    .where('id', '=', tenderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return toHead(row);
}

function toHead(row: {
  id: string;
  reference: string;
  buyer_id: string;
  status: TenderStatus;
  title: string;
  dce_version: number;
}): TenderHead {
  return {
    id: row.id,
    reference: row.reference,
    buyerId: row.buyer_id,
    status: row.status,
    title: row.title,
    dceVersion: row.dce_version,
  };
}

function documentsQuery(db: DbOrTrx, tenderId: string) {
  return db
    .selectFrom('tender_documents as d')
    .innerJoin('blobs as b', 'b.id', 'd.blob_id')
    .select([
      'd.id',
      'd.tender_id',
      'd.file_name',
      'd.document_type',
      'd.size_bytes',
      'd.sha256',
      'd.added_in_version',
      'd.removed_in_version',
      'd.created_at',
      'b.storage_key',
      'b.content_type',
    ])
    .where('d.tender_id', '=', tenderId);
}

type RawDocument = Awaited<ReturnType<ReturnType<typeof documentsQuery>['execute']>>[number];

const typeOrder: DocumentType[] = ['rc', 'ccap', 'cctp', 'bpu', 'dqe', 'dpgf', 'ae', 'plans', 'other'];
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** In the order a DCE is read: by type (RC first), then by name as a French reader sorts. */
function toDocuments(rows: RawDocument[]): DocumentRow[] {
  return rows
    .map((r) => ({
      id: r.id,
      tenderId: r.tender_id,
      fileName: r.file_name,
      documentType: r.document_type,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256,
      addedInVersion: r.added_in_version,
      removedInVersion: r.removed_in_version,
      createdAt: r.created_at,
      storageKey: r.storage_key,
      contentType: r.content_type,
    }))
    .sort(
      (a, b) =>
        typeOrder.indexOf(a.documentType) - typeOrder.indexOf(b.documentType) ||
        collator.compare(a.fileName, b.fileName),
    );
}

/** The documents of one DCE version: those added at or before it and not removed by then. */
export async function currentDocuments(db: DbOrTrx, tenderId: string, version: number): Promise<DocumentRow[]> {
  const rows = await documentsQuery(db, tenderId)
    .where('d.added_in_version', '<=', version)
    .where((eb) => eb.or([eb('d.removed_in_version', 'is', null), eb('d.removed_in_version', '>', version)]))
    .execute();
  return toDocuments(rows);
}

/** Documents of the current version plus those staged for the next one (the buyer's view). */
export async function currentAndStagedDocuments(
  db: DbOrTrx,
  tenderId: string,
  version: number,
): Promise<DocumentRow[]> {
  const rows = await documentsQuery(db, tenderId)
    .where('d.added_in_version', '<=', version + 1)
    .where((eb) => eb.or([eb('d.removed_in_version', 'is', null), eb('d.removed_in_version', '>', version)]))
    .execute();
  return toDocuments(rows);
}

export async function findDocument(
  db: DbOrTrx,
  tenderId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return undefined;
  const rows = await documentsQuery(db, tenderId).where('d.id', '=', documentId).execute();
  return toDocuments(rows)[0];
}

/** True when the document is part of the given DCE version. */
export function inVersion(document: Pick<DocumentRow, 'addedInVersion' | 'removedInVersion'>, version: number) {
  return (
    document.addedInVersion <= version && (document.removedInVersion === null || document.removedInVersion > version)
  );
}

/**
 * What the next corrigendum would publish about documents of a published tender: documents
 * staged as added (visible from version dce_version + 1) or removed (gone from that version).
 * The publication engineer's corrigendum uses it to say whether it includes documents.
 */
export async function stagedDocumentChanges(
  db: DbOrTrx,
  tenderId: string,
): Promise<{ nextVersion: number; added: DocumentRow[]; removed: DocumentRow[] }> {
  const tender = await db
    .selectFrom('tenders')
    .select('dce_version')
    .where('id', '=', tenderId)
    .executeTakeFirstOrThrow();
  const next = tender.dce_version + 1;
  const rows = toDocuments(
    await documentsQuery(db, tenderId)
      .where((eb) => eb.or([eb('d.added_in_version', '=', next), eb('d.removed_in_version', '=', next)]))
      .execute(),
  );
  return {
    nextVersion: next,
    added: rows.filter((d) => d.addedInVersion === next),
    removed: rows.filter((d) => d.removedInVersion === next),
  };
}
