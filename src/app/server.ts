import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { AppError, type FieldError } from '../platform/errors.js';
import { csrfCookieName, csrfFieldName, csrfTokenFor, isValidCsrfToken, newCsrfSeed } from '../platform/http/csrf.js';
import { isLocale, type Locale } from '../platform/i18n/translator.js';
import type { Runtime } from '../platform/runtime.js';
import '../web/context.js';
import { translatorFor } from '../web/i18n.js';
import { ErrorPage } from '../web/pages/errors.js';
import { pageContext, sendPage } from '../web/render.js';
import { registerModules, resolvePrincipal } from './modules.js';

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'static');
export const localeCookieName = 'halle_lang';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

function negotiateLocale(req: FastifyRequest): Locale {
  // French unless the visitor chose English with the switch: the platform's users and its
  // legal texts are French, whatever the browser's language.
  const fromCookie = req.cookies[localeCookieName];
  return isLocale(fromCookie) ? fromCookie : 'fr';
}

/** Sends an error as problem+json (API) or as a French page (site). Never a stack trace. */
function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError, incidentId?: string) {
  if (isApi(req)) {
    // RFC 9110: a 401 names the scheme the client must use.
    if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="halle"');
    return reply
      .status(error.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({
        type: `https://halle.localhost/problems/${error.code}`,
        title: translatorFor('en')(`error.${error.code}`),
        status: error.status,
        code: error.code,
        detail: error.messageKey ? translatorFor('en')(error.messageKey as never) : undefined,
        errors: error.fields.length ? error.fields : undefined,
        instance: incidentId,
      });
  }
  if (error.code === 'unauthenticated') {
    // pages send the visitor to sign in, and back here afterwards (GET only: a form is not replayed)
    const back = req.method === 'GET' ? `?suite=${encodeURIComponent(req.url.slice(0, 500))}` : '';
    return reply.redirect(`/connexion${back}`, 303);
  }
  return sendPage(reply, ErrorPage({ ctx: pageContext(req), error, incidentId }), error.status);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldError[] = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_form',
      message: v.message ?? 'invalid',
    }));
    return new AppError('validation', { fields });
  }
  const e = error as { code?: string; statusCode?: number };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.statusCode === 415 || e.code?.startsWith('FST_ERR_CTP')) return new AppError('bad_request');
  if (e.statusCode === 400) return new AppError('bad_request');
  return undefined;
}

export async function buildServer(rt: Runtime): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: rt.logger as FastifyBaseLogger,
    trustProxy: rt.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(rt.config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: rt.config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/static/',
    maxAge: rt.config.env === 'production' ? '7d' : 0,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Halle API',
        version: '1.0.0',
        description:
          'Public procurement platform API. Authenticate with an organisation API token: `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      servers: [{ url: rt.config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    // Schemas named with `.meta({ id })` are referenced by $ref: this puts them in components.schemas.
    transformObject: jsonSchemaTransformObject,
  });

  app.decorateRequest('principal', null as never);
  app.decorateRequest('locale', 'fr');
  app.decorateRequest('t', null as never);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (req, reply) => {
    req.locale = negotiateLocale(req);
    req.t = translatorFor(req.locale);
    let seed = req.cookies[csrfCookieName];
    if (!seed || seed.length > 100) {
      seed = newCsrfSeed();
      reply.setCookie(csrfCookieName, seed, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: rt.config.secureCookies,
      });
      req.cookies[csrfCookieName] = seed;
    }
    req.csrfToken = csrfTokenFor(rt.signingSecret, seed);
    req.principal = await resolvePrincipal(rt, req);
  });

  // CSRF is checked once the body is parsed and before validation answers (STACK-NOTES #6).
  // The API authenticates by bearer token only, never by cookie, so it needs no CSRF token.
  app.addHook('preValidation', async (req) => {
    if (!unsafeMethods.has(req.method) || isApi(req)) return;
    // a route authenticated by its own signed link (one-click unsubscribe, RFC 8058) has no session to protect
    if (req.routeOptions.config.signedLink === true) return;
    const body = req.body as Record<string, unknown> | undefined;
    const token = body?.[csrfFieldName] ?? req.headers['x-csrf-token'];
    if (!isValidCsrfToken(rt.signingSecret, req.cookies[csrfCookieName], token)) {
      throw new AppError('csrf');
    }
  });

  app.setErrorHandler((error, req, reply) => {
    const known = toAppError(error);
    const incidentId = known && known.code !== 'internal' ? undefined : req.id;
    if (incidentId) req.log.error({ err: error, incidentId }, 'unhandled error');
    try {
      return sendError(req, reply, known ?? new AppError('internal'), incidentId);
    } catch (renderError) {
      // the error page itself failed: answer plainly rather than let details leak
      req.log.error({ err: renderError, incidentId: req.id }, 'error page failed');
      return reply
        .status(500)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(`Erreur interne. Référence : ${req.id}`);
    }
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('not_found')));

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(rt.db);
      return { status: 'ready', engine: rt.database.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await registerModules(app, rt);
  return app;
}
