import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

/**
 * The page behind the unsubscribe link. Opening it changes nothing (mail scanners open links);
 * its buttons POST to the same signed address, like the one-click POST of mail clients.
 */
export function UnsubscribePage({
  ctx,
  action,
  name,
  outcome,
}: {
  ctx: PageContext;
  action: string;
  name: string | null;
  outcome: 'ask' | 'paused' | 'deleted' | 'gone' | 'invalid';
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('alerts.unsubscribe.title')}>
      <h1>{t('alerts.unsubscribe.title')}</h1>
      {outcome === 'ask' && name !== null ? (
        <>
          <p>{t('alerts.unsubscribe.intro', { name })}</p>
          <form method="post" action={action} class="inline-form">
            <input type="hidden" name="action" value="pause" />
            <button type="submit">{t('alerts.button.pause')}</button>
          </form>{' '}
          <form method="post" action={action} class="inline-form">
            <input type="hidden" name="action" value="delete" />
            <button type="submit" class="button-secondary">
              {t('alerts.button.delete')}
            </button>
          </form>
        </>
      ) : outcome === 'paused' ? (
        <p role="status">{t('alerts.unsubscribe.paused', { name: name ?? '' })}</p>
      ) : outcome === 'deleted' ? (
        <p role="status">{t('alerts.unsubscribe.deleted')}</p>
      ) : outcome === 'gone' ? (
        <p role="status">{t('alerts.unsubscribe.gone')}</p>
      ) : (
        <p role="alert">{t('alerts.unsubscribe.invalid')}</p>
      )}
      <p>
        <a href="/mon-espace/alertes">{t('alerts.page.title')}</a>
      </p>
    </Layout>
  );
}
