import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { followUpLabel } from '../mails.js';
import type { NotificationItem } from '../repo.js';

export function notificationDetail(ctx: Pick<PageContext, 'locale'>, n: NotificationItem): string {
  if (n.kind === 'alert_match') return n.detail;
  return n.detail || followUpLabel(ctx.locale, n.kind, n.discriminator);
}

export function NotificationEntry({ ctx, n }: { ctx: PageContext; n: NotificationItem }) {
  const { t, locale } = ctx;
  return (
    <li class={n.readAt ? 'card' : 'card card-unread'} id={`notification-${n.id}`}>
      <p class="muted">
        {t(`alerts.kind.${n.kind}`)} ·{' '}
        <time dateTime={n.createdAt.toISOString()}>{formatParisDateTime(n.createdAt, locale)}</time>
        {n.readAt ? null : (
          <>
            {' · '}
            <strong>{t('alerts.notifications.unread')}</strong>
          </>
        )}
      </p>
      <p>
        <span class="mono">{n.tenderReference}</span> <a href={n.link}>{n.title}</a>
      </p>
      <p class="muted">{notificationDetail(ctx, n)}</p>
    </li>
  );
}

export function NotificationsPage({
  ctx,
  items,
  unread,
}: {
  ctx: PageContext;
  items: NotificationItem[];
  unread: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('alerts.notifications.title')}>
      <h1>{t('alerts.notifications.title')}</h1>
      <p class="muted">{t('alerts.notifications.live')}</p>
      <p role="status" id="notifications-unread">
        {t('alerts.nav.unread', { count: unread })}
      </p>
      {unread > 0 ? (
        <Form ctx={ctx} action="/mon-espace/notifications/lues" class="inline-form">
          <button type="submit" class="button-secondary">
            {t('alerts.notifications.mark_all')}
          </button>
        </Form>
      ) : null}
      <p id="notifications-empty" hidden={items.length > 0}>
        {t('alerts.notifications.empty')}
      </p>
      <ol class="cards" id="notifications-list" aria-live="polite">
        {items.map((n) => (
          <NotificationEntry key={n.id} ctx={ctx} n={n} />
        ))}
      </ol>
    </Layout>
  );
}
