import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { addResultSlot } from '../search/index.js';
import { addNoticeSlot } from '../tenders/index.js';
import { addToWatchlist } from './addToWatchlist.js';
import { calendarFeed } from './calendarFeed.js';
import { requireWatchlistOwner } from './policies.js';
import { regenerateCalendarToken } from './regenerateCalendarToken.js';
import { removeFromWatchlist } from './removeFromWatchlist.js';
import { hasCalendarToken, watchedTenders } from './repo.js';
import { searchFeed } from './searchFeed.js';
import { CalendarPage } from './views/CalendarPage.js';
import { WatchlistPage } from './views/WatchlistPage.js';
import { watchButtonFor, watchButtonsForResults } from './watchButtonFor.js';

const hidden = { schema: { hide: true } };
type ReferenceParams = { reference: string };

const changeForm = z.object({ suite: z.string().max(500).optional() });

/**
 * Where to go back after adding or removing: a same-site path only (no open redirect), from the
 * form's hidden field or the query string; otherwise the notice itself.
 */
function backTo(req: FastifyRequest, reference: string): string {
  const body = changeForm.safeParse(req.body ?? {});
  const query = req.query as Record<string, unknown>;
  const candidate = (body.success ? body.data.suite : undefined) ?? query.suite;
  if (typeof candidate === 'string' && /^\/(?![/\\])[^\\\s]*$/.test(candidate) && candidate.length <= 500) {
    return candidate;
  }
  return `/consultations/${encodeURIComponent(reference)}`;
}

export async function watchlistRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  // the add/remove button on notice pages, without the tenders module depending on this one
  addNoticeSlot('watchlist', watchButtonFor);
  addResultSlot('watchlist', watchButtonsForResults);

  app.post<{ Params: ReferenceParams }>('/panier/:reference/ajouter', hidden, async (req, reply) => {
    const owner = requireWatchlistOwner(req.principal);
    await addToWatchlist(rt, { owner, reference: req.params.reference, ip: req.ip });
    return seeOther(reply, backTo(req, req.params.reference));
  });

  app.post<{ Params: ReferenceParams }>('/panier/:reference/retirer', hidden, async (req, reply) => {
    const owner = requireWatchlistOwner(req.principal);
    await removeFromWatchlist(rt, { owner, reference: req.params.reference, ip: req.ip });
    return seeOther(reply, backTo(req, req.params.reference));
  });

  app.get('/mon-espace/panier', hidden, async (req, reply) => {
    const owner = requireWatchlistOwner(req.principal);
    const items = await watchedTenders(rt.db, owner.userId);
    const query = req.query as Record<string, unknown>;
    return sendPage(
      reply,
      <WatchlistPage
        ctx={pageContext(req)}
        items={items}
        now={new Date()}
        flash={query.retire === '1' ? req.t('watchlist.flash.removed') : undefined}
      />,
    );
  });

  app.get('/mon-espace/panier/calendrier', hidden, async (req, reply) => {
    const owner = requireWatchlistOwner(req.principal);
    const exists = await hasCalendarToken(rt.db, owner.userId);
    return sendPage(reply, <CalendarPage ctx={pageContext(req)} exists={exists} />);
  });

  // The secret is shown in the answer to the POST itself (never in a URL to redirect to, which
  // would land in the history and in logs); reloading does not show it again.
  app.post('/mon-espace/panier/calendrier', hidden, async (req, reply) => {
    const owner = requireWatchlistOwner(req.principal);
    const { token } = await regenerateCalendarToken(rt, { owner, ip: req.ip });
    const url = `${rt.config.publicUrl}/panier/calendrier/${token}.ics`;
    return sendPage(reply, <CalendarPage ctx={pageContext(req)} exists url={url} />);
  });

  app.get<{ Params: { file: string } }>('/panier/calendrier/:file', hidden, async (req, reply) => {
    const match = /^(.+)\.ics$/.exec(req.params.file);
    const ics = match?.[1] ? await calendarFeed(rt, { token: match[1], t: req.t, locale: req.locale }) : null;
    if (ics === null) throw new AppError('not_found');
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="panier.ics"')
      .send(ics);
  });

  app.get('/recherche/flux.atom', hidden, async (req, reply) => {
    const queryString = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    const feed = await searchFeed(rt, { queryString, t: req.t, locale: req.locale });
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(feed);
  });
}
