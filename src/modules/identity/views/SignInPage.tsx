import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';

export function SignInPage({
  ctx,
  errors = [],
  values = {},
  next,
  notice,
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
  next?: string;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.signin.title')}>
      <h1>{t('identity.signin.title')}</h1>
      {notice ? (
        <div class="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/connexion">
        {next ? <input type="hidden" name="suite" value={next} /> : null}
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('identity.signin.email')}
          value={values.email}
          errors={errors}
          required
          autocomplete="username"
          maxLength={254}
        />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={t('identity.signin.password')}
          errors={errors}
          required
          autocomplete="current-password"
        />
        <div class="actions">
          <button type="submit">{t('identity.signin.submit')}</button>
          <a href="/mot-de-passe-oublie">{t('identity.signin.forgot')}</a>
        </div>
      </Form>
      <p>
        {t('identity.signin.noaccount')} <a href="/inscription">{t('layout.account.signup')}</a>
      </p>
    </Layout>
  );
}
