import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { messagingPaths } from '../paths.js';
import type { ThreadSummary } from '../repo.js';
import { ThreadsTable } from './ThreadsTable.js';

/** A company's messages: every thread of the company, newest activity first. */
export function InboxPage({ ctx, threads }: { ctx: PageContext; threads: ThreadSummary[] }) {
  const { t } = ctx;
  const unread = threads.reduce((n, th) => n + th.unread, 0);
  return (
    <Layout ctx={ctx} title={t('messaging.inbox.title')} wide>
      <h1>{t('messaging.inbox.title')}</h1>
      <p>{t('messaging.inbox.intro')}</p>
      {threads.length === 0 ? (
        <p>{t('messaging.inbox.empty')}</p>
      ) : (
        <>
          <p role="status">{t('messaging.unread.total', { count: unread })}</p>
          <ThreadsTable ctx={ctx} threads={threads} side="company" href={messagingPaths.companyThread} />
        </>
      )}
    </Layout>
  );
}
