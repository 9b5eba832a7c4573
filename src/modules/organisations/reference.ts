import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * NAF sub-classes and departments, read once when the module loads from `data/reference/`
 * (copied there with their licences, see its README). They are small and never change while
 * the process runs, so they live in memory.
 */
const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'reference');

export interface NafSubclass {
  /** e.g. `43.21A` */
  code: string;
  label: string;
}

export interface Department {
  /** e.g. `75`, `2A`, `971` */
  code: string;
  name: string;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8'));
}

function loadNaf(): NafSubclass[] {
  const rows = readJson('naf.json') as { code: string; label: string }[];
  return rows
    .filter((r) => /^\d{2}\.\d{2}[A-Z]$/.test(r.code))
    .map((r) => ({ code: r.code, label: r.label }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

// The database accepts metropolitan departments and the five overseas departments
// (971–976); other overseas collectivities have no department code there, so they are left out.
const departmentCode = /^(\d{2}|2A|2B|97[1-6])$/;

function loadDepartments(): Department[] {
  const rows = readJson('departements.json') as { code: string; nom: string; zone: string }[];
  return rows
    .filter((r) => departmentCode.test(r.code) && (r.zone === 'metro' || r.zone === 'drom'))
    .map((r) => ({ code: r.code, name: r.nom }));
}

const naf: readonly NafSubclass[] = loadNaf();
const nafByCode = new Map(naf.map((n) => [n.code, n]));
const departments: readonly Department[] = loadDepartments();
const departmentsByCode = new Map(departments.map((d) => [d.code, d]));

export function nafSubclasses(): readonly NafSubclass[] {
  return naf;
}

export function nafLabel(code: string): string | undefined {
  return nafByCode.get(code)?.label;
}

export function isNafCode(code: string): boolean {
  return nafByCode.has(code);
}

export function listDepartments(): readonly Department[] {
  return departments;
}

export function departmentName(code: string): string | undefined {
  return departmentsByCode.get(code)?.name;
}

export function isDepartmentCode(code: string): boolean {
  return departmentsByCode.has(code);
}
