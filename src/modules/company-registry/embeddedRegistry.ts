import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompanyRecord, CompanyRegistry } from './domain/registry.js';

const extractPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'data',
  'reference',
  'registry-extract.json',
);

let bySiret: Map<string, CompanyRecord> | undefined;

/** Loaded on first use (a few hundred kilobytes), then kept: it does not change while running. */
function extract(): Map<string, CompanyRecord> {
  bySiret ??= new Map((JSON.parse(fs.readFileSync(extractPath, 'utf8')) as CompanyRecord[]).map((r) => [r.siret, r]));
  return bySiret;
}

/**
 * The default registry: the extract shipped in `data/reference/registry-extract.json` (demo
 * companies and a few newcomers, built by `scripts/build-registry-extract.ts`). Works offline.
 */
export const embeddedRegistry: CompanyRegistry = {
  source: 'embedded',
  async lookup(siret) {
    return extract().get(siret) ?? null;
  },
};
