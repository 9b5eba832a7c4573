import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

/** Shows the calendar address once, right after it was created, or offers to create one. */
export function CalendarPage({
  ctx,
  exists,
  url,
}: {
  ctx: PageContext;
  exists: boolean;
  /** the full secret address, only right after creating it */
  url?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('watchlist.calendar.title')}>
      <h1>{t('watchlist.calendar.title')}</h1>
      <p>{t('watchlist.calendar.intro')}</p>
      <p>{t('watchlist.calendar.secret')}</p>
      {url ? (
        <div class="alert alert-success" role="status">
          <p>
            <label for="adresse-calendrier">{t('watchlist.calendar.url')}</label>
          </p>
          <input id="adresse-calendrier" type="text" readOnly value={url} class="mono" />
        </div>
      ) : (
        <p>{t(exists ? 'watchlist.calendar.exists' : 'watchlist.calendar.none')}</p>
      )}
      <Form ctx={ctx} action="/mon-espace/panier/calendrier">
        <button type="submit" class={exists || url ? 'button-secondary' : undefined}>
          {t(exists || url ? 'watchlist.calendar.regenerate' : 'watchlist.calendar.create')}
        </button>
      </Form>
      <p>
        <a href="/mon-espace/panier">{t('watchlist.calendar.back')}</a>
      </p>
    </Layout>
  );
}
