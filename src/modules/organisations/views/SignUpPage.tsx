import type { FieldError } from '../../../platform/errors.js';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  NewPasswordFields,
  SelectField,
  TextField,
} from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import { companySizes } from '../domain/sizes.js';
import { listDepartments, nafSubclasses } from '../reference.js';
import { RequiredCheckbox } from './fields.js';

export function SignUpPage({
  ctx,
  errors = [],
  values = {},
  notice,
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
  /** what the company registry said, when the form was filled in from a SIRET */
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const choose = { value: '', label: t('organisations.signup.choose') };
  return (
    <Layout ctx={ctx} title={t('organisations.signup.title')}>
      <h1>{t('organisations.signup.title')}</h1>
      <p>{t('organisations.signup.intro')}</p>
      {values.siret ? null : (
        <p>
          <a href="/inscription/siret">{t('registry.start.title')}</a>
        </p>
      )}
      {notice ? (
        <p class="alert alert-info" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/inscription">
        <fieldset>
          <legend>{t('organisations.signup.company')}</legend>
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
          <TextField
            ctx={ctx}
            name="name"
            label={t('organisations.field.name')}
            value={values.name}
            errors={errors}
            required
            autocomplete="organization"
            maxLength={300}
          />
          <SelectField
            ctx={ctx}
            name="naf"
            label={t('organisations.field.naf')}
            options={[choose, ...nafSubclasses().map((n) => ({ value: n.code, label: `${n.code} — ${n.label}` }))]}
            value={values.naf}
            errors={errors}
            required
          />
          <SelectField
            ctx={ctx}
            name="size"
            label={t('organisations.field.size')}
            options={[choose, ...companySizes.map((s) => ({ value: s, label: t(`organisations.size.${s}`) }))]}
            value={values.size}
            errors={errors}
            required
          />
          <SelectField
            ctx={ctx}
            name="department"
            label={t('organisations.field.department')}
            options={[choose, ...listDepartments().map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))]}
            value={values.department}
            errors={errors}
            required
          />
          <TextField
            ctx={ctx}
            name="city"
            label={t('organisations.field.city')}
            value={values.city}
            errors={errors}
            required
            autocomplete="address-level2"
            maxLength={100}
          />
          <CheckboxField name="is_ess" label={t('organisations.field.is_ess')} checked={values.is_ess === 'on'} />
          <CheckboxField name="is_siae" label={t('organisations.field.is_siae')} checked={values.is_siae === 'on'} />
        </fieldset>
        <fieldset>
          <legend>{t('organisations.signup.person')}</legend>
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
            hint={t('organisations.field.email.hint')}
            value={values.email}
            errors={errors}
            required
            autocomplete="email"
            maxLength={254}
          />
          <NewPasswordFields
            ctx={ctx}
            errors={errors}
            labels={{ password: 'organisations.field.password', confirmation: 'organisations.field.password_confirm' }}
            confirmName="password_confirm"
          />
        </fieldset>
        <p>
          <a href="/conditions-utilisation">{t('organisations.field.terms.read')}</a>
        </p>
        <RequiredCheckbox
          ctx={ctx}
          name="accept_terms"
          label={t('organisations.field.accept_terms')}
          checked={values.accept_terms === 'on'}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">{t('organisations.signup.submit')}</button>
        </div>
      </Form>
      <p>
        {t('organisations.signup.signin')} <a href="/connexion">{t('organisations.signup.signin.link')}</a>
      </p>
    </Layout>
  );
}

/** After a sign-up or an account created from an invitation: what happened, and where to go. */
export function DonePage({ ctx, message }: { ctx: PageContext; message: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organisations.done.title')}>
      <h1>{t('organisations.done.title')}</h1>
      <div class="alert alert-success" role="status">
        {message}
      </div>
      <p>
        <a class="button" href="/connexion">
          {t('organisations.signup.signin.link')}
        </a>
      </p>
    </Layout>
  );
}
