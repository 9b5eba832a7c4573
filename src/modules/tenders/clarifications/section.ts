import type { DbOrTrx } from '../../../platform/db/kysely.js';
import type { TenderStatus } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { activeMembership, type Principal } from '../../../platform/http/principal.js';
import type { FormValues } from '../../../web/forms.js';
import { actingCompany, canManageTender } from '../policies.js';
import { listCompanyQuestions, listPublishedAnswers, type OwnQuestion, type PublishedAnswer } from './repo.js';
import type { ClarificationsSectionTender, QuestionFormState } from './views/ClarificationsSection.js';

/** Query parameter set after a question is sent (303 back to the notice page). */
export const sentQuestionParam = 'question-envoyee';

export interface ClarificationsSectionData {
  tender: ClarificationsSectionTender;
  answers: PublishedAnswer[];
  ownQuestions: OwnQuestion[];
  form: QuestionFormState;
}

/**
 * Everything `ClarificationsSection` needs, for a tender the caller already may read (the notice
 * page checks `canReadTender`). Use: `<ClarificationsSection ctx={ctx} {...await
 * loadClarificationsSection(rt.db, tender, req.principal, req.query)} />`.
 */
export async function loadClarificationsSection(
  db: DbOrTrx,
  tender: ClarificationsSectionTender & { id: string; buyerId: string },
  principal: Principal,
  query: unknown = {},
  formState: { errors?: FieldError[]; values?: FormValues; refused?: boolean } = {},
): Promise<ClarificationsSectionData> {
  const answers = await listPublishedAnswers(db, tender.id);
  const company = actingCompany(principal);
  let form: QuestionFormState;
  let ownQuestions: OwnQuestion[] = [];
  if (company) {
    ownQuestions = await listCompanyQuestions(db, tender.id, company.companyId);
    const sent = Number((query as Record<string, unknown> | null)?.[sentQuestionParam]);
    form = {
      kind: 'company',
      ...formState,
      ...(Number.isInteger(sent) && ownQuestions.some((q) => q.number === sent) ? { sentNumber: sent } : {}),
    };
  } else if (principal.kind === 'anonymous') {
    form = { kind: 'anonymous' };
  } else if (activeMembership(principal)?.organisationKind === 'buyer') {
    form = { kind: 'buyer', canManage: canManageTender(principal, tender) };
  } else {
    form = { kind: 'other' };
  }
  return {
    tender: {
      reference: tender.reference,
      status: tender.status as TenderStatus,
      questionsDeadline: tender.questionsDeadline,
      submissionDeadline: tender.submissionDeadline,
    },
    answers,
    ownQuestions,
    form,
  };
}
