import { recordAudit } from '../../platform/audit/record.js';
import type { Admissibility, OfferClassification } from '../../platform/db/schema.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { formatParisDateTime } from '../../platform/i18n/paris-time.js';
import type { Runtime } from '../../platform/runtime.js';
import { postMessageInTransaction } from '../messaging/index.js';
import { editableLot, evaluatorTender, lotByNumber } from './context.js';
import { isRegularisation, needsReason } from './domain/classification.js';

export interface BidAssessment {
  submissionId: string;
  admissibility: Admissibility | null;
  admissibilityReason: string;
  /** reply deadline of a completion request (Europe/Paris, already converted) */
  replyBy: Date | null;
  classification: OfferClassification | null;
  classificationReason: string;
}

/**
 * Records, for the bids of one lot, the admissibility of each candidature (complete, to be
 * completed, rejected) and the classification of each offer (regular, irregular, unacceptable,
 * inappropriate). A candidature newly marked "to be completed" (or whose request changed) sends the
 * company a completion request through the secure messaging, with its reply deadline, in the same
 * transaction. Field errors are collected first: nothing is written on bad input.
 */
export async function assessBids(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; lotNumber: number; bids: BidAssessment[]; ip?: string | undefined; now?: Date },
): Promise<{ requestsSent: number }> {
  const now = input.now ?? new Date();
  const errors: FieldError[] = [];
  for (const b of input.bids) {
    if (b.admissibility && needsReason(b.admissibility) && b.admissibilityReason.trim() === '')
      errors.push({ field: `admreason-${b.submissionId}`, message: 'evaluation.error.reason_required' });
    if (b.admissibility === 'to_complete' && (!b.replyBy || b.replyBy.getTime() <= now.getTime()))
      errors.push({ field: `replyby-${b.submissionId}`, message: 'evaluation.error.reply_by' });
    if (b.classification && needsReason(b.classification) && b.classificationReason.trim() === '')
      errors.push({ field: `classreason-${b.submissionId}`, message: 'evaluation.error.reason_required' });
    if (b.admissibilityReason.length > 5000)
      errors.push({ field: `admreason-${b.submissionId}`, message: 'evaluation.error.too_long' });
    if (b.classificationReason.length > 5000)
      errors.push({ field: `classreason-${b.submissionId}`, message: 'evaluation.error.too_long' });
  }
  if (errors.length > 0) throw new AppError('validation', { fields: errors });

  return rt.db.transaction().execute(async (trx) => {
    const tender = await evaluatorTender(trx, principal, input.reference, { forUpdate: true });
    const lot = await lotByNumber(trx, tender.id, input.lotNumber);
    const view = await editableLot(trx, tender, lot);
    const bids = new Map(view.bids.map((b) => [b.submissionId, b]));
    if (input.bids.some((b) => !bids.has(b.submissionId)))
      throw new AppError('validation', { messageKey: 'form.invalid' });
    const changes: unknown[] = [];
    let requestsSent = 0;
    for (const next of input.bids) {
      const before = bids.get(next.submissionId) as (typeof view.bids)[number];
      const admReason = next.admissibility && needsReason(next.admissibility) ? next.admissibilityReason.trim() : null;
      const replyBy = next.admissibility === 'to_complete' ? next.replyBy : null;
      const admChanged =
        next.admissibility !== before.admissibility ||
        (admReason ?? null) !== (before.admissibilityReason ?? null) ||
        (replyBy?.getTime() ?? null) !== (before.replyBy?.getTime() ?? null);
      if (next.admissibility && admChanged) {
        let requestMessageId: string | null = null;
        if (next.admissibility === 'to_complete' && replyBy) {
          const posted = await postMessageInTransaction(rt, trx, {
            tenderId: tender.id,
            companyId: before.companyId,
            from: 'buyer',
            senderUserId: principal.user.id,
            category: 'completion_request',
            subject: `Demande de compléments de candidature — ${tender.reference}`,
            body: [
              'Madame, Monsieur,',
              '',
              `Après examen de votre candidature à la consultation ${tender.reference} « ${tender.title} », nous vous demandons de la compléter (article R2144-2 du code de la commande publique) :`,
              '',
              admReason ?? '',
              '',
              `Merci de transmettre ces éléments par la messagerie sécurisée avant le ${formatParisDateTime(replyBy, 'fr')}.`,
            ].join('\n'),
            replyBy,
          });
          requestMessageId = posted.messageId;
          requestsSent += 1;
        }
        await trx
          .insertInto('candidature_assessments')
          .values({
            submission_id: next.submissionId,
            tender_id: tender.id,
            status: next.admissibility,
            reason: admReason,
            reply_by: replyBy,
            request_message_id: requestMessageId,
            updated_at: now,
            updated_by: principal.user.id,
          })
          .onConflict((oc) =>
            oc.column('submission_id').doUpdateSet({
              status: next.admissibility as Admissibility,
              reason: admReason,
              reply_by: replyBy,
              ...(requestMessageId ? { request_message_id: requestMessageId } : {}),
              updated_at: now,
              updated_by: principal.user.id,
            }),
          )
          .execute();
      }
      const classReason =
        next.classification && needsReason(next.classification) ? next.classificationReason.trim() : null;
      const classChanged =
        next.classification !== before.classification || classReason !== (before.classificationReason ?? null);
      if (classChanged) {
        const regularised = before.regularised || isRegularisation(before.classification, next.classification);
        await trx
          .insertInto('offer_assessments')
          .values({
            lot_id: lot.id,
            submission_id: next.submissionId,
            classification: next.classification,
            classification_reason: classReason,
            regularised,
            updated_at: now,
            updated_by: principal.user.id,
          })
          .onConflict((oc) =>
            oc.columns(['lot_id', 'submission_id']).doUpdateSet({
              classification: next.classification,
              classification_reason: classReason,
              regularised,
              updated_at: now,
              updated_by: principal.user.id,
            }),
          )
          .execute();
      }
      if (admChanged || classChanged) {
        changes.push({
          submissionId: next.submissionId,
          before: { admissibility: before.admissibility, classification: before.classification },
          after: { admissibility: next.admissibility, classification: next.classification },
        });
      }
    }
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'evaluation.bids_assessed',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        after: { lot: lot.number, changes, requestsSent },
      },
    );
    return { requestsSent };
  });
}
