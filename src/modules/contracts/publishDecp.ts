import type { Trx } from '../../platform/db/kysely.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { parisToday } from './domain/dates.js';
import { buildMarche, type DecpMarche, decpProblems } from './domain/decp.js';
import { type Contract, decpSourceOf } from './repo.js';

/** The form field where each DECP property is entered, to show the refusal next to it. */
export const decpFieldOf: Record<string, string> = {
  id: '_form',
  acheteur: '_form',
  nature: 'nature',
  objet: 'object',
  codeCPV: 'cpv_code',
  techniques: 'techniques',
  modalitesExecution: 'execution_modes',
  idAccordCadre: 'framework_agreement_id',
  marcheInnovant: 'innovative',
  ccag: 'ccag',
  offresRecues: 'offers_received',
  attributionAvance: 'advance_granted',
  tauxAvance: 'advance_rate',
  typeGroupementOperateurs: 'grouping_type',
  sousTraitanceDeclaree: 'subcontracting_declared',
  procedure: 'procedure',
  lieuExecution: 'place_code',
  dureeMois: 'duration_months',
  dateNotification: '_form',
  datePublicationDonnees: '_form',
  montant: 'amount',
  typesPrix: 'price_types',
  formePrix: 'price_form',
  titulaires: 'siret_0',
  considerationsSociales: 'social_considerations',
  considerationsEnvironnementales: 'environmental_considerations',
};

/** The record the contract would publish now, and what breaks the schema in it. */
export async function draftDecpRecord(
  trx: Trx,
  contract: Contract,
  now: Date,
): Promise<{ record: DecpMarche; errors: FieldError[] }> {
  const record = buildMarche(await decpSourceOf(trx, contract, parisToday(now)));
  const errors = decpProblems(record).map((p) => ({
    field: decpFieldOf[p.property] ?? '_form',
    message: `contracts.decp.missing.${p.property}`,
  }));
  return { record, errors };
}

/**
 * Publishes the contract's essential data as it stands (append-only: a new row each time). A
 * record that breaks the schema is refused before anything is written, with the fields to fix.
 */
export async function publishDecpRecord(
  trx: Trx,
  contract: Contract,
  kind: 'initial' | 'modification' | 'subcontracting',
  now: Date,
): Promise<{ id: string; sequence: number; record: DecpMarche }> {
  const { record, errors } = await draftDecpRecord(trx, contract, now);
  if (errors.length) throw new AppError('validation', { messageKey: 'contracts.error.decp_invalid', fields: errors });
  const last = await trx
    .selectFrom('decp_records')
    .select((eb) => eb.fn.max('sequence').as('max'))
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  const sequence = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const id = uuidv7();
  await trx
    .insertInto('decp_records')
    .values({ id, contract_id: contract.id, sequence, kind, record: JSON.stringify(record), published_at: now })
    .execute();
  return { id, sequence, record };
}
