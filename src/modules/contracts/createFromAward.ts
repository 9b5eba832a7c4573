import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import type { Trx } from '../../platform/db/kysely.js';
import { type DomainEvent, type EventSubscriber, recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import { initialContractValues, lotAwardedPayload } from './domain/award.js';

/**
 * Makes the contract of an awarded lot, status "awaiting notification", in the transaction that
 * dispatches the `lot.awarded` event. Idempotent: the award decision id is unique, so the same
 * event dispatched twice makes one contract.
 */
export async function createContractFromAward(
  trx: Trx,
  event: DomainEvent,
): Promise<{ created: boolean; id?: string }> {
  const award = lotAwardedPayload.parse(event.payload);
  const v = initialContractValues(award);
  const id = uuidv7();
  const inserted = await trx
    .insertInto('contracts')
    .values({
      id,
      award_id: award.id,
      decp_id: sql<string>`'HA' || to_char(now(), 'YYYY') || lpad(nextval('contract_numbers')::text, 8, '0')`,
      tender_id: award.tenderId,
      lot_id: award.lotId,
      lot_number: award.lotNumber,
      buyer_id: award.buyer.id,
      company_id: award.winner.companyId,
      object: v.object,
      contractors: JSON.stringify(v.contractors),
      grouping_type: v.groupingType,
      amount_cents: v.amountCents !== null && v.amountCents >= 100 ? v.amountCents : null,
      duration_months: v.durationMonths,
      has_options: v.hasOptions,
      options_description: v.optionsDescription,
      cpv_code: v.cpvCode,
      place_code: v.placeCode,
      place_type: v.placeType,
      procedure: v.procedure,
      techniques: JSON.stringify(v.techniques),
      ccag: v.ccag,
      offers_received: v.offersReceived,
      social_considerations: JSON.stringify(v.socialConsiderations),
      environmental_considerations: JSON.stringify(v.environmentalConsiderations),
      insertion_clause: v.insertionClause,
      standstill_ends_at: new Date(award.standstillEndsAt),
      award: JSON.stringify(award),
    })
    .onConflict((oc) => oc.column('award_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { created: false };
  await recordAudit(
    trx,
    { type: 'system' },
    {
      action: 'contract.created',
      subjectType: 'contract',
      subjectId: id,
      organisationId: award.buyer.id,
      after: { awardId: award.id, tenderId: award.tenderId, lotId: award.lotId, companyId: award.winner.companyId },
    },
  );
  await recordEvent(trx, 'contract.created', {
    id,
    awardId: award.id,
    tenderId: award.tenderId,
    lotId: award.lotId,
    buyerId: award.buyer.id,
    companyId: award.winner.companyId,
  });
  return { created: true, id };
}

/** The subscriber the worker registers. */
export const contractsSubscribers: EventSubscriber[] = [
  {
    name: 'contracts.from-award',
    types: ['lot.awarded'],
    handle: async (trx, event) => {
      await createContractFromAward(trx, event);
    },
  },
];
