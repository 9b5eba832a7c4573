import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from './context.js';

export function pageContext(req: FastifyRequest): PageContext {
  return {
    t: req.t,
    locale: req.locale,
    principal: req.principal,
    csrfToken: req.csrfToken,
    path: req.url.split('?')[0] ?? '/',
    unreadNotifications: (req as { unreadNotifications?: number | undefined }).unreadNotifications,
  };
}

/** Sends a server-rendered page. Preact escapes every string: no HTML injection by data. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** Redirect after a successful POST (303 so the browser follows with GET). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}
