import type { FieldError } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n/translator.js';
import { ErrorSummary, Form, NewPasswordFields, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import { EmailVerificationNotice } from './EmailVerificationNotice.js';

interface AccountView {
  name: string;
  email: string;
  locale: Locale;
  emailVerified: boolean;
}

/** The two forms post separately; errors of one are shown only in its own form. */
export function AccountPage({
  ctx,
  account,
  notice,
  profileErrors = [],
  profileValues,
  passwordErrors = [],
}: {
  ctx: PageContext;
  account: AccountView;
  notice?: { kind: 'success' | 'info' | 'error'; text: string } | undefined;
  profileErrors?: FieldError[];
  profileValues?: FormValues;
  passwordErrors?: FieldError[];
}) {
  const { t } = ctx;
  const values = profileValues ?? { name: account.name, locale: account.locale };
  return (
    <Layout ctx={ctx} title={t('identity.account.title')}>
      <h1>{t('identity.account.title')}</h1>
      {notice ? (
        <Notice kind={notice.kind}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      <EmailVerificationNotice ctx={ctx} />

      <h2>{t('identity.account.identity')}</h2>
      <dl class="facts">
        <dt>{t('identity.account.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('identity.account.email')}</dt>
        <dd>
          {account.email}{' '}
          <span class={account.emailVerified ? 'chip chip-success' : 'chip chip-danger'}>
            {t(account.emailVerified ? 'identity.account.email.verified' : 'identity.account.email.unverified')}
          </span>
        </dd>
        <dt>{t('identity.account.locale')}</dt>
        <dd>{t(account.locale === 'en' ? 'identity.account.locale.en' : 'identity.account.locale.fr')}</dd>
      </dl>

      <h2 id="profil">{t('identity.account.profile.title')}</h2>
      <ErrorSummary ctx={ctx} errors={profileErrors} />
      <Form ctx={ctx} action="/mon-compte" label={t('identity.account.profile.title')}>
        <TextField
          ctx={ctx}
          name="name"
          label={t('identity.account.name')}
          value={values.name}
          errors={profileErrors}
          required
          autocomplete="name"
          maxLength={200}
        />
        <p class="hint">{t('identity.account.locale.hint')}</p>
        <SelectField
          ctx={ctx}
          name="locale"
          label={t('identity.account.locale')}
          value={values.locale}
          errors={profileErrors}
          options={[
            { value: 'fr', label: t('identity.account.locale.fr') },
            { value: 'en', label: t('identity.account.locale.en') },
          ]}
          required
        />
        <div class="actions">
          <button type="submit">{t('identity.account.profile.submit')}</button>
        </div>
      </Form>

      <h2 id="mot-de-passe">{t('identity.account.password.title')}</h2>
      <p>{t('identity.account.password.intro')}</p>
      <ErrorSummary ctx={ctx} errors={passwordErrors} />
      <Form ctx={ctx} action="/mon-compte/mot-de-passe" label={t('identity.account.password.title')}>
        <TextField
          ctx={ctx}
          name="currentPassword"
          type="password"
          label={t('identity.account.password.current')}
          errors={passwordErrors}
          required
          autocomplete="current-password"
        />
        <NewPasswordFields
          ctx={ctx}
          errors={passwordErrors}
          labels={{ password: 'identity.reset.password', confirmation: 'identity.reset.confirmation' }}
        />
        <div class="actions">
          <button type="submit">{t('identity.account.password.submit')}</button>
        </div>
      </Form>

      <h2>{t('identity.account.links.title')}</h2>
      <ul>
        <li>
          <a href="/mon-compte/sessions">{t('identity.account.links.sessions')}</a>
        </li>
        <li>
          <a href="/mon-compte/organisations">{t('identity.account.links.organisations')}</a>
        </li>
      </ul>
    </Layout>
  );
}
