import type { DbOrTrx } from '../../platform/db/kysely.js';
import { csvBom, csvRow } from '../../platform/export/csv.js';

/** The deposits register as CSV (who, when, files, bytes, hashes — never content), safe in a spreadsheet. */
export async function* registerCsv(db: DbOrTrx, tenderId: string): AsyncGenerator<string> {
  yield csvBom;
  yield csvRow([
    'position',
    'entreprise',
    'siret',
    'scelle_le_utc',
    'hors_delai',
    'fichiers',
    'octets',
    'empreinte_entree',
    'empreinte_precedente',
  ]);
  const rows = await registerRows(db, tenderId);
  for (const r of rows) {
    yield csvRow([
      r.position,
      r.companyName,
      r.siret ?? '',
      r.sealedAt,
      r.late ? 'oui' : 'non',
      r.files,
      r.bytes,
      r.entryHash,
      r.previousHash,
    ]);
  }
}

export async function registerRows(db: DbOrTrx, tenderId: string) {
  const rows = await db
    .selectFrom('deposit_register')
    .innerJoin('submissions', 'submissions.id', 'deposit_register.submission_id')
    .innerJoin('organisations', 'organisations.id', 'submissions.company_id')
    .select([
      'deposit_register.position',
      'deposit_register.entry_hash',
      'deposit_register.previous_hash',
      'deposit_register.content',
      'organisations.name',
      'organisations.siret',
    ])
    .where('deposit_register.tender_id', '=', tenderId)
    .orderBy('deposit_register.position')
    .execute();
  return rows.map((r) => {
    const content = r.content as { sealedAt: string; late: boolean; files: { sizeBytes: number }[] };
    return {
      position: r.position,
      companyName: r.name,
      siret: r.siret,
      sealedAt: content.sealedAt,
      late: content.late,
      files: content.files.length,
      bytes: content.files.reduce((sum, f) => sum + f.sizeBytes, 0),
      entryHash: r.entry_hash,
      previousHash: r.previous_hash,
    };
  });
}
