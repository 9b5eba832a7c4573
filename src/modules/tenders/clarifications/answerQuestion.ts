import { recordAudit } from '../../../platform/audit/record.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import type { Principal } from '../../../platform/http/principal.js';
import type { Locale } from '../../../platform/i18n/translator.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Runtime } from '../../../platform/runtime.js';
import { canAnswerNow } from '../domain/clarifications.js';
import { canManageTender } from '../policies.js';
import { answerPublishedMail } from './mails.js';
import type { ClarificationTender } from './repo.js';
import { identifiedRetrievers } from './retrievers.js';

/**
 * The buyer answers a question: the answer is published at once (notice page) and mailed, in the
 * same transaction, to every identified retriever and to the person who asked. A published answer
 * is final: answering twice is refused (an update guarded by `answered_at IS NULL`, so two agents
 * answering at the same time cannot both publish).
 */
export async function answerQuestion(
  rt: Runtime,
  principal: Principal,
  tender: ClarificationTender,
  input: { number: number; answer: string; ip?: string | undefined },
): Promise<{ mailed: number }> {
  if (!canManageTender(principal, tender) || principal.kind !== 'session') throw new AppError('not_found');
  const userId = principal.user.id;

  return rt.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('tenders')
      .select('status')
      .where('id', '=', tender.id)
      .forShare()
      .executeTakeFirstOrThrow();
    if (!canAnswerNow(current.status)) {
      throw new AppError('conflict', { messageKey: 'clarifications.buyer.not_answerable' });
    }
    const question = await trx
      .selectFrom('clarifications')
      .select(['id', 'number', 'question', 'asked_by', 'answered_at'])
      .where('tender_id', '=', tender.id)
      .where('number', '=', input.number)
      .executeTakeFirst();
    if (!question) throw new AppError('not_found');
    const answeredAt = new Date();
    const updated = await trx
      .updateTable('clarifications')
      .set({ answer: input.answer, answered_by: userId, answered_at: answeredAt })
      .where('id', '=', question.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError('conflict', { messageKey: 'clarifications.answer.already' });
    }
    await recordAudit(
      trx,
      { type: 'user', userId, ip: input.ip },
      {
        action: 'tender.question_answered',
        subjectType: 'clarification',
        subjectId: question.id,
        organisationId: tender.buyerId,
        before: { answer: null },
        after: { tenderId: tender.id, reference: tender.reference, number: question.number, answer: input.answer },
      },
    );

    // other modules (alerts) tell the people who watch the tender
    await recordEvent(trx, 'tender.answered', { id: tender.id, number: question.number });

    const recipients = new Map<string, { email: string; name: string; locale: Locale }>();
    for (const r of await identifiedRetrievers(trx, tender.id)) recipients.set(r.userId, r);
    if (question.asked_by && !recipients.has(question.asked_by)) {
      const asker = await trx
        .selectFrom('users')
        .select(['email', 'name', 'locale'])
        .where('id', '=', question.asked_by)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (asker) recipients.set(question.asked_by, asker);
    }
    const link = `${rt.config.publicUrl}/consultations/${tender.reference}#question-${question.number}`;
    for (const recipient of recipients.values()) {
      await queueMail(
        trx,
        rt.jobs,
        answerPublishedMail(
          recipient,
          tender,
          { number: question.number, question: question.question, answer: input.answer },
          link,
        ),
      );
    }
    return { mailed: recipients.size };
  });
}
