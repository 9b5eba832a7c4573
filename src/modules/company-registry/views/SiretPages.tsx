import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';

/** First step of a company sign-up: the SIRET alone. */
export function SiretStartPage({
  ctx,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registry.start.title')}>
      <h1>{t('registry.start.title')}</h1>
      <p>{t('registry.start.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/inscription/siret">
        <TextField
          ctx={ctx}
          name="siret"
          label={t('organisations.field.siret')}
          hint={t('organisations.field.siret.hint')}
          value={values.siret}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={20}
        />
        <button type="submit">{t('registry.start.submit')}</button>
      </Form>
      <p>
        <a href="/inscription">{t('registry.start.manual')}</a>
      </p>
    </Layout>
  );
}

/** The SIRET is already registered: ask the company's administrators to be invited. */
export function JoinPage({
  ctx,
  errors = [],
  values = {},
  sent = false,
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
  sent?: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registry.join.title')}>
      <h1>{t('registry.join.title')}</h1>
      {sent ? (
        <Notice kind="success">{t('registry.join.sent')}</Notice>
      ) : (
        <>
          <p>{t('registry.join.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action="/inscription/siret/rejoindre">
            <input type="hidden" name="siret" value={values.siret} />
            <TextField
              ctx={ctx}
              name="person_name"
              label={t('organisations.field.person_name')}
              value={values.person_name}
              errors={errors}
              required
              autocomplete="name"
              maxLength={200}
            />
            <TextField
              ctx={ctx}
              name="email"
              type="email"
              label={t('organisations.field.email')}
              value={values.email}
              errors={errors}
              required
              autocomplete="email"
              maxLength={254}
            />
            <TextAreaField
              ctx={ctx}
              name="message"
              label={t('registry.join.message')}
              value={values.message}
              errors={errors}
              maxLength={1000}
              rows={4}
            />
            <button type="submit">{t('registry.join.submit')}</button>
          </Form>
        </>
      )}
    </Layout>
  );
}
