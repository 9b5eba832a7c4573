import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { messagingPaths } from '../paths.js';
import type { ThreadSummary } from '../repo.js';
import { ThreadsTable } from './ThreadsTable.js';

/** The threads of one tender, for its buyer's agents, and the way to write to a company. */
export function BuyerTenderPage({
  ctx,
  tender,
  threads,
}: {
  ctx: PageContext;
  tender: { reference: string; title: string };
  threads: ThreadSummary[];
}) {
  const { t } = ctx;
  const unread = threads.reduce((n, th) => n + th.unread, 0);
  return (
    <Layout ctx={ctx} title={`${t('messaging.buyer.title')} — ${tender.reference}`} wide>
      <p>
        <a href={`/mon-espace/consultations/${tender.reference}`}>{t('messaging.buyer.back')}</a>
      </p>
      <h1>
        {t('messaging.buyer.title')} <span class="muted">— {tender.reference}</span>
      </h1>
      <p>{tender.title}</p>
      <p>
        <a class="button" href={messagingPaths.buyerNewThread(tender.reference)}>
          {t('messaging.buyer.new')}
        </a>
      </p>
      {threads.length === 0 ? (
        <p>{t('messaging.buyer.empty')}</p>
      ) : (
        <>
          <p role="status">{t('messaging.unread.total', { count: unread })}</p>
          <ThreadsTable
            ctx={ctx}
            threads={threads}
            side="buyer"
            href={(id) => messagingPaths.buyerThread(tender.reference, id)}
          />
        </>
      )}
    </Layout>
  );
}
