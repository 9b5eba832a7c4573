import type { FieldError } from '../../../../platform/errors.js';
import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { ErrorSummary, Form, fieldId, TextAreaField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import type { TenderRow } from '../repo.js';
import { StatusChip } from './parts.js';

export interface AbandonProof {
  at: Date;
  byName: string | null;
}

/**
 * Cancel ("sans suite") or declare unsuccessful: a confirmation form; once decided, the same
 * address shows the decision as a printable record.
 */
export function AbandonPage({
  ctx,
  tender,
  buyerName,
  allowed,
  proof,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  tender: TenderRow;
  buyerName: string;
  allowed: boolean;
  proof: AbandonProof | undefined;
  values?: FormValues;
  errors?: FieldError[];
}) {
  const { t, locale } = ctx;
  const manage = `/mon-espace/consultations/${tender.reference}`;
  if (tender.status === 'cancelled' || tender.status === 'unsuccessful') {
    const title = t('publication.abandon.proof.title', { reference: tender.reference });
    return (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <dl class="facts">
          <dt>{t('publication.field.title')}</dt>
          <dd>{tender.title}</dd>
          <dt>{t('publication.notice.buyer')}</dt>
          <dd>{buyerName}</dd>
          <dt>{t('publication.abandon.proof.decision')}</dt>
          <dd>
            <StatusChip ctx={ctx} status={tender.status} />
          </dd>
          <dt>{t('publication.notice.status_reason')}</dt>
          <dd>{tender.status_reason}</dd>
          {proof ? (
            <>
              <dt>{t('publication.abandon.proof.date')}</dt>
              <dd>{formatParisDateTime(proof.at, locale)}</dd>
              {proof.byName ? (
                <>
                  <dt>{t('publication.abandon.proof.by')}</dt>
                  <dd>{proof.byName}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        <p class="muted">{t('publication.abandon.proof.print')}</p>
        <ul class="actions">
          <li>
            <a href={`/consultations/${tender.reference}`}>{t('publication.actions.notice')}</a>
          </li>
          <li>
            <a href={manage}>{t('publication.publish.cancel')}</a>
          </li>
        </ul>
      </Layout>
    );
  }
  const title = t('publication.abandon.title', { reference: tender.reference });
  const choiceErrors = errors.filter((e) => e.field === 'event');
  const choiceId = fieldId('event');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="muted">{tender.title}</p>
      {!allowed ? (
        <>
          <div class="alert alert-error" role="alert">
            {t('publication.abandon.not_allowed')}
          </div>
          <p>
            <a href={manage}>{t('publication.publish.cancel')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('publication.abandon.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`/mon-espace/consultations/${tender.reference}/abandon`}>
            <fieldset
              class={choiceErrors.length ? 'field field-error' : undefined}
              aria-describedby={choiceErrors.length ? `${choiceId}-erreur` : undefined}
            >
              <legend>
                {t('publication.abandon.choice')} <span class="required">({t('form.required')})</span>
              </legend>
              {choiceErrors.length ? (
                <p class="error-message" id={`${choiceId}-erreur`}>
                  {choiceErrors.map((e) => t(e.message as MessageKey)).join(' ')}
                </p>
              ) : null}
              {(['cancel', 'declareUnsuccessful'] as const).map((event, i) => (
                <div class="field field-checkbox" key={event}>
                  <input
                    id={i === 0 ? choiceId : `${choiceId}-${event}`}
                    type="radio"
                    name="event"
                    value={event}
                    checked={values.event === event}
                  />
                  <label for={i === 0 ? choiceId : `${choiceId}-${event}`}>
                    {t(`publication.abandon.choice.${event}`)}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextAreaField
              ctx={ctx}
              name="reason"
              label={t('publication.abandon.reason')}
              value={values.reason}
              errors={errors}
              required
              maxLength={5000}
            />
            <div class="actions">
              <button type="submit" class="button-danger">
                {t('publication.abandon.submit')}
              </button>
              <a href={manage}>{t('publication.publish.cancel')}</a>
            </div>
          </Form>
        </>
      )}
    </Layout>
  );
}
