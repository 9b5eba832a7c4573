import { formatDateTime } from '../../../platform/i18n/translator.js';
import type { PageContext } from '../../../web/context.js';
import type { ThreadSummary } from '../repo.js';

/** A table of threads: for a company every tender it exchanges about, for a buyer every company of a tender. */
export function ThreadsTable({
  ctx,
  threads,
  side,
  href,
}: {
  ctx: PageContext;
  threads: ThreadSummary[];
  side: 'buyer' | 'company';
  href: (threadId: string) => string;
}) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('messaging.inbox.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{side === 'company' ? t('messaging.col.tender') : t('messaging.col.company')}</th>
            {side === 'company' ? <th scope="col">{t('messaging.col.buyer')}</th> : null}
            <th scope="col">{t('messaging.col.subject')}</th>
            <th scope="col">{t('messaging.col.last')}</th>
            <th scope="col">{t('messaging.col.count')}</th>
            <th scope="col">{t('messaging.col.unread')}</th>
          </tr>
        </thead>
        <tbody>
          {threads.map((th) => (
            <tr key={th.id}>
              <th scope="row">
                <a href={href(th.id)}>
                  {side === 'company' ? `${th.tenderReference} — ${th.tenderTitle}` : th.companyName}
                </a>
                {side === 'buyer' && th.companySiret ? <span class="mono"> ({th.companySiret})</span> : null}
              </th>
              {side === 'company' ? <td>{th.buyerName}</td> : null}
              <td>{th.lastSubject}</td>
              <td>{formatDateTime(th.lastMessageAt, locale)}</td>
              <td>{th.messageCount}</td>
              <td>{th.unread > 0 ? <strong>{th.unread}</strong> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
