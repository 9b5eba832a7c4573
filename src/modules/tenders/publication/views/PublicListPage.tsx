import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { SelectField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import type { PublishedTenderSummary } from '../listPublishedTenders.js';
import { Paging, StatusChip } from './parts.js';

/** The status filter as it appears in the French URL (`?statut=en-cours`). */
export type ListFilter = 'en-cours' | 'cloturees' | undefined;

export function PublicListPage({
  ctx,
  items,
  total,
  page,
  pageSize,
  filter,
}: {
  ctx: PageContext;
  items: PublishedTenderSummary[];
  total: number;
  page: number;
  pageSize: number;
  filter: ListFilter;
}) {
  const { t, locale } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Layout ctx={ctx} title={t('publication.list.title')} wide>
      <h1>{t('publication.list.title')}</h1>
      <p>{t('publication.list.intro')}</p>
      <form method="get" action="/consultations" class="filters">
        <SelectField
          ctx={ctx}
          name="statut"
          label={t('publication.list.filter.status')}
          value={filter ?? ''}
          options={[
            { value: '', label: t('publication.list.filter.all') },
            { value: 'en-cours', label: t('publication.list.filter.open') },
            { value: 'cloturees', label: t('publication.list.filter.closed') },
          ]}
        />
        <div class="field">
          <button type="submit">{t('publication.list.filter.submit')}</button>
        </div>
      </form>
      {items.length === 0 ? (
        <p>{t('publication.list.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('publication.list.caption', { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publication.list.col.tender')}</th>
                <th scope="col">{t('publication.list.col.buyer')}</th>
                <th scope="col">{t('publication.list.col.deadline')}</th>
                <th scope="col">{t('publication.list.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <a href={`/consultations/${item.reference}`}>{item.title}</a>
                    <br />
                    <span class="muted mono">{item.reference}</span>{' '}
                    <span class="muted">
                      {t(`publication.procedure.${item.procedureType}`)} ·{' '}
                      {t(`publication.category.${item.mainCategory}`)}
                    </span>
                  </th>
                  <td>{item.buyerName}</td>
                  <td>
                    {item.submissionDeadline ? (
                      <time dateTime={item.submissionDeadline.toISOString()}>
                        {formatParisDateTime(item.submissionDeadline, locale)}
                      </time>
                    ) : (
                      t('publication.value.none')
                    )}
                  </td>
                  <td>
                    <StatusChip ctx={ctx} status={item.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Paging
        ctx={ctx}
        path="/consultations"
        params={{ statut: filter }}
        page={page}
        total={total}
        pageSize={pageSize}
      />
    </Layout>
  );
}
