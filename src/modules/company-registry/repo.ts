import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { CompanySize, RegistrySource } from '../../platform/db/schema.js';

/** SQL of the company profile: the organisation row and its `company_profiles` complement. */

export interface CompanyProfile {
  id: string;
  siret: string;
  name: string;
  naf: string;
  legalCategory: string;
  size: CompanySize | null;
  department: string;
  city: string;
  isEss: boolean;
  isSiae: boolean;
  address: string;
  postalCode: string;
  headOffice: boolean;
  description: string;
  keywords: string;
  cpvCodes: string[];
  source: RegistrySource;
  inDirectory: boolean;
}

export async function companyProfile(db: DbOrTrx, companyId: string): Promise<CompanyProfile | undefined> {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('company_profiles as p', 'p.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.siret',
      'o.name',
      'o.naf',
      'o.legal_category',
      'o.size',
      'o.department',
      'o.city',
      'o.is_ess',
      'o.is_siae',
      'p.address',
      'p.postal_code',
      'p.head_office',
      'p.description',
      'p.keywords',
      'p.cpv_codes',
      'p.source',
      'p.in_directory',
    ])
    .where('o.id', '=', companyId)
    .where('o.kind', '=', 'company')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    siret: row.siret ?? '',
    name: row.name,
    naf: row.naf ?? '',
    legalCategory: row.legal_category ?? '',
    size: row.size,
    department: row.department ?? '',
    city: row.city ?? '',
    isEss: row.is_ess,
    isSiae: row.is_siae,
    address: row.address ?? '',
    postalCode: row.postal_code ?? '',
    headOffice: row.head_office ?? true,
    description: row.description ?? '',
    keywords: row.keywords ?? '',
    cpvCodes: row.cpv_codes ?? [],
    source: row.source ?? 'manual',
    inDirectory: row.in_directory ?? false,
  };
}

export async function companyIdBySiret(db: DbOrTrx, siret: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('siret', '=', siret)
    .where('kind', '=', 'company')
    .executeTakeFirst();
  return row?.id;
}

/** Addresses of a company's administrators, who decide who joins and receive its notices. */
export async function companyAdminEmails(db: DbOrTrx, companyId: string): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name'])
    .where('m.organisation_id', '=', companyId)
    .where('m.role', '=', 'company_admin')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}
