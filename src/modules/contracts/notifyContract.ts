import { buffer } from 'node:stream/consumers';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { postMessageInTransaction } from '../messaging/index.js';
import { endDate, parisToday } from './domain/dates.js';
import { transition } from './domain/lifecycle.js';
import { notificationLetter } from './notificationLetter.js';
import type { ContractBuyerActor } from './policies.js';
import { assertManages } from './policies.js';
import { draftDecpRecord, publishDecpRecord } from './publishDecp.js';
import { contractById, contractByIdForUpdate } from './repo.js';

/** The signed contract travels with the notification when it is small enough for a message. */
const maxAttachedDocumentBytes = 10 * 1024 * 1024;

/**
 * Notifies the contract to the winner: refused before the end of the standstill period, and
 * refused while the signed document or a mandatory DECP datum is missing (every missing field
 * named, nothing written). In one transaction: status, initial DECP record, the notification
 * message to the winner, audit and the `contract.notified` event.
 */
export async function notifyContract(
  rt: Runtime,
  actor: ContractBuyerActor,
  contractId: string,
  options: { now?: Date; ip?: string } = {},
): Promise<{ decpRecordId: string; messageId: string }> {
  const now = options.now ?? new Date();
  return rt.db.transaction().execute(async (trx) => {
    const contract = await contractByIdForUpdate(trx, contractId);
    assertManages(actor, contract);
    if (!contract) throw new AppError('not_found');
    if (contract.status !== 'awaiting_notification') {
      throw new AppError('conflict', { messageKey: 'contracts.error.already_notified' });
    }
    if (now.getTime() < contract.standstillEndsAt.getTime()) {
      throw new AppError('conflict', {
        messageKey: 'contracts.error.standstill',
        detail: contract.standstillEndsAt.toISOString(),
      });
    }
    const missing: FieldError[] = [];
    if (!contract.documentBlobId) missing.push({ field: 'file', message: 'contracts.error.document_required' });
    const today = parisToday(now);
    const startDate = contract.startDate ?? today;
    const status = transition(contract.status, 'notify');
    await trx
      .updateTable('contracts')
      .set({
        status,
        notified_at: now,
        notification_date: today,
        start_date: startDate,
        ends_on: contract.durationMonths ? endDate(startDate, contract.durationMonths) : contract.endsOn,
        updated_at: now,
      })
      .where('id', '=', contract.id)
      .execute();
    const notified = await contractById(trx, contract.id);
    if (!notified) throw new AppError('not_found');
    // every missing datum at once, the document first; the transaction rolls back
    const draft = await draftDecpRecord(trx, notified, now);
    if (missing.length || draft.errors.length) {
      throw new AppError('validation', {
        messageKey: 'contracts.error.decp_invalid',
        fields: [...missing, ...draft.errors],
      });
    }
    const published = await publishDecpRecord(trx, notified, 'initial', now);
    const document = await trx
      .selectFrom('blobs')
      .select(['storage_key', 'size_bytes', 'content_type'])
      .where('id', '=', notified.documentBlobId ?? '')
      .executeTakeFirst();
    const attachments =
      document && notified.documentFileName && Number(document.size_bytes) <= maxAttachedDocumentBytes
        ? [
            {
              fileName: notified.documentFileName,
              contentType: document.content_type,
              bytes: await buffer(await rt.blobs.get(document.storage_key)),
            },
          ]
        : [];
    const letter = notificationLetter(notified, rt.config.publicUrl);
    const { messageId } = await postMessageInTransaction(rt, trx, {
      tenderId: notified.tenderId,
      companyId: notified.companyId,
      from: 'buyer',
      senderUserId: actor.userId,
      category: 'contract_notification',
      subject: letter.subject,
      body: letter.body,
      attachments,
      ip: options.ip,
    });
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip: options.ip },
      {
        action: 'contract.notified',
        subjectType: 'contract',
        subjectId: contract.id,
        organisationId: contract.buyerId,
        before: { status: contract.status },
        after: { status, notificationDate: today, decpRecordId: published.id, messageId },
      },
    );
    await recordEvent(trx, 'contract.notified', {
      id: contract.id,
      tenderId: contract.tenderId,
      lotId: contract.lotId,
      buyerId: contract.buyerId,
      companyId: contract.companyId,
      notificationDate: today,
    });
    return { decpRecordId: published.id, messageId };
  });
}
