import type { LotOutcome } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { formatParisDate } from '../../../platform/i18n/paris-time.js';
import { ErrorSummary, Form, fieldId, Notice, TextAreaField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import { formatEuros, formatPoints } from '../domain/format.js';
import type { Readiness } from '../ranking.js';
import type { LotView, TenderHead } from '../repo.js';
import { LotNav, lotBase, progressLabel, TenderLink } from './parts.js';

const outcomes: LotOutcome[] = ['awarded', 'unsuccessful', 'cancelled'];

export function DecisionPage({
  ctx,
  tender,
  view,
  readiness,
  editable,
  confirm,
  notice,
  errors = [],
  values,
}: {
  ctx: PageContext;
  tender: TenderHead;
  view: LotView;
  readiness: Readiness;
  editable: boolean;
  /** the decision to confirm (second step) */
  confirm?: { outcome: LotOutcome; reason: string; strengths: string } | undefined;
  notice?: string | undefined;
  errors?: FieldError[];
  values?: FormValues | undefined;
}) {
  const { t, locale } = ctx;
  const title = `${t('evaluation.step.decide')} — ${t('evaluation.lot_heading', { number: view.lot.number, title: view.lot.title })}`;
  const action = `${lotBase(tender.reference, view.lot.number)}/decision`;
  const first = readiness.ready ? readiness.ranking.offers[0] : undefined;
  const d = view.decision;
  const winnerName = d?.winner_submission_id
    ? view.bids.find((b) => b.submissionId === d.winner_submission_id)?.companyName
    : undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <TenderLink tender={tender} />
      <h1>{confirm ? t('evaluation.decide.confirm_title') : title}</h1>
      <LotNav ctx={ctx} tender={tender} lot={view.lot} current="decision" />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {d ? (
        <section>
          <h2>{t(`evaluation.decided.${d.outcome}`)}</h2>
          <p>{t('evaluation.decide.decided_at', { date: formatParisDate(d.decided_at, locale) })}</p>
          {winnerName && d.offer_amount_cents !== null && d.winner_total_micro !== null ? (
            <p>
              {t('evaluation.decide.winner', {
                company: winnerName,
                total: formatPoints(d.winner_total_micro / 1e6, locale),
                amount: formatEuros(d.offer_amount_cents, locale),
              })}
            </p>
          ) : null}
          {d.reason ? <p>{d.reason}</p> : null}
          {d.standstill_ends_at ? (
            <p>
              {t('evaluation.decide.standstill', {
                date: formatParisDate(new Date(d.standstill_ends_at.getTime() - 1), locale),
              })}
            </p>
          ) : null}
        </section>
      ) : confirm ? (
        <>
          <p>{t('evaluation.decide.confirm_intro')}</p>
          <dl>
            <dt>{t('evaluation.decide.outcome')}</dt>
            <dd>{t(`evaluation.outcome.${confirm.outcome}`)}</dd>
            {confirm.outcome === 'awarded' && first ? (
              <>
                <dt>{t('evaluation.step.rank')}</dt>
                <dd>
                  {t('evaluation.decide.winner', {
                    company: first.companyName,
                    total: formatPoints(first.total, locale),
                    amount: formatEuros(first.amountCents, locale),
                  })}
                </dd>
                <dt>{t('evaluation.decide.strengths')}</dt>
                <dd>{confirm.strengths}</dd>
              </>
            ) : (
              <>
                <dt>{t('evaluation.decide.reason')}</dt>
                <dd>{confirm.reason}</dd>
              </>
            )}
            <dt>{t('evaluation.col.bids')}</dt>
            <dd>{t('evaluation.decide.letters', { count: view.bids.length })}</dd>
          </dl>
          <Form ctx={ctx} action={action}>
            <input type="hidden" name="outcome" value={confirm.outcome} />
            <input type="hidden" name="reason" value={confirm.reason} />
            <input type="hidden" name="strengths" value={confirm.strengths} />
            <input type="hidden" name="confirmed" value="1" />
            <div class="actions">
              <button type="submit">{t('evaluation.decide.confirm')}</button>
              <a href={action}>{t('evaluation.back')}</a>
            </div>
          </Form>
        </>
      ) : editable ? (
        <>
          <p>{t('evaluation.decide.intro')}</p>
          <p>
            <strong>{progressLabel(ctx, readiness)}</strong>
          </p>
          {first ? (
            <p>
              {t('evaluation.decide.winner', {
                company: first.companyName,
                total: formatPoints(first.total, locale),
                amount: formatEuros(first.amountCents, locale),
              })}
            </p>
          ) : null}
          <Form ctx={ctx} action={action}>
            <fieldset>
              <legend>{t('evaluation.decide.outcome')}</legend>
              {outcomes.map((o) => (
                <div class="field field-checkbox" key={o}>
                  <input
                    type="radio"
                    id={fieldId(`outcome-${o}`)}
                    name="outcome"
                    value={o}
                    checked={(values?.outcome ?? '') === o}
                  />
                  <label for={fieldId(`outcome-${o}`)}>{t(`evaluation.outcome.${o}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextAreaField
              ctx={ctx}
              name="strengths"
              label={t('evaluation.decide.strengths')}
              value={values?.strengths ?? view.setup?.strengths ?? ''}
              errors={errors}
              maxLength={5000}
              rows={5}
            />
            <TextAreaField
              ctx={ctx}
              name="reason"
              label={t('evaluation.decide.reason')}
              value={values?.reason ?? ''}
              errors={errors}
              maxLength={5000}
              rows={3}
            />
            <div class="actions">
              <button type="submit">{t('evaluation.decide.review')}</button>
            </div>
          </Form>
        </>
      ) : (
        <Notice kind="info">{t('evaluation.error.closed')}</Notice>
      )}
    </Layout>
  );
}
