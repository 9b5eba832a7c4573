import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';

export function ForgotPasswordPage({
  ctx,
  sent = false,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  sent?: boolean;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.forgot.title')}>
      <h1>{t('identity.forgot.title')}</h1>
      {sent ? (
        <Notice kind="success">
          <p>{t('identity.forgot.sent')}</p>
        </Notice>
      ) : (
        <>
          <p>{t('identity.forgot.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action="/mot-de-passe-oublie">
            <TextField
              ctx={ctx}
              name="email"
              type="email"
              label={t('identity.account.email')}
              value={values.email}
              errors={errors}
              required
              autocomplete="email"
              maxLength={254}
            />
            <div class="actions">
              <button type="submit">{t('identity.forgot.submit')}</button>
            </div>
          </Form>
        </>
      )}
      <p>
        <a href="/connexion">{t('identity.forgot.back')}</a>
      </p>
    </Layout>
  );
}
