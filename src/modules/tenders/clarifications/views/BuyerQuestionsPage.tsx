import type { FieldError } from '../../../../platform/errors.js';
import { formatDateTime } from '../../../../platform/i18n/translator.js';
import { ErrorSummary, Form, Notice, TextAreaField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import { answerLength } from '../../domain/clarifications.js';
import type { BuyerQuestion, ClarificationTender } from '../repo.js';
import { MultilineText } from './parts.js';

export function answerFieldName(number: number): string {
  return `reponse-${number}`;
}

/** The buyer's list of questions, with who asked them (for the buyer only) and a form per open one. */
export function BuyerQuestionsPage({
  ctx,
  tender,
  questions,
  canAnswer,
  notice,
  failed,
}: {
  ctx: PageContext;
  tender: ClarificationTender;
  questions: BuyerQuestion[];
  canAnswer: boolean;
  notice?: string | undefined;
  /** the answer that was refused, with its errors and the text typed */
  failed?: { number: number; errors: FieldError[]; value: string } | undefined;
}) {
  const { t, locale } = ctx;
  const base = `/mon-espace/consultations/${encodeURIComponent(tender.reference)}`;
  const pending = questions.filter((q) => !q.answeredAt).length;
  return (
    <Layout ctx={ctx} title={`${t('clarifications.buyer.title')} — ${tender.title}`}>
      <p>
        <a href={base}>{t('clarifications.buyer.back')}</a> ·{' '}
        <a href={`${base}/registres`}>{t('clarifications.registers.title')}</a>
      </p>
      <h1>
        {t('clarifications.buyer.title')} <span class="muted">— {tender.reference}</span>
      </h1>
      <p>{tender.title}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {failed ? <ErrorSummary ctx={ctx} errors={failed.errors} /> : null}
      {questions.length === 0 ? (
        <p>{t('clarifications.buyer.none')}</p>
      ) : (
        <>
          <p>{t('clarifications.buyer.summary', { total: questions.length, pending })}</p>
          <p class="muted">{t('clarifications.buyer.private')}</p>
        </>
      )}
      {!canAnswer && pending > 0 ? <Notice kind="info">{t('clarifications.buyer.not_answerable')}</Notice> : null}
      {questions.map((q) => (
        <article key={q.number} id={`question-${q.number}`} class="card">
          <h2>{t('clarifications.answer.question', { number: q.number })}</h2>
          <p class="muted">
            {t('clarifications.buyer.asked_by', {
              date: formatDateTime(q.askedAt, locale),
              person: q.askerName ?? t('clarifications.buyer.unknown'),
              email: q.askerEmail ?? t('clarifications.buyer.unknown'),
              company: q.companySiret
                ? `${q.companyName ?? ''} (SIRET ${q.companySiret})`
                : (q.companyName ?? t('clarifications.buyer.unknown')),
            })}
          </p>
          <MultilineText text={q.question} />
          {q.answeredAt ? (
            <>
              <h3>{t('clarifications.answer.label')}</h3>
              <MultilineText text={q.answer ?? ''} />
              <p class="muted">
                {t('clarifications.buyer.answered', {
                  date: formatDateTime(q.answeredAt, locale),
                  person: q.answeredByName ?? t('clarifications.buyer.unknown'),
                })}{' '}
                {t('clarifications.buyer.locked')}
              </p>
            </>
          ) : canAnswer ? (
            <Form
              ctx={ctx}
              action={`${base}/questions/${q.number}/reponse`}
              label={t('clarifications.buyer.answer.label', { number: q.number })}
            >
              <TextAreaField
                ctx={ctx}
                name={answerFieldName(q.number)}
                label={t('clarifications.buyer.answer.label', { number: q.number })}
                hint={t('clarifications.buyer.answer.hint')}
                value={failed?.number === q.number ? failed.value : undefined}
                errors={failed?.number === q.number ? failed.errors : []}
                required
                maxLength={answerLength.max}
              />
              <div class="actions">
                <button type="submit">{t('clarifications.buyer.answer.submit')}</button>
              </div>
            </Form>
          ) : (
            <p>
              <span class="chip">{t('clarifications.own.pending')}</span>
            </p>
          )}
        </article>
      ))}
    </Layout>
  );
}
