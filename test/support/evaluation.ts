import { uuidv7 } from '../../src/platform/ids.js';
import type { Runtime } from '../../src/platform/runtime.js';
import { createOrganisation, createUser } from './factories.js';
import { createTender } from './tenders.js';

export interface OpenedTender {
  id: string;
  reference: string;
  buyerId: string;
  lotIds: string[];
  /** the counted bids, in register order */
  bids: {
    submissionId: string;
    company: { id: string; name: string; siret: string };
    user: { id: string; email: string; password: string } | null;
    lots: number[];
  }[];
  /** submissions that do not count (a superseded one and a late one), when asked for */
  notCounted: string[];
}

/**
 * A tender in status "opened" with sealed bids, straight in the database (like `createTender`):
 * n companies each with one on-time submission for `lots` (default: every lot), the opening report,
 * and optionally a superseded and a late submission that must not count. The bids' files are not
 * needed by evaluation, so none are stored; submissions tests cover the real deposit and opening.
 */
export async function openedTenderWithBids(
  rt: Runtime,
  options: {
    companies: number;
    lots?: number;
    buyerId?: string;
    bidLots?: (index: number) => number[];
    withNotCounted?: boolean;
    withUsers?: boolean;
  },
): Promise<OpenedTender> {
  const lotCount = options.lots ?? 1;
  const buyerId = options.buyerId ?? (await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bobigny' })).id;
  const deadline = new Date(Date.now() - 3600_000);
  const tender = await createTender(rt, { buyerId, status: 'opened', lots: lotCount, submissionDeadline: deadline });
  await rt.db.updateTable('tenders').set({ closed_at: deadline }).where('id', '=', tender.id).execute();
  const bids: OpenedTender['bids'] = [];
  const notCounted: string[] = [];
  let position = 0;
  const insert = async (companyId: string, lots: number[], sealedAt: Date, late: boolean) => {
    position += 1;
    const id = uuidv7();
    await rt.db
      .insertInto('submissions')
      .values({
        id,
        tender_id: tender.id,
        company_id: companyId,
        status: 'sealed',
        lot_numbers: lots,
        sealed_at: sealedAt,
        late,
        register_position: position,
        receipt: JSON.stringify({ test: true }),
      })
      .execute();
    return id;
  };
  const everyLot = Array.from({ length: lotCount }, (_, i) => i + 1);
  for (let i = 0; i < options.companies; i++) {
    const company = await createOrganisation(rt, {
      kind: 'company',
      name: `Entreprise ${String(i + 1).padStart(3, '0')}`,
    });
    const user =
      options.withUsers === false
        ? null
        : await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const lots = options.bidLots?.(i) ?? everyLot;
    const sealedAt = new Date(deadline.getTime() - (options.companies - i) * 60_000);
    if (options.withNotCounted && i === 0) {
      notCounted.push(await insert(company.id, lots, new Date(sealedAt.getTime() - 30_000), false));
    }
    const submissionId = await insert(company.id, lots, sealedAt, false);
    bids.push({ submissionId, company, user, lots });
  }
  if (options.withNotCounted) {
    const late = await createOrganisation(rt, { kind: 'company', name: 'Entreprise en retard' });
    notCounted.push(await insert(late.id, everyLot, new Date(deadline.getTime() + 60_000), true));
  }
  await rt.db
    .insertInto('opening_reports')
    .values({
      tender_id: tender.id,
      opened_at: new Date(),
      opened_by: null,
      holder_ids: [],
      report: JSON.stringify({ type: 'halle.opening-report.v1', submissions: bids.map((b) => b.submissionId) }),
    })
    .execute();
  return { id: tender.id, reference: tender.reference, buyerId, lotIds: tender.lotIds, bids, notCounted };
}
