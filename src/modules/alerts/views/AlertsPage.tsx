import { Form, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { AlertRow } from '../repo.js';

export function AlertsPage({
  ctx,
  alerts,
  flash,
}: {
  ctx: PageContext;
  alerts: AlertRow[];
  flash?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('alerts.page.title')} wide>
      <h1>{t('alerts.page.title')}</h1>
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <p>{t('alerts.page.intro')}</p>
      <ul class="actions">
        <li>
          <a href="/recherche">{t('alerts.page.search')}</a>
        </li>
        <li>
          <a href="/mon-espace/notifications">{t('alerts.notifications.title')}</a>
        </li>
      </ul>
      {alerts.length === 0 ? (
        <p>{t('alerts.page.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('alerts.page.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alerts.col.name')}</th>
                <th scope="col">{t('alerts.col.frequency')}</th>
                <th scope="col">{t('alerts.col.status')}</th>
                <th scope="col">{t('alerts.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => {
                const change = a.pausedAt ? 'reactiver' : 'suspendre';
                const changeLabel = a.pausedAt ? t('alerts.button.resume') : t('alerts.button.pause');
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.name}
                      <p class="muted">
                        {a.keywords ? t('alerts.new.summary', { keywords: a.keywords }) : t('alerts.new.no_keywords')}
                      </p>
                      <a href={`/recherche?${a.queryString}`}>{t('alerts.button.open_search')}</a>
                    </th>
                    <td>{t(`alerts.frequency.${a.frequency}`)}</td>
                    <td>
                      <span class={a.pausedAt ? 'chip' : 'chip chip-success'}>
                        {a.pausedAt ? t('alerts.status.paused') : t('alerts.status.active')}
                      </span>
                    </td>
                    <td>
                      <Form ctx={ctx} action={`/mon-espace/alertes/${a.id}/${change}`} class="inline-form">
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t('alerts.action.label', { action: changeLabel, name: a.name })}
                        >
                          {changeLabel}
                        </button>
                      </Form>{' '}
                      <Form ctx={ctx} action={`/mon-espace/alertes/${a.id}/supprimer`} class="inline-form">
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t('alerts.action.label', { action: t('alerts.button.delete'), name: a.name })}
                        >
                          {t('alerts.button.delete')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
