import type { DbOrTrx } from '../../platform/db/kysely.js';

/** SQL of purchase intentions. */

export interface Intention {
  id: string;
  buyerId: string;
  buyerName: string;
  title: string;
  description: string;
  cpvCode: string;
  estimatedValueCents: number | null;
  expectedOn: string;
  status: 'published' | 'converted';
  tenderReference: string | null;
  createdAt: Date;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function base(db: DbOrTrx) {
  return db
    .selectFrom('purchase_intentions as i')
    .innerJoin('organisations as o', 'o.id', 'i.buyer_id')
    .leftJoin('tenders as t', 't.id', 'i.tender_id')
    .select([
      'i.id',
      'i.buyer_id',
      'o.name as buyer_name',
      'i.title',
      'i.description',
      'i.cpv_code',
      'i.estimated_value_cents',
      'i.expected_on',
      'i.status',
      't.reference as tender_reference',
      'i.created_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toIntention(r: Row): Intention {
  return {
    id: r.id,
    buyerId: r.buyer_id,
    buyerName: r.buyer_name,
    title: r.title,
    description: r.description,
    cpvCode: r.cpv_code,
    estimatedValueCents: r.estimated_value_cents,
    expectedOn: r.expected_on,
    status: r.status,
    tenderReference: r.tender_reference,
    createdAt: r.created_at,
  };
}

export async function intentionById(db: DbOrTrx, id: string): Promise<Intention | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await base(db).where('i.id', '=', id.toLowerCase()).executeTakeFirst();
  return row ? toIntention(row) : undefined;
}

export async function intentionsOfBuyer(db: DbOrTrx, buyerId: string): Promise<Intention[]> {
  const rows = await base(db).where('i.buyer_id', '=', buyerId).orderBy('i.created_at', 'desc').limit(200).execute();
  return rows.map(toIntention);
}

/** What companies see: intentions still open, nearest expected date first. */
export async function openIntentions(db: DbOrTrx): Promise<Intention[]> {
  const rows = await base(db)
    .where('i.status', '=', 'published')
    .orderBy('i.expected_on')
    .orderBy('i.id')
    .limit(200)
    .execute();
  return rows.map(toIntention);
}

export interface Interest {
  companyId: string;
  companyName: string;
  note: string;
  targeted: boolean;
  createdAt: Date;
}

export async function interestsOf(db: DbOrTrx, intentionId: string): Promise<Interest[]> {
  const rows = await db
    .selectFrom('intention_interests as n')
    .innerJoin('organisations as o', 'o.id', 'n.company_id')
    .leftJoin('intention_targets as g', (j) =>
      j.onRef('g.intention_id', '=', 'n.intention_id').onRef('g.company_id', '=', 'n.company_id'),
    )
    .select(['n.company_id', 'o.name', 'n.note', 'n.created_at', 'g.company_id as target'])
    .where('n.intention_id', '=', intentionId)
    .orderBy('n.created_at')
    .execute();
  return rows.map((r) => ({
    companyId: r.company_id,
    companyName: r.name,
    note: r.note,
    targeted: r.target !== null,
    createdAt: r.created_at,
  }));
}

export async function targetsOf(
  db: DbOrTrx,
  intentionId: string,
): Promise<{ companyId: string; companyName: string }[]> {
  const rows = await db
    .selectFrom('intention_targets as g')
    .innerJoin('organisations as o', 'o.id', 'g.company_id')
    .select(['g.company_id', 'o.name'])
    .where('g.intention_id', '=', intentionId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ companyId: r.company_id, companyName: r.name }));
}

export async function hasInterest(db: DbOrTrx, intentionId: string, companyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('intention_interests')
    .select('company_id')
    .where('intention_id', '=', intentionId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row !== undefined;
}
