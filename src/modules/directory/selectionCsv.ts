import { csvBom, csvRow } from '../../platform/export/csv.js';
import type { DirectoryCompany } from './repo.js';

/** A selection as CSV for a spreadsheet (formula injection neutralised by the platform's CSV). */
export function selectionCsv(companies: DirectoryCompany[]): string {
  let out =
    csvBom +
    csvRow([
      'Raison sociale',
      'SIRET',
      'NAF',
      'Taille',
      'Département',
      'Commune',
      'ESS',
      'SIAE',
      'Codes CPV',
      'Certifications',
      'Dans l’annuaire',
    ]);
  for (const c of companies) {
    out += csvRow([
      c.name,
      c.siret,
      c.naf,
      c.size ?? '',
      c.department,
      c.city,
      c.isEss ? 'oui' : 'non',
      c.isSiae ? 'oui' : 'non',
      c.cpvCodes.join(' '),
      c.certifications.join(' ; '),
      c.inDirectory ? 'oui' : 'non',
    ]);
  }
  return out;
}
