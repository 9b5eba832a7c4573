import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, TextField } from '../../../web/components.js';
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
        <NewPasswordFields ctx={ctx} errors={errors} />
        <div class="actions">
          <button type="submit">{t('identity.reset.submit')}</button>
        </div>
      </Form>
    </Layout>
  );
}

/** The new password typed twice, shared by the reset page and the account page. */
export function NewPasswordFields({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="password"
        type="password"
        label={t('identity.reset.password')}
        hint={t('identity.password.hint')}
        errors={errors}
        required
        autocomplete="new-password"
        maxLength={256}
      />
      <TextField
        ctx={ctx}
        name="passwordConfirmation"
        type="password"
        label={t('identity.reset.confirmation')}
        errors={errors}
        required
        autocomplete="new-password"
        maxLength={256}
      />
    </>
  );
}
