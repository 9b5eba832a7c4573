import { Readable } from 'node:stream';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTender } from '../../../test/support/tenders.js';
import { dispatchPendingEvents, recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { contractsSubscribers } from './createFromAward.js';
import type { LotAwarded } from './domain/award.js';
import type { ContractDataInput } from './forms.js';
import { updateContractData } from './updateContractData.js';
import { uploadSignedDocument } from './uploadSignedDocument.js';

/**
 * Test data of the contracts module: a `lot.awarded` payload built from real factory tenders and
 * organisations (as the evaluation module records it), dispatched to this module's subscriber.
 */
export interface AwardedLot {
  buyer: { id: string; siret: string; name: string };
  company: { id: string; siret: string; name: string };
  agent: { id: string; email: string; password: string };
  tender: { id: string; reference: string; lotIds: string[] };
  payload: LotAwarded;
}

export async function awardedLot(
  rt: Runtime,
  options: {
    buyer?: { id: string; siret: string; name: string };
    standstillEndsAt?: Date;
    offerAmountCents?: number | null;
    consortium?: LotAwarded['winner']['consortium'];
    insertion?: boolean;
  } = {},
): Promise<AwardedLot> {
  const buyer = options.buyer ?? (await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' }));
  const company = await createOrganisation(rt, { kind: 'company', name: 'Bâtiment Durable SAS' });
  const agent = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
  const tender = await createTender(rt, { buyerId: buyer.id, status: 'awarded', cpvCodes: ['45210000'] });
  const lotId = tender.lotIds[0] as string;
  const payload: LotAwarded = {
    id: uuidv7(),
    tenderId: tender.id,
    lotId,
    lotNumber: 1,
    lotTitle: 'Lot unique',
    tender: {
      reference: tender.reference,
      title: 'Travaux de rénovation énergétique du groupe scolaire Jules-Ferry',
      procedureType: 'open',
      mainCategory: 'works',
      cpvCodes: ['45210000'],
      department: '93',
      nutsCode: 'FR106',
      durationMonths: 18,
      hasOptions: false,
      optionsDescription: null,
      socialClauseInsertion: options.insertion ?? true,
      socialClauseOther: false,
      environmentalClause: true,
      environmentalCriterion: false,
      reservedContract: null,
      publishedAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
    },
    buyer: { id: buyer.id, name: buyer.name, siret: buyer.siret },
    winner: { companyId: company.id, name: company.name, siret: company.siret, consortium: options.consortium ?? null },
    offerAmountCents: options.offerAmountCents === undefined ? 125_000_050 : options.offerAmountCents,
    offersReceived: 3,
    decidedAt: new Date(Date.now() - 12 * 86_400_000).toISOString(),
    decidedBy: agent.id,
    standstillEndsAt: (options.standstillEndsAt ?? new Date(Date.now() - 86_400_000)).toISOString(),
  };
  return { buyer, company, agent, tender, payload };
}

/** Records the event as evaluation does, then dispatches it to the contracts subscriber. */
export async function recordAward(rt: Runtime, payload: LotAwarded): Promise<void> {
  await rt.db
    .transaction()
    .execute((trx) => recordEvent(trx, 'lot.awarded', payload as unknown as Record<string, unknown>));
  await dispatchPendingEvents(rt.db, contractsSubscribers);
}

export async function contractOfAward(rt: Runtime, awardId: string): Promise<string> {
  const row = await rt.db
    .selectFrom('contracts')
    .select('id')
    .where('award_id', '=', awardId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every datum the DECP needs, as the buyer's form would send it. */
export function completeData(overrides: Partial<ContractDataInput> = {}): ContractDataInput & { sirets: string[] } {
  return {
    object: 'Rénovation énergétique du groupe scolaire Jules-Ferry',
    amount: 125_000_050,
    start_date: null,
    duration_months: 18,
    nature: 'Marché',
    procedure: "Appel d'offres ouvert",
    cpv_code: '45210000',
    place_code: '93',
    place_type: 'Code département',
    price_types: ['Définitif révisable'],
    price_form: 'Forfaitaire',
    ccag: 'Travaux',
    techniques: ['Sans objet'],
    execution_modes: ['Tranches'],
    framework_agreement_id: null,
    innovative: false,
    offers_received: 3,
    advance_granted: true,
    advance_rate: 0.05,
    grouping_type: 'Pas de groupement',
    subcontracting_declared: false,
    social_considerations: ['Clause sociale'],
    environmental_considerations: ['Clause environnementale'],
    insertion_clause: true,
    has_options: false,
    options_description: null,
    sirets: [],
    ...overrides,
  };
}

/** A contract made from an award, its data complete and its signed document uploaded. */
export async function readyContract(
  rt: Runtime,
  options: Parameters<typeof awardedLot>[1] = {},
): Promise<AwardedLot & { contractId: string }> {
  const lot = await awardedLot(rt, options);
  await recordAward(rt, lot.payload);
  const contractId = await contractOfAward(rt, lot.payload.id);
  const actor = { userId: lot.agent.id, buyerId: lot.buyer.id };
  await updateContractData(rt, actor, contractId, completeData());
  await uploadSignedDocument(rt, actor, contractId, {
    fileName: 'Contrat signé.pdf',
    content: Readable.from([Buffer.from('%PDF-1.7 contrat signé')]),
  });
  return { ...lot, contractId };
}
