import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSiren } from '../modules/organisations/index.js';

/**
 * The small extracts of official reference data the demo is built from, committed in
 * `data/reference/demo/` with their licences and origin (see its README).
 */
const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'reference', 'demo');

export interface Commune {
  inseeCode: string;
  name: string;
  department: string;
  siren: string;
  population: number;
}

export interface Epci {
  siren: string;
  name: string;
  /** CA, CC, CU, METRO */
  type: string;
}

export interface OtherBuyer {
  siren: string;
  name: string;
  legalCategory: string;
  department: string;
  city: string;
}

export interface NafEntry {
  code: string;
  label: string;
}

/** Parses a CSV with a header row; handles quoted fields ("CC Forêts, Seine et Suzon"). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  };
  const [header, ...rows] = lines;
  if (!header) return [];
  const names = split(header);
  return rows.map((row) => {
    const cells = split(row);
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

export interface DemoReference {
  communes: Commune[];
  epcis: Epci[];
  otherBuyers: OtherBuyer[];
  naf: NafEntry[];
}

/** Loads the extracts; any SIREN failing the Luhn check is dropped rather than seeded. */
export function loadDemoReference(dir = demoDir): DemoReference {
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const communes = parseCsv(read('communes.csv'))
    .map((r) => ({
      inseeCode: r.code_insee ?? '',
      name: r.nom ?? '',
      department: r.departement ?? '',
      siren: r.siren ?? '',
      population: Number(r.population ?? 0),
    }))
    .filter((c) => checkSiren(c.siren) === null);
  const epcis = parseCsv(read('epci.csv'))
    .map((r) => ({ siren: r.siren ?? '', name: r.nom ?? '', type: r.type ?? '' }))
    .filter((e) => checkSiren(e.siren) === null);
  const otherBuyers = parseCsv(read('other-buyers.csv'))
    .map((r) => ({
      siren: r.siren ?? '',
      name: r.nom ?? '',
      legalCategory: r.categorie_juridique ?? '',
      department: r.departement ?? '',
      city: r.ville ?? '',
    }))
    .filter((b) => checkSiren(b.siren) === null);
  const naf = JSON.parse(read('naf.json')) as NafEntry[];
  return { communes, epcis, otherBuyers, naf };
}
