import type { AppError } from '../../platform/errors.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../i18n.js';
import { Layout } from '../layout.js';

export function ErrorPage({
  ctx,
  error,
  incidentId,
}: {
  ctx: PageContext;
  error: AppError;
  incidentId?: string | undefined;
}) {
  const { t } = ctx;
  const title = error.status === 404 ? t('error.page.title.404') : t('error.page.title.generic');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t((error.messageKey ?? `error.${error.code}`) as MessageKey)}</p>
      {error.fields.length ? (
        <ul>
          {error.fields.map((f) => (
            <li key={f.field}>{t(f.message as MessageKey)}</li>
          ))}
        </ul>
      ) : null}
      {incidentId ? <p class="muted">{t('error.page.reference', { id: incidentId })}</p> : null}
      <p>
        <a href="/">{t('error.page.back')}</a>
      </p>
    </Layout>
  );
}
