import type { TenderStatus } from '../../../../platform/db/schema.js';
import type { FieldError } from '../../../../platform/errors.js';
import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { formatDateTime } from '../../../../platform/i18n/translator.js';
import { ErrorSummary, Form, Notice, TextAreaField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { questionLength, questionWindow } from '../../domain/clarifications.js';
import type { OwnQuestion, PublishedAnswer } from '../repo.js';
import { MultilineText } from './parts.js';

export interface ClarificationsSectionTender {
  reference: string;
  status: TenderStatus;
  questionsDeadline: Date | null;
  submissionDeadline: Date | null;
}

/** Who is looking, and where their question form stands. */
export type QuestionFormState =
  | { kind: 'anonymous' }
  | { kind: 'buyer'; canManage: boolean }
  | { kind: 'other' }
  | {
      kind: 'company';
      errors?: FieldError[];
      values?: FormValues;
      /** number of the question just sent (after the redirect) */
      sentNumber?: number;
      /** the question was refused because the window closed: say it loudly */
      refused?: boolean;
    };

/**
 * Questions and answers of a tender, for its notice page: published answers (the question
 * without the company or person who asked), the acting company's own questions with their status,
 * and the form to ask one while the questions deadline has not passed.
 */
export function ClarificationsSection({
  ctx,
  tender,
  answers,
  ownQuestions = [],
  form,
  now = new Date(),
}: {
  ctx: PageContext;
  tender: ClarificationsSectionTender;
  answers: PublishedAnswer[];
  ownQuestions?: OwnQuestion[];
  form: QuestionFormState;
  now?: Date;
}) {
  const { t, locale } = ctx;
  const window = questionWindow(tender, now);
  const closedText = window.open
    ? null
    : window.reason === 'deadline_passed'
      ? t('clarifications.ask.closed.deadline', { date: formatParisDateTime(window.deadline, locale) })
      : t('clarifications.ask.closed.status');
  const action = `/consultations/${encodeURIComponent(tender.reference)}/questions`;
  const signIn = `/connexion?suite=${encodeURIComponent(`/consultations/${tender.reference}#questions`)}`;

  return (
    <section id="questions" aria-labelledby="questions-titre">
      <h2 id="questions-titre">{t('clarifications.section.title')}</h2>
      <p class="muted">{t('clarifications.section.intro')}</p>
      {answers.length === 0 ? <p>{t('clarifications.section.none')}</p> : null}
      {answers.map((a) => (
        <article key={a.number} id={`question-${a.number}`} class="card">
          <h3>{t('clarifications.answer.question', { number: a.number })}</h3>
          <p class="muted">{t('clarifications.answer.asked', { date: formatDateTime(a.askedAt, locale) })}</p>
          <MultilineText text={a.question} />
          <h4>{t('clarifications.answer.label')}</h4>
          <p class="muted">{t('clarifications.answer.answered', { date: formatDateTime(a.answeredAt, locale) })}</p>
          <MultilineText text={a.answer} />
        </article>
      ))}

      {form.kind === 'company' && ownQuestions.length > 0 ? (
        <>
          <h3>{t('clarifications.own.title')}</h3>
          <div class="table-scroll">
            <table>
              <caption>{t('clarifications.own.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clarifications.own.number')}</th>
                  <th scope="col">{t('clarifications.own.question')}</th>
                  <th scope="col">{t('clarifications.own.asked')}</th>
                  <th scope="col">{t('clarifications.own.status')}</th>
                </tr>
              </thead>
              <tbody>
                {ownQuestions.map((q) => (
                  <tr key={q.number}>
                    <th scope="row">{q.number}</th>
                    <td>
                      <MultilineText text={q.question} />
                    </td>
                    <td>{formatDateTime(q.askedAt, locale)}</td>
                    <td>
                      {q.answeredAt ? (
                        <a href={`#question-${q.number}`} class="chip chip-success">
                          {t('clarifications.own.answered', { date: formatDateTime(q.answeredAt, locale) })}
                        </a>
                      ) : (
                        <span class="chip">{t('clarifications.own.pending')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {form.kind === 'company' && form.sentNumber !== undefined ? (
        <Notice kind="success">{t('clarifications.ask.sent', { number: form.sentNumber })}</Notice>
      ) : null}

      {closedText ? (
        <>
          <Notice kind={form.kind === 'company' && form.refused ? 'error' : 'info'}>{closedText}</Notice>
          {form.kind === 'company' && form.refused && form.values?.question ? (
            <>
              <p>{t('clarifications.ask.not_sent')}</p>
              <blockquote>
                <MultilineText text={form.values.question} />
              </blockquote>
            </>
          ) : null}
        </>
      ) : form.kind === 'anonymous' ? (
        <p>
          <a href={signIn}>{t('clarifications.ask.signin')}</a>
        </p>
      ) : form.kind === 'buyer' ? (
        <p>
          {t('clarifications.ask.buyer')}{' '}
          {form.canManage ? (
            <a href={`/mon-espace/consultations/${encodeURIComponent(tender.reference)}/questions`}>
              {t('clarifications.ask.manage')}
            </a>
          ) : null}
        </p>
      ) : form.kind === 'company' ? (
        <>
          <h3 id="poser-question">{t('clarifications.ask.title')}</h3>
          {window.open && window.deadline ? (
            <p>{t('clarifications.ask.deadline', { date: formatParisDateTime(window.deadline, locale) })}</p>
          ) : null}
          <ErrorSummary ctx={ctx} errors={form.errors ?? []} />
          <Form ctx={ctx} action={action} label={t('clarifications.ask.title')}>
            <TextAreaField
              ctx={ctx}
              name="question"
              label={t('clarifications.ask.label')}
              hint={t('clarifications.ask.hint')}
              value={form.values?.question}
              errors={form.errors ?? []}
              required
              maxLength={questionLength.max}
            />
            <div class="actions">
              <button type="submit">{t('clarifications.ask.submit')}</button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
