import { recordAudit } from '../../../platform/audit/record.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/principal.js';
import { uuidv7 } from '../../../platform/ids.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Runtime } from '../../../platform/runtime.js';
import { questionWindow } from '../domain/clarifications.js';
import { actingCompany, canReadTender } from '../policies.js';
import { questionAskedMail } from './mails.js';
import type { ClarificationTender } from './repo.js';

/** The questions deadline has passed (or the tender is no longer published): nothing was written. */
export class QuestionsClosed extends Error {
  constructor(
    readonly reason: 'deadline_passed' | 'not_published',
    readonly deadline: Date | null,
  ) {
    super(`questions closed: ${reason}`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * A company member asks a question on a published tender, before its questions deadline (server
 * clock, checked again inside the transaction). Questions are numbered per tender: max + 1 in the
 * transaction; two companies asking at the same instant may take the same number, the unique
 * constraint refuses the second, which retries once with the next number.
 */
export async function askQuestion(
  rt: Runtime,
  principal: Principal,
  tender: ClarificationTender,
  input: { question: string; ip?: string | undefined },
  now: () => Date = () => new Date(),
): Promise<{ id: string; number: number }> {
  if (!canReadTender(principal, tender)) throw new AppError('not_found');
  const company = actingCompany(principal);
  if (!company) throw new AppError('forbidden', { messageKey: 'clarifications.error.company_only' });

  const attempt = () =>
    rt.db.transaction().execute(async (trx) => {
      // read the status and deadlines again under a share lock: a corrigendum moving the deadline
      // or a cancellation commits either before or after this question, never in between
      const current = await trx
        .selectFrom('tenders')
        .select(['status', 'questions_deadline', 'submission_deadline'])
        .where('id', '=', tender.id)
        .forShare()
        .executeTakeFirstOrThrow();
      const window = questionWindow(
        {
          status: current.status,
          questionsDeadline: current.questions_deadline,
          submissionDeadline: current.submission_deadline,
        },
        now(),
      );
      if (!window.open) {
        throw new QuestionsClosed(window.reason, window.reason === 'deadline_passed' ? window.deadline : null);
      }
      const last = await trx
        .selectFrom('clarifications')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('tender_id', '=', tender.id)
        .executeTakeFirst();
      const number = Number(last?.n ?? 0) + 1;
      const id = uuidv7();
      await trx
        .insertInto('clarifications')
        .values({
          id,
          tender_id: tender.id,
          number,
          question: input.question,
          asked_by: company.userId,
          company_id: company.companyId,
          asked_at: now(),
        })
        .execute();
      await recordAudit(
        trx,
        { type: 'user', userId: company.userId, ip: input.ip },
        {
          action: 'tender.question_asked',
          subjectType: 'clarification',
          subjectId: id,
          organisationId: company.companyId,
          after: { tenderId: tender.id, reference: tender.reference, number, length: input.question.length },
        },
      );
      if (tender.contactEmail) {
        const link = `${rt.config.publicUrl}/mon-espace/consultations/${tender.reference}/questions#question-${number}`;
        await queueMail(
          trx,
          rt.jobs,
          questionAskedMail(tender.contactEmail, tender, { number, text: input.question }, link),
        );
      }
      return { id, number };
    });

  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
