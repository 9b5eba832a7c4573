import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { MessageCategoryValue, Role } from '../../platform/db/schema.js';

const sideRoles: Record<'buyer' | 'company', Role[]> = {
  buyer: ['buyer_agent', 'buyer_admin'],
  company: ['company_member', 'company_admin'],
};

/** The active users of one side's organisation, who are told when a message arrives. */
export async function sideMembers(
  db: DbOrTrx,
  organisationId: string,
  side: 'buyer' | 'company',
): Promise<{ userId: string; email: string; name: string; locale: 'fr' | 'en' }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', sideRoles[side])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, locale: r.locale }));
}

/** The tender behind a buyer's messaging page (the object the policy decides on). */
export async function tenderByReference(
  db: DbOrTrx,
  reference: string,
): Promise<{ id: string; reference: string; title: string; buyerId: string; status: string } | undefined> {
  return db
    .selectFrom('tenders')
    .select(['id', 'reference', 'title', 'buyer_id as buyerId', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export interface ThreadHead {
  id: string;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  buyerId: string;
  buyerName: string;
  companyId: string;
  companyName: string;
  companySiret: string | null;
}

/** One thread with its two organisations (the object the policy decides on). */
export async function threadHead(db: DbOrTrx, threadId: string): Promise<ThreadHead | undefined> {
  return db
    .selectFrom('message_threads as th')
    .innerJoin('tenders', 'tenders.id', 'th.tender_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'tenders.buyer_id')
    .innerJoin('organisations as company', 'company.id', 'th.company_id')
    .select([
      'th.id',
      'tenders.id as tenderId',
      'tenders.reference as tenderReference',
      'tenders.title as tenderTitle',
      'tenders.buyer_id as buyerId',
      'buyer.name as buyerName',
      'company.id as companyId',
      'company.name as companyName',
      'company.siret as companySiret',
    ])
    .where('th.id', '=', threadId)
    .executeTakeFirst();
}

export interface ThreadSummary {
  id: string;
  tenderReference: string;
  tenderTitle: string;
  buyerName: string;
  companyName: string;
  companySiret: string | null;
  lastMessageAt: Date;
  lastSubject: string;
  messageCount: number;
  /** messages delivered to the reader's organisation and not yet opened */
  unread: number;
}

function threadSummaries(db: DbOrTrx, readerOrganisationId: string) {
  return db
    .selectFrom('message_threads as th')
    .innerJoin('tenders', 'tenders.id', 'th.tender_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'tenders.buyer_id')
    .innerJoin('organisations as company', 'company.id', 'th.company_id')
    .select((eb) => [
      'th.id',
      'tenders.reference as tenderReference',
      'tenders.title as tenderTitle',
      'buyer.name as buyerName',
      'company.name as companyName',
      'company.siret as companySiret',
      'th.last_message_at as lastMessageAt',
      eb
        .selectFrom('messages as m')
        .select('m.subject')
        .whereRef('m.thread_id', '=', 'th.id')
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(1)
        .$asScalar()
        .$notNull()
        .as('lastSubject'),
      eb
        .selectFrom('messages as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.thread_id', '=', 'th.id')
        .$asScalar()
        .$notNull()
        .as('messageCount'),
      eb
        .selectFrom('messages as m')
        .innerJoin('message_receipts as r', 'r.message_id', 'm.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.thread_id', '=', 'th.id')
        .where('r.organisation_id', '=', readerOrganisationId)
        .where('r.read_at', 'is', null)
        .$asScalar()
        .$notNull()
        .as('unread'),
    ])
    .orderBy('th.last_message_at', 'desc')
    .orderBy('th.id', 'desc');
}

/** Every thread of a company, newest activity first. */
export async function companyThreads(db: DbOrTrx, companyId: string): Promise<ThreadSummary[]> {
  const rows = await threadSummaries(db, companyId).where('th.company_id', '=', companyId).execute();
  return rows.map(numbers);
}

/** The threads of one tender, for its buyer. */
export async function tenderThreads(db: DbOrTrx, tenderId: string, buyerId: string): Promise<ThreadSummary[]> {
  const rows = await threadSummaries(db, buyerId).where('th.tender_id', '=', tenderId).execute();
  return rows.map(numbers);
}

function numbers<R extends { messageCount: number | string; unread: number | string }>(row: R): R {
  return { ...row, messageCount: Number(row.messageCount), unread: Number(row.unread) };
}

/** Messages delivered to an organisation and not yet opened, over all its threads (optionally one tender). */
export async function unreadCount(db: DbOrTrx, organisationId: string, tenderId?: string): Promise<number> {
  let query = db
    .selectFrom('message_receipts as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.organisation_id', '=', organisationId)
    .where('r.read_at', 'is', null);
  if (tenderId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('messages as m')
          .innerJoin('message_threads as th', 'th.id', 'm.thread_id')
          .select('m.id')
          .whereRef('m.id', '=', 'r.message_id')
          .where('th.tender_id', '=', tenderId),
      ),
    );
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ThreadMessage {
  id: string;
  side: 'buyer' | 'company';
  senderName: string | null;
  category: MessageCategoryValue;
  subject: string;
  body: string;
  replyBy: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
  attachments: { id: string; fileName: string; sizeBytes: number; sha256: string }[];
}

/** The messages of a thread, oldest first, with their attachments and the receiving side's receipt. */
export async function threadMessages(db: DbOrTrx, threadId: string): Promise<ThreadMessage[]> {
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('users', 'users.id', 'm.sender_user_id')
    .leftJoin('message_receipts as r', 'r.message_id', 'm.id')
    .select([
      'm.id',
      'm.sender_side as side',
      'users.name as senderName',
      'm.category',
      'm.subject',
      'm.body',
      'm.reply_by as replyBy',
      'm.created_at as createdAt',
      'r.delivered_at as deliveredAt',
      'r.read_at as readAt',
    ])
    .where('m.thread_id', '=', threadId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const attachments =
    rows.length === 0
      ? []
      : await db
          .selectFrom('message_attachments')
          .select(['id', 'message_id', 'file_name', 'size_bytes', 'sha256'])
          .where(
            'message_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('message_id')
          .orderBy('position')
          .execute();
  return rows.map((r) => ({
    ...r,
    attachments: attachments
      .filter((a) => a.message_id === r.id)
      .map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: a.size_bytes, sha256: a.sha256 })),
  }));
}

/** One attachment of a thread, with where its content lives. */
export async function threadAttachment(
  db: DbOrTrx,
  threadId: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; sizeBytes: number; storageKey: string } | undefined> {
  return db
    .selectFrom('message_attachments as a')
    .innerJoin('messages as m', 'm.id', 'a.message_id')
    .innerJoin('blobs', 'blobs.id', 'a.blob_id')
    .select([
      'a.file_name as fileName',
      'a.content_type as contentType',
      'a.size_bytes as sizeBytes',
      'blobs.storage_key as storageKey',
    ])
    .where('a.id', '=', attachmentId)
    .where('m.thread_id', '=', threadId)
    .executeTakeFirst();
}

export interface WritableCompany {
  id: string;
  name: string;
  siret: string | null;
  retrieved: boolean;
  submitted: boolean;
}

/**
 * The companies a buyer may write to about a tender: those that took part in it, by retrieving the
 * DCE while signed in or by submitting a sealed bid (and those it already has a thread with). Not
 * any company of the platform: messaging about a tender is an exchange of the procedure (requests
 * for completion, letters, clarifications of a bid), not a way to canvass companies, and every
 * company in this list already made itself known to the buyer through the registers.
 */
export async function writableCompanies(db: DbOrTrx, tenderId: string): Promise<WritableCompany[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.siret',
      eb
        .exists(
          eb
            .selectFrom('retrievals')
            .select('retrievals.id')
            .whereRef('retrievals.organisation_id', '=', 'o.id')
            .where('retrievals.tender_id', '=', tenderId),
        )
        .as('retrieved'),
      eb
        .exists(
          eb
            .selectFrom('submissions')
            .select('submissions.id')
            .whereRef('submissions.company_id', '=', 'o.id')
            .where('submissions.tender_id', '=', tenderId)
            .where('submissions.status', '=', 'sealed'),
        )
        .as('submitted'),
    ])
    .where('o.kind', '=', 'company')
    .where((eb) =>
      eb.or([
        eb('o.id', 'in', eb.selectFrom('retrievals').select('organisation_id').where('tender_id', '=', tenderId)),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('submissions')
            .select('company_id')
            .where('tender_id', '=', tenderId)
            .where('status', '=', 'sealed'),
        ),
        eb('o.id', 'in', eb.selectFrom('message_threads').select('company_id').where('tender_id', '=', tenderId)),
      ]),
    )
    .orderBy(sql`o.name COLLATE "und-x-icu"`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    siret: r.siret,
    retrieved: Boolean(r.retrieved),
    submitted: Boolean(r.submitted),
  }));
}

export interface RegisterEntry {
  id: string;
  threadId: string;
  createdAt: Date;
  companyName: string;
  companySiret: string | null;
  side: 'buyer' | 'company';
  senderName: string | null;
  category: MessageCategoryValue;
  subject: string;
  body: string;
  replyBy: Date | null;
  attachments: string[];
  deliveredAt: Date | null;
  readAt: Date | null;
}

/** Every message of a tender, in the order they were sent: the exchanges register. */
export async function tenderRegister(db: DbOrTrx, tenderId: string): Promise<RegisterEntry[]> {
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('message_threads as th', 'th.id', 'm.thread_id')
    .innerJoin('organisations as company', 'company.id', 'th.company_id')
    .leftJoin('users', 'users.id', 'm.sender_user_id')
    .leftJoin('message_receipts as r', 'r.message_id', 'm.id')
    .select((eb) => [
      'm.id',
      'th.id as threadId',
      'm.created_at as createdAt',
      'company.name as companyName',
      'company.siret as companySiret',
      'm.sender_side as side',
      'users.name as senderName',
      'm.category',
      'm.subject',
      'm.body',
      'm.reply_by as replyBy',
      'r.delivered_at as deliveredAt',
      'r.read_at as readAt',
      eb
        .selectFrom('message_attachments as a')
        .select(sql<string[]>`coalesce(array_agg(a.file_name ORDER BY a.position), '{}')`.as('names'))
        .whereRef('a.message_id', '=', 'm.id')
        .$asScalar()
        .$notNull()
        .as('attachments'),
    ])
    .where('th.tender_id', '=', tenderId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows;
}
