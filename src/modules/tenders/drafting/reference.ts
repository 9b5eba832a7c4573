import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDepartments } from '../../organisations/index.js';
import { type CpvEntry, type CpvIndexEntry, type CpvLookup, indexCpv, searchCpv, searchWords } from '../domain/cpv.js';

/**
 * CPV 2008 and French NUTS-3 lists, read once from `data/reference/` (copied there with their
 * licences, see its README) the first time they are needed, then kept in memory: 9,454 short
 * rows never change while the process runs.
 */
const referenceDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'data',
  'reference',
);

/** RFC 4180 CSV (quoted fields, doubled quotes); the files are ours, so no streaming is needed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(referenceDir, file), 'utf8'));
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

interface CpvCatalogue extends CpvLookup {
  entries: readonly CpvEntry[];
  index: readonly CpvIndexEntry[];
}

let cpv: CpvCatalogue | undefined;

/** The CPV list, loaded on first use. */
export function cpvCatalogue(): CpvCatalogue {
  if (!cpv) {
    const entries: CpvEntry[] = readCsv('cpv2008.csv').map((r) => ({
      code: r.code ?? '',
      checkDigit: (r.code_with_check_digit ?? '').slice(-1),
      labelFr: r.label_fr ?? '',
      labelEn: r.label_en ?? '',
    }));
    const byCode = new Map(entries.map((e) => [e.code, e]));
    cpv = { entries, index: indexCpv(entries), get: (code) => byCode.get(code) };
  }
  return cpv;
}

export function searchCpvCodes(query: string, limit = 20): CpvEntry[] {
  return searchCpv(cpvCatalogue().index, query, limit);
}

export function cpvLabel(code: string, locale: 'fr' | 'en'): string | undefined {
  const entry = cpvCatalogue().get(code);
  return entry ? (locale === 'fr' ? entry.labelFr : entry.labelEn) : undefined;
}

export interface NutsRegion {
  /** e.g. `FR106` */
  code: string;
  labelFr: string;
  labelEn: string;
}

let nuts: { list: readonly NutsRegion[]; byCode: Map<string, NutsRegion> } | undefined;

function nutsData() {
  if (!nuts) {
    const list = readCsv('nuts3-fr.csv').map((r) => ({
      code: r.code ?? '',
      labelFr: r.label_fr ?? '',
      labelEn: r.label_en ?? '',
    }));
    nuts = { list, byCode: new Map(list.map((n) => [n.code, n])) };
  }
  return nuts;
}

export function listNuts3(): readonly NutsRegion[] {
  return nutsData().list;
}

export function nutsRegion(code: string): NutsRegion | undefined {
  return nutsData().byCode.get(code);
}

/**
 * The NUTS-3 region of a department, matched by name: in France NUTS-3 regions are the
 * departments (Paris = FR101 = 75), which lets the form fill one from the other.
 */
export function nutsForDepartment(departmentCode: string): string | undefined {
  const department = listDepartments().find((d) => d.code === departmentCode);
  if (!department) return undefined;
  const key = searchWords(department.name).join(' ');
  return nutsData().list.find((n) => searchWords(n.labelFr).join(' ') === key)?.code;
}
