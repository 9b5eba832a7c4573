import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { CompanySize, PartneringRole, TenderStatus } from '../../platform/db/schema.js';

/** SQL of the partnering exchange. Tenders are read by their public columns only. */

export interface TenderHead {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  buyerName: string;
}

export async function publicTender(db: DbOrTrx, reference: string): Promise<TenderHead | undefined> {
  if (!/^[\w-]{1,40}$/.test(reference)) return undefined;
  const row = await db
    .selectFrom('tenders as t')
    .innerJoin('organisations as o', 'o.id', 't.buyer_id')
    .select(['t.id', 't.reference', 't.title', 't.status', 'o.name as buyer_name'])
    .where('t.reference', '=', reference)
    .where('t.status', '<>', 'draft')
    .executeTakeFirst();
  return row
    ? { id: row.id, reference: row.reference, title: row.title, status: row.status, buyerName: row.buyer_name }
    : undefined;
}

export interface PartneringEntry {
  companyId: string;
  companyName: string;
  city: string;
  department: string;
  size: CompanySize | null;
  role: PartneringRole;
  note: string;
  skills: string;
  updatedAt: Date;
}

export async function entriesOf(db: DbOrTrx, tenderId: string): Promise<PartneringEntry[]> {
  const rows = await db
    .selectFrom('partnering_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.company_id')
    .select([
      'e.company_id',
      'o.name',
      'o.city',
      'o.department',
      'o.size',
      'e.role',
      'e.note',
      'e.skills',
      'e.updated_at',
    ])
    .where('e.tender_id', '=', tenderId)
    .orderBy('e.role')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    companyId: r.company_id,
    companyName: r.name,
    city: r.city ?? '',
    department: r.department ?? '',
    size: r.size,
    role: r.role,
    note: r.note,
    skills: r.skills,
    updatedAt: r.updated_at,
  }));
}

export async function entryCount(db: DbOrTrx, tenderId: string): Promise<number> {
  const row = await db
    .selectFrom('partnering_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tender_id', '=', tenderId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
