import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { startLiveListener } from '../../platform/events/live.js';
import type { Runtime } from '../../platform/runtime.js';
import { parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { addSearchResultSlot } from '../search/index.js';
import { parseAlertQuery } from './alertQuery.js';
import { type AlertChange, changeAlert } from './changeAlert.js';
import { createAlert } from './createAlert.js';
import { markNotificationsRead } from './markNotificationsRead.js';
import { alertIdOrNotFound, alertOwner, requireAlertOwner, requireNotificationReader } from './policies.js';
import { previewAlert } from './previewAlert.js';
import { listAlerts, listNotifications, notificationById, unreadCount } from './repo.js';
import { describeUnsubscribe, unsubscribe } from './unsubscribe.js';
import { AlertsPage } from './views/AlertsPage.js';
import { NewAlertPage, type NewAlertValues } from './views/NewAlertPage.js';
import { NotificationsPage, notificationDetail } from './views/NotificationsPage.js';
import { UnsubscribePage } from './views/UnsubscribePage.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** unread notifications of the signed-in person, for the header badge (page requests only) */
    unreadNotifications: number | undefined;
  }
  interface FastifyContextConfig {
    /** the route authenticates by a signed link instead of a session: no CSRF token to check */
    signedLink?: boolean;
  }
}

const hidden = { schema: { hide: true } };

const newAlertForm = z.object({
  recherche: z
    .string('alerts.error.query_empty')
    .trim()
    .min(1, 'alerts.error.query_empty')
    .max(4000, 'alerts.error.query_too_long'),
  name: z.string('alerts.name.required').trim().min(1, 'alerts.name.required').max(120, 'alerts.name.too_long'),
  frequency: z.enum(['immediate', 'daily'], 'alerts.frequency.required'),
});

const flashes: Record<
  string,
  'alerts.flash.created' | 'alerts.flash.paused' | 'alerts.flash.resumed' | 'alerts.flash.deleted'
> = {
  creee: 'alerts.flash.created',
  suspendue: 'alerts.flash.paused',
  reactivee: 'alerts.flash.resumed',
  supprimee: 'alerts.flash.deleted',
};

const changes: Record<string, { change: AlertChange; flash: string }> = {
  suspendre: { change: 'pause', flash: 'suspendue' },
  reactiver: { change: 'resume', flash: 'reactivee' },
  supprimer: { change: 'delete', flash: 'supprimee' },
};

function searchOf(req: FastifyRequest): string {
  return req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
}

function sse(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function alertsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  // the link above the search results, without the search module importing this one
  addSearchResultSlot('alerts', (ctx, queryString) =>
    alertOwner(ctx.principal) ? (
      <p>
        <a class="button button-secondary" href={`/mon-espace/alertes/nouvelle?${queryString}`}>
          {ctx.t('alerts.create_from_search')}
        </a>
      </p>
    ) : null,
  );

  // the header badge: counted once per page request of a signed-in person
  app.decorateRequest('unreadNotifications', undefined);
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || req.principal.kind !== 'session' || req.url.startsWith('/api/')) return;
    if (req.url.startsWith('/static/') || req.url.startsWith('/mon-espace/notifications/flux')) return;
    req.unreadNotifications = await unreadCount(rt.db, req.principal.user.id);
  });

  app.get('/mon-espace/alertes', hidden, async (req, reply) => {
    const owner = requireAlertOwner(req.principal);
    const query = req.query as Record<string, unknown>;
    const flashKey = typeof query.ok === 'string' ? flashes[query.ok] : undefined;
    return sendPage(
      reply,
      <AlertsPage
        ctx={pageContext(req)}
        alerts={await listAlerts(rt.db, owner.userId)}
        flash={flashKey ? req.t(flashKey) : undefined}
      />,
    );
  });

  app.get('/mon-espace/alertes/nouvelle', hidden, async (req, reply) => {
    const owner = requireAlertOwner(req.principal);
    const queryString = searchOf(req);
    const ctx = pageContext(req);
    const values: NewAlertValues = { recherche: `/recherche?${queryString}`, name: '', frequency: 'immediate' };
    try {
      const query = await parseAlertQuery(rt.db, queryString);
      const preview = await previewAlert(rt, queryString);
      values.recherche = `/recherche?${query.queryString}`;
      values.name = (query.keywords || req.t('alerts.new.no_keywords')).slice(0, 120);
      return sendPage(
        reply,
        <NewAlertPage
          ctx={ctx}
          values={values}
          preview={preview}
          keywords={query.keywords}
          unverified={!owner.emailVerified}
        />,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      return sendPage(
        reply,
        <NewAlertPage ctx={ctx} values={values} errors={error.fields} unverified={!owner.emailVerified} />,
        400,
      );
    }
  });

  app.post('/mon-espace/alertes', hidden, async (req, reply) => {
    const owner = requireAlertOwner(req.principal);
    const form = parseForm(newAlertForm, req.body);
    const ctx = pageContext(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: NewAlertValues = {
      recherche: typeof body.recherche === 'string' ? body.recherche.slice(0, 4000) : '',
      name: typeof body.name === 'string' ? body.name.slice(0, 200) : '',
      frequency: typeof body.frequency === 'string' ? body.frequency.slice(0, 20) : 'immediate',
    };
    if (!form.ok) {
      return sendPage(
        reply,
        <NewAlertPage ctx={ctx} values={values} errors={form.errors} unverified={!owner.emailVerified} />,
        400,
      );
    }
    try {
      await createAlert(rt, {
        owner,
        address: form.data.recherche,
        name: form.data.name,
        frequency: form.data.frequency,
        ip: req.ip,
      });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      return sendPage(
        reply,
        <NewAlertPage ctx={ctx} values={values} errors={error.fields} unverified={!owner.emailVerified} />,
        error.status,
      );
    }
    return seeOther(reply, '/mon-espace/alertes?ok=creee');
  });

  app.post<{ Params: { id: string; change: string } }>(
    '/mon-espace/alertes/:id/:change',
    hidden,
    async (req, reply) => {
      const owner = requireAlertOwner(req.principal);
      const change = changes[req.params.change];
      if (!change) throw new AppError('not_found');
      await changeAlert(rt, { owner, alertId: alertIdOrNotFound(req.params.id), change: change.change, ip: req.ip });
      return seeOther(reply, `/mon-espace/alertes?ok=${change.flash}`);
    },
  );

  // ---- one-click unsubscribe (RFC 8058): signed link, no session, no CSRF token ----

  app.get<{ Params: { token: string } }>('/alertes/desabonnement/:token', hidden, async (req, reply) => {
    const { outcome, name } = await describeUnsubscribe(rt, req.params.token);
    const action = `/alertes/desabonnement/${encodeURIComponent(req.params.token)}`;
    return sendPage(
      reply,
      <UnsubscribePage ctx={pageContext(req)} action={action} name={name} outcome={outcome} />,
      outcome === 'invalid' ? 404 : 200,
    );
  });

  app.post<{ Params: { token: string } }>(
    '/alertes/desabonnement/:token',
    { ...hidden, config: { signedLink: true } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const change = body.action === 'delete' ? 'delete' : 'pause';
      const { outcome, name } = await unsubscribe(rt, req.params.token, change, req.ip);
      return sendPage(
        reply,
        <UnsubscribePage ctx={pageContext(req)} action="" name={name} outcome={outcome} />,
        outcome === 'invalid' ? 404 : 200,
      );
    },
  );

  // ---- notification centre ----

  app.get('/mon-espace/notifications', hidden, async (req, reply) => {
    const { userId } = requireNotificationReader(req.principal);
    const [items, unread] = await Promise.all([listNotifications(rt.db, userId), unreadCount(rt.db, userId)]);
    return sendPage(reply, <NotificationsPage ctx={pageContext(req)} items={items} unread={unread} />);
  });

  app.post('/mon-espace/notifications/lues', hidden, async (req, reply) => {
    const { userId } = requireNotificationReader(req.principal);
    await markNotificationsRead(rt, { userId, notificationId: 'all' });
    return seeOther(reply, '/mon-espace/notifications');
  });

  // Server-Sent Events: every web process listens on one PostgreSQL channel (ids only) and each
  // stream reads, for its own person, what it may show.
  const live = await startLiveListener({
    database: rt.database,
    databaseUrl: rt.config.databaseUrl,
    channel: 'halle_notifications',
    logger: rt.logger,
  });
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.addHook('onClose', async () => {
    await live.close();
  });

  app.get('/mon-espace/notifications/flux', hidden, async (req, reply) => {
    const { userId } = requireNotificationReader(req.principal);
    const locale = { locale: req.locale };
    const unread = await unreadCount(rt.db, userId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(`retry: 5000\n${sse('count', { unread })}`);
    const stopListening = live.subscribe((payload) => {
      const [target, notificationId] = payload.split(':');
      if (target !== userId || !notificationId) return;
      void (async () => {
        const n = await notificationById(rt.db, userId, notificationId);
        if (!n) return;
        const count = await unreadCount(rt.db, userId);
        res.write(
          sse(
            'notification',
            {
              id: n.id,
              kind: n.kind,
              kindLabel: req.t(`alerts.kind.${n.kind}`),
              reference: n.tenderReference,
              title: n.title,
              detail: notificationDetail(locale, n),
              link: n.link,
              createdAt: n.createdAt.toISOString(),
              unread: count,
            },
            n.id,
          ),
        );
      })().catch((error: unknown) => {
        rt.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'live notification not sent');
      });
    });
    // a comment line every 25 s keeps proxies from closing an idle stream
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      stopListening();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
  });
}
