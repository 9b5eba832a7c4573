import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import type { Trx } from '../../platform/db/kysely.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { cleanUploadFileName, uploadContentType } from '../../web/uploads.js';
import { charCount, checkMessageText, type MessageCategory, messageLimits } from './domain/rules.js';
import { messageArrivedMail } from './mails.js';
import { messagingPaths } from './paths.js';
import { sideMembers } from './repo.js';

export type { MessageCategory };

export interface MessageToPost {
  tenderId: string;
  /** the company of the thread: one thread per (tender, company) */
  companyId: string;
  /** the side that writes */
  from: 'buyer' | 'company';
  /** null = written by the platform on behalf of that side (automatic letters) */
  senderUserId: string | null;
  category: MessageCategory;
  /** 1..200 characters */
  subject: string;
  /** plain text, 1..20000 characters */
  body: string;
  /** deadline for an answer (completion requests) */
  replyBy?: Date | null;
  /** small generated files (PDF letters), or files uploaded and already read */
  attachments?: { fileName: string; contentType: string; bytes: Buffer }[];
  /** the request's address, for the audit trail */
  ip?: string | undefined;
}

/** What the caller already stored in the blob store (uploads streamed by the pages). */
export interface StoredAttachment {
  fileName: string;
  contentType: string;
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Posts inside the caller's transaction: the thread is created if needed (one per tender and
 * company, concurrent first messages meet on its unique key), the message, its attachments in the
 * blob store, the delivery receipt of the receiving organisation, the e-mail notice to each of its
 * users through the outbox, the audit event and the `message.posted` domain event.
 * Throws AppError('validation') on bad input before anything is written.
 *
 * Authorization is the caller's: pages check it in policies.ts, evaluation and contracts post
 * letters on behalf of the buyer. The sender, when named, must belong to the writing side.
 *
 * Attachment contents are stored before the rows (the blob store is not transactional): when this
 * function fails they are deleted; when the caller's transaction rolls back later, the contents
 * stay as unreferenced files (no row points to them, nobody can download them).
 */
export async function postMessageInTransaction(
  rt: Runtime,
  trx: Trx,
  message: MessageToPost,
): Promise<{ threadId: string; messageId: string }> {
  const files = message.attachments ?? [];
  const errors = checkPostedMessage(message, files.length);
  const names = files.map((f) => cleanUploadFileName(f.fileName));
  if (names.some((n) => n === null)) errors.push({ field: 'attachments', message: 'messaging.error.file_name' });
  if (files.some((f) => f.bytes.length === 0)) {
    errors.push({ field: 'attachments', message: 'messaging.error.file_empty' });
  }
  if (files.some((f) => f.bytes.length > messageLimits.maxAttachmentBytes)) {
    errors.push({ field: 'attachments', message: 'messaging.error.file_too_large' });
  }
  if (errors.length > 0) throw new AppError('validation', { fields: errors });

  const stored: StoredAttachment[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const blob = await rt.blobs.put(Readable.from([file.bytes]), { maxBytes: messageLimits.maxAttachmentBytes });
      const fileName = names[i] as string;
      stored.push({ fileName, contentType: file.contentType || uploadContentType(fileName), ...blob });
    }
    return await postWithStoredAttachments(rt, trx, message, stored);
  } catch (error) {
    for (const file of stored) {
      await rt.blobs.delete(file.key).catch((cleanupError: unknown) => {
        rt.logger.error({ err: cleanupError, key: file.key }, 'orphan blob left after a failed message');
      });
    }
    throw error;
  }
}

function checkPostedMessage(message: MessageToPost, attachmentCount: number): FieldError[] {
  const errors = checkMessageText(message);
  if (message.replyBy && Number.isNaN(message.replyBy.getTime())) {
    errors.push({ field: 'reply_by', message: 'messaging.error.reply_by' });
  }
  if (attachmentCount > messageLimits.maxAttachments) {
    errors.push({ field: 'attachments', message: 'messaging.error.too_many_files' });
  }
  return errors;
}

/**
 * The rows of a message whose attachments are already durable in the blob store (the pages stream
 * uploads there first). Validates like `postMessageInTransaction`; the caller deletes the stored
 * contents when this throws.
 */
export async function postWithStoredAttachments(
  rt: Runtime,
  trx: Trx,
  message: Omit<MessageToPost, 'attachments'>,
  attachments: StoredAttachment[],
): Promise<{ threadId: string; messageId: string }> {
  const errors = checkPostedMessage(message, attachments.length);
  if (errors.length > 0) throw new AppError('validation', { fields: errors });

  const tender = await trx
    .selectFrom('tenders')
    .innerJoin('organisations as buyer', 'buyer.id', 'tenders.buyer_id')
    .select(['tenders.id', 'tenders.reference', 'tenders.title', 'tenders.buyer_id', 'buyer.name as buyerName'])
    .where('tenders.id', '=', message.tenderId)
    .executeTakeFirst();
  const company = await trx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', message.companyId)
    .where('kind', '=', 'company')
    .executeTakeFirst();
  if (!tender || !company) throw new AppError('not_found');

  const senderOrganisationId = message.from === 'buyer' ? tender.buyer_id : company.id;
  const recipientOrganisationId = message.from === 'buyer' ? company.id : tender.buyer_id;
  if (message.senderUserId) {
    const member = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('user_id', '=', message.senderUserId)
      .where('organisation_id', '=', senderOrganisationId)
      .executeTakeFirst();
    if (!member) throw new AppError('forbidden', { messageKey: 'messaging.error.sender' });
  }

  const thread = await trx
    .insertInto('message_threads')
    .values({ id: uuidv7(), tender_id: tender.id, company_id: company.id })
    .onConflict((oc) => oc.columns(['tender_id', 'company_id']).doUpdateSet({ last_message_at: sql`now()` }))
    .returning(['id'])
    .executeTakeFirstOrThrow();

  const messageId = uuidv7();
  const subject = message.subject.trim();
  const inserted = await trx
    .insertInto('messages')
    .values({
      id: messageId,
      thread_id: thread.id,
      sender_side: message.from,
      sender_user_id: message.senderUserId,
      category: message.category,
      subject,
      body: message.body,
      reply_by: message.replyBy ?? null,
    })
    .returning(['created_at'])
    .executeTakeFirstOrThrow();

  for (const [i, file] of attachments.entries()) {
    const blobId = uuidv7();
    await trx
      .insertInto('blobs')
      .values({
        id: blobId,
        storage_key: file.key,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        content_type: file.contentType,
      })
      .execute();
    await trx
      .insertInto('message_attachments')
      .values({
        id: uuidv7(),
        message_id: messageId,
        blob_id: blobId,
        position: i + 1,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
      })
      .execute();
  }

  // delivered: stored and available to the receiving organisation from this very transaction
  await trx
    .insertInto('message_receipts')
    .values({ message_id: messageId, organisation_id: recipientOrganisationId, delivered_at: inserted.created_at })
    .execute();

  await recordAudit(
    trx,
    message.senderUserId ? { type: 'user', userId: message.senderUserId, ip: message.ip } : { type: 'system' },
    {
      action: 'message.posted',
      subjectType: 'message',
      subjectId: messageId,
      organisationId: senderOrganisationId,
      // the body stays out of the audit trail (operators read it): its size is enough to trace
      after: {
        threadId: thread.id,
        tenderId: tender.id,
        reference: tender.reference,
        companyId: company.id,
        from: message.from,
        category: message.category,
        subject,
        bodyChars: charCount(message.body),
        replyBy: message.replyBy ?? null,
        attachments: attachments.map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
        recipientOrganisationId,
      },
    },
  );
  await recordEvent(trx, 'message.posted', {
    id: messageId,
    threadId: thread.id,
    tenderId: tender.id,
    companyId: company.id,
    from: message.from,
    category: message.category,
    recipientOrganisationId,
  });

  const link =
    message.from === 'buyer'
      ? `${rt.config.publicUrl}${messagingPaths.companyThread(thread.id)}`
      : `${rt.config.publicUrl}${messagingPaths.buyerThread(tender.reference, thread.id)}`;
  const fromName = message.from === 'buyer' ? tender.buyerName : company.name;
  for (const recipient of await sideMembers(
    trx,
    recipientOrganisationId,
    message.from === 'buyer' ? 'company' : 'buyer',
  )) {
    await queueMail(
      trx,
      rt.jobs,
      messageArrivedMail(
        recipient,
        { subject, tenderReference: tender.reference, tenderTitle: tender.title, fromName },
        link,
      ),
    );
  }
  return { threadId: thread.id, messageId };
}
