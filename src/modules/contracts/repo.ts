import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { ContractStatus } from '../../platform/db/schema.js';
import type { DecpMarche, DecpSource } from './domain/decp.js';

/** Reads of the contracts module (writes live in the use cases, inside their transaction). */

export interface Contract {
  id: string;
  awardId: string;
  decpId: string;
  tenderId: string;
  tenderReference: string;
  lotId: string;
  lotNumber: number;
  buyerId: string;
  buyerName: string;
  buyerSiret: string;
  companyId: string;
  companyName: string;
  status: ContractStatus;
  object: string;
  contractors: { name: string; siret: string | null }[];
  groupingType: string;
  amountCents: number | null;
  startDate: string | null;
  durationMonths: number | null;
  endsOn: string | null;
  hasOptions: boolean;
  optionsDescription: string | null;
  cpvCode: string | null;
  placeCode: string | null;
  placeType: string | null;
  procedure: string | null;
  nature: string;
  priceTypes: string[];
  priceForm: string | null;
  techniques: string[];
  executionModes: string[];
  frameworkAgreementId: string | null;
  innovative: boolean;
  ccag: string | null;
  offersReceived: number | null;
  advanceGranted: boolean;
  advanceRate: number | null;
  subcontractingDeclared: boolean;
  socialConsiderations: string[];
  environmentalConsiderations: string[];
  insertionClause: boolean;
  standstillEndsAt: Date;
  documentBlobId: string | null;
  documentFileName: string | null;
  notifiedAt: Date | null;
  notificationDate: string | null;
  createdAt: Date;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function baseQuery(db: DbOrTrx) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('tenders as t', 't.id', 'c.tender_id')
    .innerJoin('organisations as b', 'b.id', 'c.buyer_id')
    .innerJoin('organisations as w', 'w.id', 'c.company_id')
    .selectAll('c')
    .select([
      't.reference as tender_reference',
      'b.name as buyer_name',
      'b.siret as buyer_siret',
      'w.name as company_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toContract(r: Row): Contract {
  return {
    id: r.id,
    awardId: r.award_id,
    decpId: r.decp_id,
    tenderId: r.tender_id,
    tenderReference: r.tender_reference,
    lotId: r.lot_id,
    lotNumber: r.lot_number,
    buyerId: r.buyer_id,
    buyerName: r.buyer_name,
    buyerSiret: r.buyer_siret ?? '',
    companyId: r.company_id,
    companyName: r.company_name,
    status: r.status,
    object: r.object,
    contractors: json(r.contractors),
    groupingType: r.grouping_type,
    amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
    startDate: r.start_date,
    durationMonths: r.duration_months,
    endsOn: r.ends_on,
    hasOptions: r.has_options,
    optionsDescription: r.options_description,
    cpvCode: r.cpv_code,
    placeCode: r.place_code,
    placeType: r.place_type,
    procedure: r.procedure,
    nature: r.nature,
    priceTypes: json(r.price_types),
    priceForm: r.price_form,
    techniques: json(r.techniques),
    executionModes: json(r.execution_modes),
    frameworkAgreementId: r.framework_agreement_id,
    innovative: r.innovative,
    ccag: r.ccag,
    offersReceived: r.offers_received,
    advanceGranted: r.advance_granted,
    advanceRate: r.advance_rate === null ? null : Number(r.advance_rate),
    subcontractingDeclared: r.subcontracting_declared,
    socialConsiderations: json(r.social_considerations),
    environmentalConsiderations: json(r.environmental_considerations),
    insertionClause: r.insertion_clause,
    standstillEndsAt: r.standstill_ends_at,
    documentBlobId: r.document_blob_id,
    documentFileName: r.document_file_name,
    notifiedAt: r.notified_at,
    notificationDate: r.notification_date,
    createdAt: r.created_at,
  };
}

/** Who a contract belongs to, read first so the policy decides before the contract is read. */
export async function contractOwners(
  db: DbOrTrx,
  id: string,
): Promise<{ buyerId: string; companyId: string } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('contracts')
    .select(['buyer_id', 'company_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { buyerId: row.buyer_id, companyId: row.company_id } : undefined;
}

export async function contractById(db: DbOrTrx, id: string): Promise<Contract | undefined> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toContract(row) : undefined;
}

export async function contractByIdForUpdate(db: DbOrTrx, id: string): Promise<Contract | undefined> {
  // lock the row: two commands on one contract run one after the other
  await db.selectFrom('contracts').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return contractById(db, id);
}

export async function contractsOfBuyer(db: DbOrTrx, buyerId: string): Promise<Contract[]> {
  const rows = await baseQuery(db).where('c.buyer_id', '=', buyerId).orderBy('c.created_at', 'desc').execute();
  return rows.map(toContract);
}

export async function contractsOfCompany(db: DbOrTrx, companyId: string): Promise<Contract[]> {
  const rows = await baseQuery(db)
    .where('c.company_id', '=', companyId)
    .where('c.status', '!=', 'awaiting_notification')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map(toContract);
}

export interface Modification {
  id: string;
  number: number;
  object: string;
  newAmountCents: number | null;
  newEndDate: string | null;
  newDurationMonths: number | null;
  notifiedOn: string;
  createdAt: Date;
}

export async function modificationsOf(db: DbOrTrx, contractId: string): Promise<Modification[]> {
  const rows = await db
    .selectFrom('contract_modifications')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    object: r.object,
    newAmountCents: r.new_amount_cents === null ? null : Number(r.new_amount_cents),
    newEndDate: r.new_end_date,
    newDurationMonths: r.new_duration_months,
    notifiedOn: r.notified_on,
    createdAt: r.created_at,
  }));
}

export interface Subcontract {
  id: string;
  number: number;
  siret: string;
  name: string;
  amountCents: number;
  directPayment: boolean;
  durationMonths: number;
  priceVariation: string;
  notifiedOn: string;
  createdAt: Date;
}

export async function subcontractsOf(db: DbOrTrx, contractId: string): Promise<Subcontract[]> {
  const rows = await db
    .selectFrom('contract_subcontracts')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    siret: r.siret,
    name: r.name,
    amountCents: Number(r.amount_cents),
    directPayment: r.direct_payment,
    durationMonths: r.duration_months,
    priceVariation: r.price_variation,
    notifiedOn: r.notified_on,
    createdAt: r.created_at,
  }));
}

export interface InsertionReport {
  period: string;
  hoursPlanned: number;
  hoursDone: number;
}

export async function insertionReportsOf(db: DbOrTrx, contractId: string): Promise<InsertionReport[]> {
  const rows = await db
    .selectFrom('contract_insertion_reports')
    .select(['period', 'hours_planned', 'hours_done'])
    .where('contract_id', '=', contractId)
    .orderBy('period')
    .execute();
  return rows.map((r) => ({ period: r.period, hoursPlanned: r.hours_planned, hoursDone: r.hours_done }));
}

export interface DecpRecord {
  id: string;
  sequence: number;
  kind: 'initial' | 'modification' | 'subcontracting';
  record: DecpMarche;
  publishedAt: Date;
}

export async function decpRecordsOf(db: DbOrTrx, contractId: string): Promise<DecpRecord[]> {
  const rows = await db
    .selectFrom('decp_records')
    .select(['id', 'sequence', 'kind', 'record', 'published_at'])
    .where('contract_id', '=', contractId)
    .orderBy('sequence')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sequence: r.sequence,
    kind: r.kind,
    record: json(r.record),
    publishedAt: r.published_at,
  }));
}

/** Every record published on the platform, in publication order. */
export async function allDecpRecords(db: DbOrTrx): Promise<DecpMarche[]> {
  const rows = await db.selectFrom('decp_records').select('record').orderBy('published_at').orderBy('id').execute();
  return rows.map((r) => json<DecpMarche>(r.record));
}

/** The DECP source of a contract as it stands, with its acts and modifications. */
export async function decpSourceOf(db: DbOrTrx, contract: Contract, publicationDate: string): Promise<DecpSource> {
  const first = await db
    .selectFrom('decp_records')
    .select('record')
    .where('contract_id', '=', contract.id)
    .where('sequence', '=', 0)
    .executeTakeFirst();
  const firstPublication = first ? (json<DecpMarche>(first.record).datePublicationDonnees as string) : publicationDate;
  const published = await db
    .selectFrom('decp_records')
    .select(['kind', 'record', 'published_at'])
    .where('contract_id', '=', contract.id)
    .orderBy('sequence')
    .execute();
  // each act and modification keeps the day it was first published
  const publishedOn = (kind: 'modificationNumber' | 'acteNumber', n: number): string => {
    for (const r of published) {
      const record = json<DecpMarche>(r.record);
      const list =
        kind === 'modificationNumber'
          ? (
              (record.modifications as {
                modification: { id: number; datePublicationDonneesModification: string };
              }[]) ?? []
            ).map((m) => ({ id: m.modification.id, date: m.modification.datePublicationDonneesModification }))
          : (
              (record.actesSousTraitance as { acteSousTraitance: { id: number; datePublicationDonnees: string } }[]) ??
              []
            ).map((a) => ({ id: a.acteSousTraitance.id, date: a.acteSousTraitance.datePublicationDonnees }));
      const found = list.find((x) => x.id === n);
      if (found) return found.date;
    }
    return publicationDate;
  };
  const modifications = await modificationsOf(db, contract.id);
  const subcontracts = await subcontractsOf(db, contract.id);
  // the initial data never changes once published: the first record's values stay
  const initial = first ? json<DecpMarche>(first.record) : null;
  return {
    decpId: contract.decpId,
    buyerSiret: contract.buyerSiret,
    nature: contract.nature,
    object: contract.object,
    cpvCode: contract.cpvCode,
    techniques: contract.techniques,
    executionModes: contract.executionModes,
    frameworkAgreementId: contract.frameworkAgreementId,
    innovative: contract.innovative,
    ccag: contract.ccag,
    offersReceived: contract.offersReceived,
    advanceGranted: contract.advanceGranted,
    advanceRate: contract.advanceRate,
    groupingType: contract.groupingType,
    subcontractingDeclared: contract.subcontractingDeclared,
    procedure: contract.procedure,
    placeCode: contract.placeCode,
    placeType: contract.placeType,
    durationMonths: initial ? (initial.dureeMois as number) : contract.durationMonths,
    notificationDate: contract.notificationDate,
    publicationDate: firstPublication,
    amountCents: initial ? Math.round((initial.montant as number) * 100) : contract.amountCents,
    priceTypes: contract.priceTypes,
    priceForm: contract.priceForm,
    contractors: contract.contractors,
    socialConsiderations: contract.socialConsiderations,
    environmentalConsiderations: contract.environmentalConsiderations,
    subcontracts: subcontracts.map((s) => ({
      number: s.number,
      siret: s.siret,
      durationMonths: s.durationMonths,
      notifiedOn: s.notifiedOn,
      publishedOn: publishedOn('acteNumber', s.number),
      amountCents: s.amountCents,
      priceVariation: s.priceVariation,
    })),
    modifications: modifications.map((m) => ({
      number: m.number,
      notifiedOn: m.notifiedOn,
      publishedOn: publishedOn('modificationNumber', m.number),
      durationMonths: m.newDurationMonths,
      amountCents: m.newAmountCents,
    })),
  };
}

/** Buyer agents and administrators of a buyer, for the end reminders. */
export async function buyerAgentEmails(db: DbOrTrx, buyerId: string): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name'])
    .where('m.organisation_id', '=', buyerId)
    .where('m.role', 'in', ['buyer_agent', 'buyer_admin'])
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}
