import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { CompanySize, TenderStatus } from '../../platform/db/schema.js';

/** SQL of the ESPD: tender and parties as the documents need them, and the stored answers. */

export interface DumeTender {
  id: string;
  reference: string;
  title: string;
  description: string;
  procedureType: string;
  status: TenderStatus;
  buyerId: string;
  buyer: { name: string; siret: string | null; city: string; email: string };
}

export async function dumeTender(db: DbOrTrx, reference: string): Promise<DumeTender | undefined> {
  if (!/^[\w-]{1,40}$/.test(reference)) return undefined;
  const row = await db
    .selectFrom('tenders as t')
    .innerJoin('organisations as o', 'o.id', 't.buyer_id')
    .select([
      't.id',
      't.reference',
      't.title',
      't.description',
      't.procedure_type',
      't.status',
      't.buyer_id',
      't.contact_email',
      'o.name',
      'o.siret',
      'o.city',
    ])
    .where('t.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    procedureType: row.procedure_type,
    status: row.status,
    buyerId: row.buyer_id,
    buyer: { name: row.name, siret: row.siret, city: row.city ?? '', email: row.contact_email ?? '' },
  };
}

export interface DumeCompany {
  name: string;
  siret: string;
  street: string;
  postalCode: string;
  city: string;
  size: CompanySize | null;
}

export async function dumeCompany(db: DbOrTrx, companyId: string): Promise<DumeCompany | undefined> {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('company_profiles as p', 'p.organisation_id', 'o.id')
    .select(['o.name', 'o.siret', 'o.city', 'o.size', 'p.address', 'p.postal_code'])
    .where('o.id', '=', companyId)
    .where('o.kind', '=', 'company')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    name: row.name,
    siret: row.siret ?? '',
    street: row.address ?? '',
    postalCode: row.postal_code ?? '',
    city: row.city ?? '',
    size: row.size,
  };
}

export async function storedAnswers(
  db: DbOrTrx,
  tenderId: string,
  companyId: string,
): Promise<{ answers: Record<string, boolean>; updatedAt: Date } | undefined> {
  const row = await db
    .selectFrom('dume_responses')
    .select(['answers', 'updated_at'])
    .where('tender_id', '=', tenderId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const answers = typeof row.answers === 'string' ? (JSON.parse(row.answers) as Record<string, boolean>) : row.answers;
  return { answers, updatedAt: row.updated_at };
}
