import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { CreatedApiToken } from '../createApiToken.js';
import { ScopeList, tokensPath } from './ApiTokensPage.js';

/** The only page that ever shows the full token; sent with `cache-control: no-store`. */
export function ApiTokenCreatedPage({ ctx, created }: { ctx: PageContext; created: CreatedApiToken }) {
  const { t } = ctx;
  const tokenId = 'jeton-cree';
  return (
    <Layout ctx={ctx} title={t('apiTokens.created.title')}>
      <h1>{t('apiTokens.created.title')}</h1>
      <div class="alert alert-error" role="alert">
        <h2 class="alert-title">{t('apiTokens.created.warning.title')}</h2>
        <p>{t('apiTokens.created.warning.text')}</p>
      </div>
      <div class="field">
        <label for={tokenId}>{t('apiTokens.created.token', { name: created.name })}</label>
        <input id={tokenId} type="text" class="mono" value={created.token} readOnly autocomplete="off" />
      </div>
      <h2>{t('apiTokens.list.scopes')}</h2>
      <ScopeList scopes={created.scopes} />
      <p>{t('apiTokens.created.usage')}</p>
      <pre class="mail">
        <code>{`Authorization: Bearer ${created.token}`}</code>
      </pre>
      <p>
        <a href={tokensPath}>{t('apiTokens.created.back')}</a>
      </p>
    </Layout>
  );
}
