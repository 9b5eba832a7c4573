import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { addModification } from './addModification.js';
import { createContractFromAward } from './createFromAward.js';
import type { LotAwarded } from './domain/award.js';
import type { ContractDataInput } from './forms.js';
import { notifyContract } from './notifyContract.js';
import { updateContractData } from './updateContractData.js';
import { uploadSignedDocument } from './uploadSignedDocument.js';

const day = 86_400_000;

/** A one-page signed-contract stand-in for the demo (a real PDF, so that it opens). */
async function demoContractPdf(title: string, reference: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const line = (text: string, y: number, size = 11) => page.drawText(text, { x: 56, y, size, font });
  line('Acte d’engagement (document de démonstration)'.replace('’', "'"), 780, 14);
  line(`Consultation ${reference}`, 750);
  line(title.slice(0, 90), 730);
  line('Signé électroniquement par les parties. Données fictives de démonstration.', 700);
  return Buffer.from(await pdf.save());
}

/**
 * Demo data: contracts of a buyer's awarded tenders, made the way the platform makes them — the
 * `lot.awarded` event turned into a contract, its data completed, the signed document uploaded and
 * the notification sent after a standstill period that ended in the past — so the demo shows
 * running contracts, their essential data (DECP) and, for the second one, a modification. The
 * first contract is won by `companyIds[0]`. Returns how many contracts were made.
 */
export async function seedDemoContracts(
  rt: Runtime,
  input: { buyerId: string; agentUserId: string; companyIds: readonly string[]; now?: Date; count?: number },
): Promise<number> {
  const now = input.now ?? new Date();
  const buyer = await rt.db
    .selectFrom('organisations')
    .select(['id', 'name', 'siret'])
    .where('id', '=', input.buyerId)
    .executeTakeFirstOrThrow();
  const companies = await rt.db
    .selectFrom('organisations')
    .select(['id', 'name', 'siret'])
    .where('id', 'in', input.companyIds.length > 0 ? [...input.companyIds] : [uuidv7()])
    .execute();
  const winners = input.companyIds
    .map((id) => companies.find((c) => c.id === id))
    .filter((c): c is (typeof companies)[number] => c !== undefined);
  if (winners.length === 0) return 0;
  const tenders = await rt.db
    .selectFrom('tenders')
    .innerJoin('lots', (j) => j.onRef('lots.tender_id', '=', 'tenders.id').on('lots.number', '=', 1))
    .selectAll('tenders')
    .select(['lots.id as lot_id', 'lots.title as lot_title', 'lots.cpv_codes as lot_cpv'])
    .where('tenders.buyer_id', '=', buyer.id)
    .where('tenders.status', '=', 'awarded')
    .orderBy('tenders.reference')
    .limit(input.count ?? 3)
    .execute();
  const actor = { userId: input.agentUserId, buyerId: buyer.id };
  let made = 0;
  for (const [i, t] of tenders.entries()) {
    const winner = winners[i % winners.length] as (typeof winners)[number];
    // decided two months ago (more for the older ones), notified after the 11-day standstill
    const decidedAt = new Date(now.getTime() - (60 + 30 * i) * day);
    const standstillEndsAt = new Date(decidedAt.getTime() + 12 * day);
    const notifiedAt = new Date(standstillEndsAt.getTime() + 2 * day);
    const cpvCodes = t.lot_cpv.length > 0 ? t.lot_cpv : t.cpv_codes;
    const amountCents = 4_500_000 + 1_750_000 * i;
    const award: LotAwarded = {
      id: uuidv7(decidedAt.getTime()),
      tenderId: t.id,
      lotId: t.lot_id,
      lotNumber: 1,
      lotTitle: t.lot_title,
      tender: {
        reference: t.reference,
        title: t.title,
        procedureType: t.procedure_type,
        mainCategory: t.main_category,
        cpvCodes,
        department: t.department,
        nutsCode: t.nuts_code,
        durationMonths: t.duration_months,
        hasOptions: t.has_options,
        optionsDescription: t.options_description,
        socialClauseInsertion: t.social_clause_insertion,
        socialClauseOther: t.social_clause_other,
        environmentalClause: t.environmental_clause,
        environmentalCriterion: t.environmental_criterion,
        reservedContract: t.reserved_contract,
        publishedAt: t.published_at ? t.published_at.toISOString() : null,
      },
      buyer: { id: buyer.id, name: buyer.name, siret: buyer.siret ?? '' },
      winner: { companyId: winner.id, name: winner.name, siret: winner.siret ?? '', consortium: null },
      offerAmountCents: amountCents,
      offersReceived: 3 + i,
      decidedAt: decidedAt.toISOString(),
      decidedBy: input.agentUserId,
      standstillEndsAt: standstillEndsAt.toISOString(),
    };
    const created = await rt.db.transaction().execute((trx) =>
      createContractFromAward(trx, {
        id: uuidv7(),
        type: 'lot.awarded',
        aggregateId: award.id,
        payload: award,
        occurredAt: decidedAt,
      }),
    );
    if (!created.id) continue;
    const data: ContractDataInput & { sirets: string[] } = {
      object: t.title,
      amount: amountCents,
      start_date: null,
      duration_months: t.duration_months ?? 24,
      nature: 'Marché',
      procedure: t.procedure_type === 'adapted' ? 'Procédure adaptée' : "Appel d'offres ouvert",
      cpv_code: (cpvCodes[0] ?? '45000000-7').slice(0, 8),
      place_code: t.department ?? '75',
      place_type: 'Code département',
      price_types: ['Définitif ferme'],
      price_form: 'Unitaire',
      ccag:
        t.main_category === 'works'
          ? 'Travaux'
          : t.main_category === 'goods'
            ? 'Fournitures courantes et services'
            : 'Fournitures courantes et services',
      techniques: ['Sans objet'],
      execution_modes: ['Sans objet'],
      framework_agreement_id: null,
      innovative: false,
      offers_received: 3 + i,
      advance_granted: false,
      advance_rate: 0,
      grouping_type: 'Pas de groupement',
      subcontracting_declared: false,
      social_considerations: t.social_clause_insertion ? ['Clause sociale'] : ['Pas de considération sociale'],
      environmental_considerations: t.environmental_clause
        ? ['Clause environnementale']
        : ['Pas de considération environnementale'],
      insertion_clause: t.social_clause_insertion,
      has_options: t.has_options,
      options_description: t.options_description,
      sirets: [],
    };
    await updateContractData(rt, actor, created.id, data);
    await uploadSignedDocument(rt, actor, created.id, {
      fileName: `Acte d'engagement ${t.reference}.pdf`,
      content: Readable.from([await demoContractPdf(t.title, t.reference)]),
    });
    await notifyContract(rt, actor, created.id, { now: notifiedAt });
    if (i === 1) {
      await addModification(
        rt,
        actor,
        created.id,
        {
          modification_object: 'Travaux supplémentaires : reprise des réseaux découverts en cours de chantier.',
          new_amount: amountCents + 380_000,
          new_end_date: null,
          modification_notified_on: new Date(notifiedAt.getTime() + 20 * day).toISOString().slice(0, 10),
        },
        { now: new Date(notifiedAt.getTime() + 20 * day) },
      );
    }
    made++;
  }
  return made;
}
