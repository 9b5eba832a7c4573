import { nextReference } from '../../src/platform/db/references.js';
import type { DocumentType, ProcedureType, TenderStatus } from '../../src/platform/db/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import type { Runtime } from '../../src/platform/runtime.js';

const day = 24 * 3600 * 1000;

/**
 * A tender straight in the database, in any state, with its lots and criteria: for tests that
 * need one without going through the drafting pages.
 */
export async function createTender(
  rt: Runtime,
  values: {
    buyerId: string;
    status?: TenderStatus;
    title?: string;
    procedureType?: ProcedureType;
    lots?: number;
    submissionDeadline?: Date;
    questionsDeadline?: Date;
    cpvCodes?: string[];
  },
): Promise<{ id: string; reference: string; lotIds: string[] }> {
  return rt.db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const reference = await nextReference(trx, 'tender');
    const status = values.status ?? 'draft';
    const deadline = values.submissionDeadline ?? new Date(Date.now() + 40 * day);
    await trx
      .insertInto('tenders')
      .values({
        id,
        reference,
        buyer_id: values.buyerId,
        status,
        title: values.title ?? 'Travaux de rénovation énergétique du groupe scolaire Jules-Ferry',
        description: 'Isolation thermique par l’extérieur, remplacement des menuiseries et de la chaufferie.',
        procedure_type: values.procedureType ?? 'open',
        main_category: 'works',
        cpv_codes: values.cpvCodes ?? ['45000000'],
        estimated_value_cents: 185_000_000,
        department: '93',
        nuts_code: 'FR106',
        duration_months: 18,
        submission_deadline: deadline,
        questions_deadline: values.questionsDeadline ?? new Date(deadline.getTime() - 10 * day),
        contact_name: 'Service de la commande publique',
        contact_email: 'marches@ville.example',
        published_at: status === 'draft' ? null : new Date(),
      })
      .execute();
    const lotIds: string[] = [];
    const lotCount = values.lots ?? 1;
    for (let n = 1; n <= lotCount; n++) {
      const lotId = uuidv7();
      lotIds.push(lotId);
      await trx
        .insertInto('lots')
        .values({
          id: lotId,
          tender_id: id,
          number: n,
          title: lotCount === 1 ? 'Lot unique' : `Lot ${n}`,
          cpv_codes: ['45000000'],
        })
        .execute();
    }
    await trx
      .insertInto('award_criteria')
      .values([
        { id: uuidv7(), tender_id: id, lot_id: null, position: 1, label: 'Prix', kind: 'price', weight_bp: 6000 },
        {
          id: uuidv7(),
          tender_id: id,
          lot_id: null,
          position: 2,
          label: 'Valeur technique',
          kind: 'quality',
          weight_bp: 4000,
        },
      ])
      .execute();
    return { id, reference, lotIds };
  });
}

export type { DocumentType };
