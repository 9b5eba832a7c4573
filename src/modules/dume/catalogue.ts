import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EspdCriterion, tenderCriteria } from './domain/criteria.js';

/** `data/reference/espd/`: the official ESPD-EDM 2.1.1 examples and the UBL 2.3 schemas (EUPL-1.2). */
export const espdDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'data',
  'reference',
  'espd',
);

let criteria: EspdCriterion[] | undefined;

/** The criteria a tender's ESPD asks, read once from the official Basic request example. */
export function espdCriteria(): EspdCriterion[] {
  criteria ??= tenderCriteria(fs.readFileSync(path.join(espdDir, 'BASIC-ESPDRequest-2.1.1.xml'), 'utf8'));
  return criteria;
}
