import { formatDateTime } from '../../../platform/i18n/translator.js';
import type { PageContext } from '../../../web/context.js';
import { messagingPaths } from '../paths.js';
import type { RegisterEntry } from '../repo.js';
import { categoryKey } from './parts.js';

/** The exchanges register on the tender's registers page (a slot of the tenders module). */
export function RegisterSection({
  ctx,
  reference,
  entries,
}: {
  ctx: PageContext;
  reference: string;
  entries: RegisterEntry[];
}) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="registre-echanges">
      <h2 id="registre-echanges">{t('messaging.register.title')}</h2>
      <p>
        <a href={messagingPaths.buyerTender(reference)}>{t('messaging.register.open')}</a> ·{' '}
        <a href={`/mon-espace/consultations/${reference}/registres/echanges.csv`}>{t('messaging.register.export')}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t('messaging.register.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('messaging.register.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('messaging.col.date')}</th>
                <th scope="col">{t('messaging.col.company')}</th>
                <th scope="col">{t('messaging.col.direction')}</th>
                <th scope="col">{t('messaging.col.category')}</th>
                <th scope="col">{t('messaging.form.subject')}</th>
                <th scope="col">{t('messaging.col.attachments')}</th>
                <th scope="col">{t('messaging.col.delivered')}</th>
                <th scope="col">{t('messaging.col.read')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt, locale)}</td>
                  <td>
                    {e.companyName}
                    {e.companySiret ? <span class="mono"> ({e.companySiret})</span> : null}
                  </td>
                  <td>{t(e.side === 'buyer' ? 'messaging.from.buyer' : 'messaging.from.company')}</td>
                  <td>{t(categoryKey(e.category))}</td>
                  <td>
                    <a href={`${messagingPaths.buyerThread(reference, e.threadId)}#message-${e.id}`}>{e.subject}</a>
                  </td>
                  <td>{e.attachments.length}</td>
                  <td>{e.deliveredAt ? formatDateTime(e.deliveredAt, locale) : ''}</td>
                  <td>{e.readAt ? formatDateTime(e.readAt, locale) : t('messaging.register.not_read')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
