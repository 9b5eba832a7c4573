import type { OrganisationKind } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, NewPasswordFields, Notice, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';

export type InvitationMode = 'accept' | 'other_email' | 'signin' | 'create';

export interface InvitationSummary {
  email: string;
  role: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

export function InvitationPage({
  ctx,
  token,
  invitation,
  mode,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  token: string;
  invitation: InvitationSummary;
  mode: InvitationMode;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  const action = `/invitation/${token}`;
  const title = t('organisations.invitation.title', { organisation: invitation.organisationName });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {t('organisations.invitation.intro', {
          organisation: invitation.organisationName,
          kind: t(`organisations.kind.${invitation.organisationKind}`),
          role: t(`organisations.role.${invitation.role}` as MessageKey),
        })}
      </p>
      <p>{t('organisations.invitation.for', { email: invitation.email })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {mode === 'accept' ? (
        <Form ctx={ctx} action={action}>
          <div class="actions">
            <button type="submit">{t('organisations.invitation.accept')}</button>
          </div>
        </Form>
      ) : null}
      {mode === 'other_email' ? <Notice kind="error">{t('organisations.invitation.other_email')}</Notice> : null}
      {mode === 'signin' ? (
        <>
          <p>{t('organisations.invitation.signin')}</p>
          <p>
            <a class="button" href={`/connexion?suite=${encodeURIComponent(action)}`}>
              {t('organisations.invitation.signin.link')}
            </a>
          </p>
        </>
      ) : null}
      {mode === 'create' ? (
        <>
          <p>{t('organisations.invitation.create')}</p>
          <Form ctx={ctx} action={action}>
            <TextField
              ctx={ctx}
              name="name"
              label={t('organisations.invitation.name')}
              value={values.name}
              errors={errors}
              required
              autocomplete="name"
              maxLength={200}
            />
            <NewPasswordFields
              ctx={ctx}
              errors={errors}
              labels={{
                password: 'organisations.field.password',
                confirmation: 'organisations.field.password_confirm',
              }}
              confirmName="password_confirm"
            />
            <div class="actions">
              <button type="submit">{t('organisations.invitation.create.submit')}</button>
            </div>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
