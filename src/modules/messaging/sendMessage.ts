import type { Readable } from 'node:stream';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { cleanUploadFileName, uploadContentType } from '../../web/uploads.js';
import { checkMessageText, messageLimits } from './domain/rules.js';
import type { MessagingActor } from './policies.js';
import { postWithStoredAttachments, type StoredAttachment } from './postMessage.js';
import { writableCompanies } from './repo.js';

export interface MessageForm {
  subject: string;
  body: string;
  /** the file the person attached, not read yet: streamed into the blob store here */
  upload?: { fileName: string; content: Readable } | undefined;
}

/**
 * A person writes in a thread from the pages (a buyer's agent starts or continues one, a company
 * answers). The actor comes from policies.ts; a buyer may only open a thread with a company that
 * took part in the tender (see `writableCompanies`). Text and file name are checked before a byte
 * is stored; the attachment streams into the blob store under the size limit, then the rows, the
 * receipt, the mails and the audit commit together; a failure deletes the stored content.
 */
export async function sendMessage(
  rt: Runtime,
  actor: MessagingActor,
  target: { tenderId: string; companyId: string },
  form: MessageForm,
  ip?: string,
): Promise<{ threadId: string; messageId: string }> {
  if (actor.side === 'company' && actor.organisationId !== target.companyId) throw new AppError('not_found');
  const errors: FieldError[] = checkMessageText({ category: 'message', subject: form.subject, body: form.body });
  if (actor.side === 'buyer') {
    const allowed = await writableCompanies(rt.db, target.tenderId);
    if (!allowed.some((c) => c.id === target.companyId)) {
      errors.push({ field: 'company', message: 'messaging.error.company' });
    }
  }
  const fileName = form.upload ? cleanUploadFileName(form.upload.fileName) : null;
  if (form.upload && !fileName) errors.push({ field: 'attachments', message: 'messaging.error.file_name' });
  if (errors.length > 0) throw new AppError('validation', { fields: errors });

  const stored: StoredAttachment[] = [];
  if (form.upload && fileName) {
    let blob: Awaited<ReturnType<typeof rt.blobs.put>>;
    try {
      blob = await rt.blobs.put(form.upload.content, { maxBytes: messageLimits.maxAttachmentBytes });
    } catch (error) {
      if (error instanceof AppError && error.code === 'payload_too_large') {
        throw new AppError('payload_too_large', {
          fields: [{ field: 'attachments', message: 'messaging.error.file_too_large' }],
        });
      }
      throw error;
    }
    if (blob.sizeBytes === 0) {
      await rt.blobs.delete(blob.key);
      throw new AppError('validation', { fields: [{ field: 'attachments', message: 'messaging.error.file_empty' }] });
    }
    stored.push({ fileName, contentType: uploadContentType(fileName), ...blob });
  }
  try {
    return await rt.db.transaction().execute((trx) =>
      postWithStoredAttachments(
        rt,
        trx,
        {
          tenderId: target.tenderId,
          companyId: target.companyId,
          from: actor.side,
          senderUserId: actor.userId,
          category: 'message',
          subject: form.subject,
          body: form.body,
          ip,
        },
        stored,
      ),
    );
  } catch (error) {
    for (const file of stored) {
      await rt.blobs.delete(file.key).catch((cleanupError: unknown) => {
        rt.logger.error({ err: cleanupError, key: file.key }, 'orphan blob left after a failed message');
      });
    }
    throw error;
  }
}
