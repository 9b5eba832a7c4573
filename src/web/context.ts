import type { Principal } from '../platform/http/principal.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { T } from './i18n.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    locale: Locale;
    t: T;
    /** token to put in every form of the page (see platform/http/csrf.ts) */
    csrfToken: string;
  }
}

/** What every page needs to render its shell. */
export interface PageContext {
  t: T;
  locale: Locale;
  principal: Principal;
  csrfToken: string;
  path: string;
  /** unread notifications of the signed-in person (header badge), when counted */
  unreadNotifications?: number | undefined;
}
