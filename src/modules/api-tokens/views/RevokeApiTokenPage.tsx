import { formatDateTime } from '../../../platform/i18n/translator.js';
import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { visiblePrefix } from '../domain/token.js';
import type { ApiTokenView } from '../listApiTokens.js';
import { ScopeList, tokensPath } from './ApiTokensPage.js';

/** Revocation is irreversible, so it has its own confirmation page. */
export function RevokeApiTokenPage({ ctx, token }: { ctx: PageContext; token: ApiTokenView }) {
  const { t, locale } = ctx;
  const title = t('apiTokens.revoke.title', { name: token.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('apiTokens.list.prefix')}</dt>
        <dd>
          <code class="mono">{visiblePrefix(token.token_prefix)}</code>
        </dd>
        <dt>{t('apiTokens.list.scopes')}</dt>
        <dd>
          <ScopeList scopes={token.scopes} />
        </dd>
        <dt>{t('apiTokens.list.createdAt')}</dt>
        <dd>{formatDateTime(token.created_at, locale)}</dd>
        <dt>{t('apiTokens.list.lastUsed')}</dt>
        <dd>{token.last_used_at ? formatDateTime(token.last_used_at, locale) : t('apiTokens.list.never')}</dd>
      </dl>
      {token.status === 'revoked' ? (
        <p>{t('apiTokens.revoke.already')}</p>
      ) : (
        <>
          <p>{t('apiTokens.revoke.text')}</p>
          <Form ctx={ctx} action={`${tokensPath}/${token.id}/revoquer`} label={title}>
            <div class="actions">
              <button type="submit" class="button-danger">
                {t('apiTokens.revoke.confirm')}
              </button>
              <a href={tokensPath}>{t('apiTokens.revoke.cancel')}</a>
            </div>
          </Form>
        </>
      )}
      {token.status === 'revoked' ? (
        <p>
          <a href={tokensPath}>{t('apiTokens.created.back')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
