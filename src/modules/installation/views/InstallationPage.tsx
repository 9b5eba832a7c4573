import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, NewPasswordFields, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';

export function InstallationPage({
  ctx,
  token,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  token: string;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('installation.title')}>
      <h1>{t('installation.title')}</h1>
      <p>{t('installation.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/installation/${encodeURIComponent(token)}`}>
        <TextField
          ctx={ctx}
          name="name"
          label={t('installation.name')}
          value={values.name}
          errors={errors}
          required
          autocomplete="name"
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('installation.email')}
          value={values.email}
          errors={errors}
          required
          autocomplete="username"
          maxLength={254}
        />
        <NewPasswordFields
          ctx={ctx}
          errors={errors}
          labels={{ password: 'installation.password', confirmation: 'installation.password_confirmation' }}
        />
        <div class="actions">
          <button type="submit">{t('installation.submit')}</button>
        </div>
      </Form>
    </Layout>
  );
}

export function InstallationDonePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('installation.done.title')}>
      <h1>{t('installation.done.title')}</h1>
      <div class="alert alert-success" role="status">
        {t('installation.done.text')}
      </div>
      <p>
        <a href="/connexion">{t('installation.done.signin')}</a>
      </p>
    </Layout>
  );
}
