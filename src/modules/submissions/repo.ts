import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type {
  CommitteeHoldersTable,
  OpeningCommitteesTable,
  SubmissionFilesTable,
  SubmissionsTable,
  TendersTable,
} from '../../platform/db/schema.js';

export type TenderHead = Pick<
  Selectable<TendersTable>,
  | 'id'
  | 'reference'
  | 'title'
  | 'buyer_id'
  | 'status'
  | 'submission_deadline'
  | 'max_file_size_bytes'
  | 'backup_copy_allowed'
>;
export type CommitteeRow = Selectable<OpeningCommitteesTable>;
export type HolderRow = Selectable<CommitteeHoldersTable>;
export type SubmissionRow = Selectable<SubmissionsTable>;
export type SubmissionFileRow = Selectable<SubmissionFilesTable>;

export async function tenderByReference(db: DbOrTrx, reference: string): Promise<TenderHead | undefined> {
  if (reference.length > 40) return undefined;
  return db
    .selectFrom('tenders')
    .select([
      'id',
      'reference',
      'title',
      'buyer_id',
      'status',
      'submission_deadline',
      'max_file_size_bytes',
      'backup_copy_allowed',
    ])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export async function tenderById(db: DbOrTrx, id: string, options: { forUpdate?: boolean } = {}): Promise<TenderHead> {
  let q = db
    .selectFrom('tenders')
    .select([
      'id',
      'reference',
      'title',
      'buyer_id',
      'status',
      'submission_deadline',
      'max_file_size_bytes',
      'backup_copy_allowed',
    ])
    .where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export async function committeeOf(
  db: DbOrTrx,
  tenderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CommitteeRow | undefined> {
  let q = db.selectFrom('opening_committees').selectAll().where('tender_id', '=', tenderId);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function holdersOf(
  db: DbOrTrx,
  tenderId: string,
): Promise<(HolderRow & { name: string; email: string })[]> {
  return db
    .selectFrom('committee_holders')
    .innerJoin('users', 'users.id', 'committee_holders.user_id')
    .selectAll('committee_holders')
    .select(['users.name', 'users.email'])
    .where('committee_holders.tender_id', '=', tenderId)
    .orderBy('committee_holders.position')
    .execute();
}

export async function lotNumbersOf(db: DbOrTrx, tenderId: string): Promise<{ number: number; title: string }[]> {
  return db
    .selectFrom('lots')
    .select(['number', 'title'])
    .where('tender_id', '=', tenderId)
    .orderBy('number')
    .execute();
}

export async function draftOf(
  db: DbOrTrx,
  tenderId: string,
  companyId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SubmissionRow | undefined> {
  let q = db
    .selectFrom('submissions')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .where('company_id', '=', companyId)
    .where('status', '=', 'draft');
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function filesOf(db: DbOrTrx, submissionIds: readonly string[]): Promise<SubmissionFileRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('submission_files')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('kind')
    .orderBy('lot_number')
    .orderBy('created_at')
    .execute();
}

export async function sealedSubmissionsOf(
  db: DbOrTrx,
  tenderId: string,
): Promise<(SubmissionRow & { company_name: string; company_siret: string | null })[]> {
  return db
    .selectFrom('submissions')
    .innerJoin('organisations', 'organisations.id', 'submissions.company_id')
    .selectAll('submissions')
    .select(['organisations.name as company_name', 'organisations.siret as company_siret'])
    .where('submissions.tender_id', '=', tenderId)
    .where('submissions.status', '=', 'sealed')
    .orderBy('submissions.register_position')
    .execute();
}
