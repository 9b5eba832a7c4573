import { formatDateTime } from '../../../../platform/i18n/translator.js';
import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import { tenderStatuses } from '../../domain/lifecycle.js';
import type { BuyerDashboard, DashboardTender } from '../buyerDashboard.js';
import { Deadline, StatusChip } from './parts.js';

function TenderTitle({ item }: { item: DashboardTender }) {
  return (
    <th scope="row">
      <a href={`/mon-espace/consultations/${item.reference}`}>{item.title}</a>
      <br />
      <span class="muted mono">{item.reference}</span>
    </th>
  );
}

export function DashboardPage({
  ctx,
  dashboard,
  organisationName,
  now,
  perStatus,
}: {
  ctx: PageContext;
  dashboard: BuyerDashboard;
  organisationName: string;
  now: Date;
  perStatus: number;
}) {
  const { t, locale } = ctx;
  const total = Object.values(dashboard.counts).reduce((a, b) => a + b, 0);
  return (
    <Layout ctx={ctx} title={t('publication.dashboard.title')} wide>
      <h1>{t('publication.dashboard.title')}</h1>
      <p class="muted">{organisationName}</p>
      <p>
        <a class="button" href="/mon-espace/consultations/nouvelle">
          {t('publication.dashboard.new')}
        </a>
      </p>

      <section aria-labelledby="echeances">
        <h2 id="echeances">{t('publication.dashboard.coming')}</h2>
        {dashboard.comingDeadlines.length === 0 ? (
          <p>{t('publication.dashboard.coming.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('publication.dashboard.coming')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.list.col.tender')}</th>
                  <th scope="col">{t('publication.list.col.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.comingDeadlines.map((item) => (
                  <tr key={item.reference}>
                    <TenderTitle item={item} />
                    <td>
                      <Deadline ctx={ctx} value={item.submissionDeadline} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="par-statut">
        <h2 id="par-statut">{t('publication.dashboard.counts')}</h2>
        {total === 0 ? <p>{t('publication.dashboard.empty')}</p> : null}
        <ul class="figures">
          {tenderStatuses.map((status) => (
            <li key={status}>
              <strong>{dashboard.counts[status]}</strong>
              {dashboard.counts[status] > 0 ? (
                <a href={`#statut-${status}`}>{t(`publication.status.${status}`)}</a>
              ) : (
                t(`publication.status.${status}`)
              )}
            </li>
          ))}
        </ul>
        {tenderStatuses
          .filter((status) => dashboard.byStatus[status].length > 0)
          .map((status) => (
            <div class="table-scroll" key={status} id={`statut-${status}`}>
              <table>
                <caption>
                  {t('publication.dashboard.group.caption', {
                    status: t(`publication.status.${status}`),
                    count: dashboard.counts[status],
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('publication.list.col.tender')}</th>
                    <th scope="col">{t('publication.list.col.status')}</th>
                    <th scope="col">{t('publication.list.col.deadline')}</th>
                    <th scope="col">{t('publication.dashboard.col.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.byStatus[status].map((item) => (
                    <tr key={item.reference}>
                      <TenderTitle item={item} />
                      <td>
                        <StatusChip ctx={ctx} status={item.status} />
                      </td>
                      <td>
                        <Deadline ctx={ctx} value={item.submissionDeadline} now={now} />
                      </td>
                      <td>{formatDateTime(item.updatedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {dashboard.counts[status] > dashboard.byStatus[status].length ? (
                <p class="muted">{t('publication.dashboard.group.more', { shown: perStatus })}</p>
              ) : null}
            </div>
          ))}
      </section>
    </Layout>
  );
}
