import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translator.js';
import { ErrorSummary, Form, fieldId, Notice, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { apiScopes, isApiScope, scopeMessages } from '../domain/scopes.js';
import { visiblePrefix } from '../domain/token.js';
import type { ApiTokenView } from '../listApiTokens.js';

export const tokensPath = '/mon-espace/organisation/api';

const statusChip = { active: 'chip chip-success', revoked: 'chip chip-danger', expired: 'chip' } as const;

export function ScopeList({ scopes }: { scopes: string[] }) {
  return (
    <ul>
      {scopes.map((s) => (
        <li key={s}>
          <code>{s}</code>
        </li>
      ))}
    </ul>
  );
}

function TokensTable({ ctx, organisationName, tokens }: ApiTokensPageProps) {
  const { t, locale } = ctx;
  if (tokens.length === 0) return <p>{t('apiTokens.list.empty')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('apiTokens.list.caption', { organisation: organisationName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apiTokens.list.name')}</th>
            <th scope="col">{t('apiTokens.list.prefix')}</th>
            <th scope="col">{t('apiTokens.list.scopes')}</th>
            <th scope="col">{t('apiTokens.list.createdBy')}</th>
            <th scope="col">{t('apiTokens.list.createdAt')}</th>
            <th scope="col">{t('apiTokens.list.lastUsed')}</th>
            <th scope="col">{t('apiTokens.list.expires')}</th>
            <th scope="col">{t('apiTokens.list.status')}</th>
            <th scope="col">{t('apiTokens.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>
                <code class="mono">{visiblePrefix(token.token_prefix)}</code>
              </td>
              <td>
                <ScopeList scopes={token.scopes} />
              </td>
              <td>{token.created_by_name ?? t('apiTokens.list.unknownUser')}</td>
              <td>{formatDateTime(token.created_at, locale)}</td>
              <td>{token.last_used_at ? formatDateTime(token.last_used_at, locale) : t('apiTokens.list.never')}</td>
              <td>{token.expires_at ? formatDateTime(token.expires_at, locale) : t('apiTokens.list.noExpiry')}</td>
              <td>
                <span class={statusChip[token.status]}>{t(`apiTokens.status.${token.status}`)}</span>
              </td>
              <td>
                {token.status === 'revoked' ? null : (
                  <a
                    href={`${tokensPath}/${token.id}/revoquer`}
                    aria-label={t('apiTokens.list.revokeNamed', { name: token.name })}
                  >
                    {t('apiTokens.list.revoke')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateForm({ ctx, errors = [], values = {}, checkedScopes = [] }: ApiTokensPageProps) {
  const { t } = ctx;
  const scopeErrors = errors.filter((e) => e.field === 'scopes');
  const scopesId = fieldId('scopes');
  return (
    <Form ctx={ctx} action={tokensPath} label={t('apiTokens.form.title')}>
      <TextField
        ctx={ctx}
        name="name"
        label={t('apiTokens.form.name')}
        hint={t('apiTokens.form.name.hint')}
        value={values.name}
        errors={errors}
        required
        maxLength={100}
        autocomplete="off"
      />
      <fieldset
        class={scopeErrors.length ? 'field-error' : undefined}
        aria-describedby={[`${scopesId}-aide`, scopeErrors.length ? `${scopesId}-erreur` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>
          {t('apiTokens.form.scopes')}
          <span class="required"> ({t('form.required')})</span>
        </legend>
        <p class="hint" id={`${scopesId}-aide`}>
          {t('apiTokens.form.scopes.hint')}
        </p>
        {scopeErrors.length ? (
          <p class="error-message" id={`${scopesId}-erreur`}>
            {scopeErrors.map((e) => t(e.message as MessageKey)).join(' ')}
          </p>
        ) : null}
        {apiScopes.map((scope, i) => {
          // The first box carries the group's id, so the error summary's link lands on the group.
          const id = i === 0 ? scopesId : `${scopesId}-${scope.replace(':', '-')}`;
          return (
            <div class="field field-checkbox" key={scope}>
              <input
                id={id}
                type="checkbox"
                name="scopes"
                value={scope}
                checked={checkedScopes.includes(scope)}
                aria-invalid={scopeErrors.length ? 'true' : undefined}
              />
              <label for={id}>
                <code>{scope}</code> — {t(scopeMessages[scope].description)}
              </label>
            </div>
          );
        })}
      </fieldset>
      <TextField
        ctx={ctx}
        name="expiresOn"
        type="date"
        label={t('apiTokens.form.expires')}
        hint={t('apiTokens.form.expires.hint')}
        value={values.expiresOn}
        errors={errors}
      />
      <div class="actions">
        <button type="submit">{t('apiTokens.form.submit')}</button>
      </div>
    </Form>
  );
}

export interface ApiTokensPageProps {
  ctx: PageContext;
  organisationName: string;
  tokens: ApiTokenView[];
  errors?: FieldError[];
  values?: FormValues;
  checkedScopes?: string[];
  notice?: string | undefined;
}

export function ApiTokensPage(props: ApiTokensPageProps) {
  const { ctx, organisationName, errors = [] } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('apiTokens.title')} wide>
      <h1>{t('apiTokens.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('apiTokens.intro', { organisation: organisationName })}</p>
      <p>
        <a href="/api/docs">{t('apiTokens.docsLink')}</a>
      </p>
      <h2>{t('apiTokens.list.title')}</h2>
      <TokensTable {...props} />
      <h2>{t('apiTokens.form.title')}</h2>
      <CreateForm {...props} checkedScopes={(props.checkedScopes ?? []).filter(isApiScope)} />
    </Layout>
  );
}
