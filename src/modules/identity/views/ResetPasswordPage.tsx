import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, NewPasswordFields } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

export function ResetPasswordPage({
  ctx,
  action,
  errors = [],
}: {
  ctx: PageContext;
  action: string;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.reset.title')}>
      <h1>{t('identity.reset.title')}</h1>
      <p>{t('identity.reset.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action}>
        <NewPasswordFields
          ctx={ctx}
          errors={errors}
          labels={{ password: 'identity.reset.password', confirmation: 'identity.reset.confirmation' }}
        />
        <div class="actions">
          <button type="submit">{t('identity.reset.submit')}</button>
        </div>
      </Form>
    </Layout>
  );
}
