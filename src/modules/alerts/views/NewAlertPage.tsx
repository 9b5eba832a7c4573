import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';

export interface NewAlertValues {
  recherche: string;
  name: string;
  frequency: string;
}

export function NewAlertPage({
  ctx,
  values,
  errors = [],
  preview,
  keywords,
  unverified,
}: {
  ctx: PageContext;
  values: NewAlertValues;
  errors?: FieldError[];
  preview?: { count: number; lowerBound: boolean } | undefined;
  keywords?: string | undefined;
  unverified: boolean;
}) {
  const { t } = ctx;
  const formErrors = errors.filter((e) => e.field === '_form');
  return (
    <Layout ctx={ctx} title={t('alerts.new.title')}>
      <p>
        <a href="/mon-espace/alertes">{t('alerts.page.title')}</a>
      </p>
      <h1>{t('alerts.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors.filter((e) => e.field !== '_form')} />
      {formErrors.map((e) => (
        <Notice key={e.message} kind="error">
          {t(e.message as MessageKey)}
        </Notice>
      ))}
      {unverified ? <Notice kind="info">{t('alerts.new.unverified')}</Notice> : null}
      {keywords !== undefined ? (
        <p>{keywords ? t('alerts.new.summary', { keywords }) : t('alerts.new.no_keywords')}</p>
      ) : null}
      {preview ? (
        <p role="status">
          <strong>
            {preview.lowerBound
              ? t('alerts.new.preview_many', { count: preview.count })
              : t('alerts.new.preview', { count: preview.count })}
          </strong>
        </p>
      ) : null}
      <Form ctx={ctx} action="/mon-espace/alertes" label={t('alerts.new.title')}>
        <TextField
          ctx={ctx}
          name="recherche"
          label={t('alerts.new.search')}
          hint={t('alerts.new.search.hint')}
          value={values.recherche}
          errors={errors}
          required
          maxLength={4000}
        />
        <TextField
          ctx={ctx}
          name="name"
          label={t('alerts.new.name')}
          hint={t('alerts.new.name.hint')}
          value={values.name}
          errors={errors}
          required
          maxLength={120}
        />
        <SelectField
          ctx={ctx}
          name="frequency"
          label={t('alerts.new.frequency')}
          value={values.frequency}
          errors={errors}
          required
          options={[
            { value: 'immediate', label: t('alerts.frequency.immediate') },
            { value: 'daily', label: t('alerts.frequency.daily') },
          ]}
        />
        <div class="actions">
          <button type="submit">{t('alerts.new.submit')}</button>
        </div>
      </Form>
    </Layout>
  );
}
