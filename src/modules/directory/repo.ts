import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { CompanySize } from '../../platform/db/schema.js';
import { cpvPrefix, type DirectoryQuery, likePattern } from './domain/query.js';

/** SQL of the directory: companies that opted in, with their valid certifications from the vault. */

export interface DirectoryCompany {
  id: string;
  name: string;
  siret: string;
  naf: string;
  size: CompanySize | null;
  department: string;
  city: string;
  isEss: boolean;
  isSiae: boolean;
  description: string;
  keywords: string;
  cpvCodes: string[];
  certifications: string[];
  inDirectory: boolean;
}

export const maxResults = 100;

function companies(db: DbOrTrx) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('company_profiles as p', 'p.organisation_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.siret',
      'o.naf',
      'o.size',
      'o.department',
      'o.city',
      'o.is_ess',
      'o.is_siae',
      'p.description',
      'p.keywords',
      'p.cpv_codes',
      'p.in_directory',
      eb
        .selectFrom('vault_documents as v')
        .select(sql<string[]>`coalesce(array_agg(v.title ORDER BY v.title), '{}')`.as('titles'))
        .whereRef('v.organisation_id', '=', 'o.id')
        .where('v.document_type', '=', 'certification')
        .where((w) => w.or([w('v.valid_until', 'is', null), w('v.valid_until', '>=', sql<string>`current_date`)]))
        .as('certifications'),
    ])
    .where('o.kind', '=', 'company');
}

type Row = Awaited<ReturnType<ReturnType<typeof companies>['executeTakeFirstOrThrow']>>;

function toCompany(r: Row): DirectoryCompany {
  return {
    id: r.id,
    name: r.name,
    siret: r.siret ?? '',
    naf: r.naf ?? '',
    size: r.size,
    department: r.department ?? '',
    city: r.city ?? '',
    isEss: r.is_ess,
    isSiae: r.is_siae,
    description: r.description,
    keywords: r.keywords,
    cpvCodes: r.cpv_codes,
    certifications: r.certifications ?? [],
    inDirectory: r.in_directory,
  };
}

/** The listed companies matching every given criterion, by name; at most `maxResults`. */
export async function searchCompanies(db: DbOrTrx, query: DirectoryQuery): Promise<DirectoryCompany[]> {
  let q = companies(db).where('p.in_directory', '=', true);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((w) =>
      w.or([w('o.name', 'ilike', pattern), w('p.description', 'ilike', pattern), w('p.keywords', 'ilike', pattern)]),
    );
  }
  if (query.cpv) {
    const prefix = `${cpvPrefix(query.cpv)}%`;
    q = q.where(sql<boolean>`exists (select 1 from unnest(p.cpv_codes) as c(code) where c.code like ${prefix})`);
  }
  if (query.naf) q = q.where('o.naf', 'like', `${query.naf}%`);
  if (query.department) q = q.where('o.department', '=', query.department);
  if (query.size) q = q.where('o.size', '=', query.size as CompanySize);
  if (query.ess) q = q.where('o.is_ess', '=', true);
  if (query.siae) q = q.where('o.is_siae', '=', true);
  if (query.certification) {
    const pattern = likePattern(query.certification);
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('vault_documents as v')
          .select('v.id')
          .whereRef('v.organisation_id', '=', 'o.id')
          .where('v.document_type', '=', 'certification')
          .where('v.title', 'ilike', pattern)
          .where((w) => w.or([w('v.valid_until', 'is', null), w('v.valid_until', '>=', sql<string>`current_date`)])),
      ),
    );
  }
  const rows = await q.orderBy('o.name').orderBy('o.id').limit(maxResults).execute();
  return rows.map(toCompany);
}

/** A company as the directory shows it, listed or not (callers check `inDirectory`). */
export async function directoryCompany(db: DbOrTrx, companyId: string): Promise<DirectoryCompany | undefined> {
  const row = await companies(db).where('o.id', '=', companyId).executeTakeFirst();
  return row ? toCompany(row) : undefined;
}

export interface Selection {
  id: string;
  name: string;
  createdAt: Date;
  size: number;
}

export async function selectionsOf(db: DbOrTrx, buyerId: string): Promise<Selection[]> {
  const rows = await db
    .selectFrom('directory_selections as s')
    .select((eb) => [
      's.id',
      's.name',
      's.created_at',
      eb
        .selectFrom('directory_selection_companies as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.selection_id', '=', 's.id')
        .as('size'),
    ])
    .where('s.buyer_id', '=', buyerId)
    .orderBy('s.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, size: Number(r.size ?? 0) }));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A buyer's own selection and its companies; another buyer's is undefined (a 404). */
export async function selectionOf(
  db: DbOrTrx,
  buyerId: string,
  selectionId: string,
): Promise<{ id: string; name: string; companies: DirectoryCompany[] } | undefined> {
  if (!uuid.test(selectionId)) return undefined;
  const selection = await db
    .selectFrom('directory_selections')
    .select(['id', 'name'])
    .where('id', '=', selectionId.toLowerCase())
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
  if (!selection) return undefined;
  const rows = await companies(db)
    .innerJoin('directory_selection_companies as sc', 'sc.company_id', 'o.id')
    .where('sc.selection_id', '=', selection.id)
    .orderBy('o.name')
    .execute();
  return { ...selection, companies: rows.map(toCompany) };
}
