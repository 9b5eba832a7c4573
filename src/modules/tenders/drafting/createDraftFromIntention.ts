import { recordAudit } from '../../../platform/audit/record.js';
import type { Trx } from '../../../platform/db/kysely.js';
import { nextReference } from '../../../platform/db/references.js';
import type { MainCategory } from '../../../platform/db/schema.js';
import { uuidv7 } from '../../../platform/ids.js';

/** CPV divisions: 45 is works, 50 and above services, the rest goods. */
function categoryOfCpv(cpv: string): MainCategory {
  const division = Number(cpv.slice(0, 2));
  if (division === 45) return 'works';
  return division >= 50 ? 'services' : 'goods';
}

/**
 * Creates a draft tender, with its single lot, inside the caller's transaction: for another
 * module (purchase intentions) that turns its own object into a draft in one step, so the draft and
 * the caller's change commit together. The caller has checked that `userId` acts for `buyerId`.
 */
export async function createDraftInTransaction(
  trx: Trx,
  input: {
    buyerId: string;
    userId: string;
    ip?: string | undefined;
    title: string;
    description: string;
    cpvCodes: string[];
    estimatedValueCents: number | null;
    origin: string;
  },
): Promise<{ id: string; reference: string }> {
  const id = uuidv7();
  const reference = await nextReference(trx, 'tender');
  const tender = {
    id,
    reference,
    buyer_id: input.buyerId,
    title: input.title.slice(0, 300),
    description: input.description,
    procedure_type: 'open' as const,
    main_category: categoryOfCpv(input.cpvCodes[0] ?? '45000000'),
    cpv_codes: input.cpvCodes,
    estimated_value_cents: input.estimatedValueCents,
    created_by: input.userId,
  };
  await trx.insertInto('tenders').values(tender).execute();
  await trx.insertInto('lots').values({ id: uuidv7(), tender_id: id, number: 1, title: tender.title }).execute();
  await recordAudit(
    trx,
    { type: 'user', userId: input.userId, ip: input.ip },
    {
      action: 'tender.draft.created',
      subjectType: 'tender',
      subjectId: id,
      organisationId: input.buyerId,
      after: { ...tender, origin: input.origin },
    },
  );
  return { id, reference };
}
