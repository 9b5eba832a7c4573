/**
 * Builds `data/reference/registry-extract.json`, the company registry the embedded adapter reads:
 * the demo companies (same deterministic generator as the demo data, so their SIRETs match) and a
 * few companies that are not on the platform yet, so a sign-up from a SIRET finds something.
 * Addresses are invented from the communes' postal codes. Run: `npx tsx scripts/build-registry-extract.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoData } from '../src/demo/generate.js';
import { createPrng } from '../src/demo/prng.js';
import { loadDemoReference } from '../src/demo/reference.js';
import { checkSiren, completeSiret } from '../src/modules/organisations/index.js';

const out = path.resolve('data/reference/registry-extract.json');
const reference = loadDemoReference();
const demo = generateDemoData(reference);
const prng = createPrng(20261128);
const streets = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'boulevard Gambetta',
  'rue des Écoles',
];
const postalCodes = new Map<string, string>();
for (const row of fs.readFileSync('data/reference/demo/communes.csv', 'utf8').split('\n').slice(1)) {
  const cells = row.split(',');
  if (cells[1] && cells[5]) postalCodes.set(`${cells[2]}|${cells[1]}`, cells[5].split(/[ ;|]/)[0] ?? '');
}

function address(department: string, city: string) {
  const postalCode = postalCodes.get(`${department}|${city}`) ?? `${department.padEnd(2, '0')}000`;
  return { address: `${prng.int(1, 120)} ${prng.pick(streets)}`, postalCode };
}

const records = demo.organisations
  .filter((o) => o.kind === 'company' && o.siret)
  .map((o) => ({
    siret: o.siret,
    name: o.name,
    ...address(o.department ?? '75', o.city ?? 'Paris'),
    city: o.city,
    department: o.department,
    naf: o.naf,
    legalCategory: o.legalCategory,
    size: o.size,
    headOffice: true,
    isEss: o.isEss,
    isSiae: o.isSiae,
  }));

// Companies not on the platform: what a newcomer's SIRET finds.
const newcomers = [
  { name: 'Menuiserie Lefèvre SARL', naf: '43.32A', size: 'TPE', department: '93', city: 'Montreuil', legal: '5499' },
  { name: 'Électricité Benali SAS', naf: '43.21A', size: 'PME', department: '94', city: 'Créteil', legal: '5710' },
  { name: 'Peintures Moreau SARL', naf: '43.34Z', size: 'TPE', department: '92', city: 'Nanterre', legal: '5499' },
  { name: 'Nettoyage Horizon SCOP', naf: '81.21Z', size: 'PME', department: '75', city: 'Paris', legal: '5458' },
  {
    name: 'Espaces Verts Garnier SAS',
    naf: '81.30Z',
    size: 'PME',
    department: '78',
    city: 'Versailles',
    legal: '5710',
  },
];
let next = 812_345_670;
for (const n of newcomers) {
  let siren = String(next);
  while (checkSiren(siren) !== null) siren = String(++next);
  next += 10;
  records.push({
    siret: completeSiret(siren),
    name: n.name,
    ...address(n.department, n.city),
    city: n.city,
    department: n.department,
    naf: n.naf,
    legalCategory: n.legal,
    size: n.size as 'TPE',
    headOffice: true,
    isEss: n.name.includes('SCOP'),
    isSiae: false,
  });
}
fs.writeFileSync(out, `${JSON.stringify(records, null, 1)}\n`);
console.log(`${records.length} companies written to ${out}`);
