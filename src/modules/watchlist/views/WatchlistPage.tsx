import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { WatchedTender } from '../repo.js';
import { Deadline, StatusChip } from './parts.js';

export function WatchlistPage({
  ctx,
  items,
  now,
  flash,
}: {
  ctx: PageContext;
  items: WatchedTender[];
  now: Date;
  flash?: string | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('watchlist.page.title')} wide>
      <h1>{t('watchlist.page.title')}</h1>
      {flash ? (
        <div class="alert alert-success" role="status">
          {flash}
        </div>
      ) : null}
      <p>{t('watchlist.page.intro')}</p>
      <ul class="actions">
        <li>
          <a href="/mon-espace/panier/calendrier">{t('watchlist.calendar.link')}</a>
        </li>
        <li>
          <a href="/recherche">{t('watchlist.page.find')}</a>
        </li>
      </ul>
      {items.length === 0 ? (
        <p>{t('watchlist.page.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('watchlist.page.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('watchlist.col.tender')}</th>
                <th scope="col">{t('watchlist.col.status')}</th>
                <th scope="col">{t('watchlist.col.deadline')}</th>
                <th scope="col">{t('watchlist.col.changes')}</th>
                <th scope="col">{t('watchlist.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <span class="mono">{item.reference}</span>{' '}
                    <a href={`/consultations/${encodeURIComponent(item.reference)}`}>{item.title}</a>
                    <p class="muted">{t('watchlist.buyer', { name: item.buyerName })}</p>
                  </th>
                  <td>
                    <StatusChip ctx={ctx} status={item.status} />
                  </td>
                  <td>
                    <Deadline ctx={ctx} value={item.submissionDeadline} now={now} />
                  </td>
                  <td>
                    <ul>
                      <li>
                        {item.latestCorrigendum
                          ? t('watchlist.changes.corrigendum', {
                              number: item.latestCorrigendum.number,
                              date: formatParisDateTime(item.latestCorrigendum.publishedAt, locale),
                              reason: item.latestCorrigendum.reason,
                            })
                          : t('watchlist.changes.no_corrigendum')}
                      </li>
                      <li>{t('watchlist.changes.answers', { count: item.publishedAnswers })}</li>
                      <li>{t('watchlist.changes.dce', { version: item.dceVersion })}</li>
                    </ul>
                  </td>
                  <td>
                    <Form
                      ctx={ctx}
                      action={`/panier/${encodeURIComponent(item.reference)}/retirer`}
                      class="inline-form"
                    >
                      <input type="hidden" name="suite" value="/mon-espace/panier?retire=1" />
                      <button
                        type="submit"
                        class="button-secondary"
                        aria-label={t('watchlist.remove.label', { reference: item.reference })}
                      >
                        {t('watchlist.button.remove')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
