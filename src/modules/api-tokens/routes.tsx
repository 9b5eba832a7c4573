import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError, notFound } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { apiV1Routes } from './apiRoutes.js';
import { createApiToken } from './createApiToken.js';
import { docsRoutes } from './docsRoutes.js';
import { apiScopes } from './domain/scopes.js';
import { endOfParisDay, isUuid } from './domain/token.js';
import { findApiToken, listApiTokens } from './listApiTokens.js';
import { requireTokenAdmin } from './policies.js';
import { revokeApiToken } from './revokeApiToken.js';
import { ApiTokenCreatedPage } from './views/ApiTokenCreatedPage.js';
import { ApiTokensPage, tokensPath } from './views/ApiTokensPage.js';
import { RevokeApiTokenPage } from './views/RevokeApiTokenPage.js';

/** A single ticked box arrives as a string, several as an array, none as nothing. */
const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const createTokenForm = z.object({
  name: z.string().trim().min(1, 'apiTokens.form.name.required').max(100, 'apiTokens.form.name.too_long'),
  scopes: z.preprocess(
    asArray,
    z
      .array(z.enum(apiScopes, { message: 'apiTokens.form.scopes.invalid' }))
      .min(1, 'apiTokens.form.scopes.required')
      .max(20, 'apiTokens.form.scopes.invalid'),
  ),
  expiresOn: z
    .string()
    .trim()
    .max(20, 'apiTokens.form.expires.invalid')
    .optional()
    .transform((value, zctx): Date | null => {
      if (!value) return null;
      const end = endOfParisDay(value);
      if (!end) {
        zctx.addIssue({ code: 'custom', message: 'apiTokens.form.expires.invalid' });
        return z.NEVER;
      }
      if (end.getTime() <= Date.now()) {
        zctx.addIssue({ code: 'custom', message: 'apiTokens.form.expires.past' });
        return z.NEVER;
      }
      return end;
    }),
});

/** Errors on one box (`scopes.1`) belong to the whole group of boxes. */
function groupScopeErrors(errors: FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = e.field.startsWith('scopes.') ? 'scopes' : e.field;
    if (!out.some((o) => o.field === field)) out.push({ field, message: e.message });
  }
  return out;
}

function tickedScopes(body: unknown): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).scopes : undefined;
  return asArray(raw).filter((v): v is string => typeof v === 'string');
}

export async function apiTokensRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };

  const renderList = async (
    req: FastifyRequest,
    extra: { errors?: FieldError[]; values?: FormValues; checkedScopes?: string[]; notice?: string } = {},
  ) => {
    const { organisationName, tokens } = await listApiTokens(rt, req.principal);
    return <ApiTokensPage ctx={pageContext(req)} organisationName={organisationName} tokens={tokens} {...extra} />;
  };

  app.get(tokensPath, hidden, async (req, reply) => {
    requireSession(req);
    requireTokenAdmin(req.principal);
    const revokedId = (req.query as Record<string, unknown>).revoque;
    let notice: string | undefined;
    if (typeof revokedId === 'string' && isUuid(revokedId)) {
      const token = await findApiToken(rt, req.principal, revokedId);
      if (token?.status === 'revoked') notice = req.t('apiTokens.revoked.notice', { name: token.name });
    }
    return sendPage(reply, await renderList(req, notice ? { notice } : {}));
  });

  app.post(
    tokensPath,
    { ...hidden, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      requireSession(req);
      requireTokenAdmin(req.principal);
      const form = parseForm(createTokenForm, req.body);
      if (!form.ok) {
        const page = await renderList(req, {
          errors: groupScopeErrors(form.errors),
          values: form.values,
          checkedScopes: tickedScopes(req.body),
        });
        return sendPage(reply, page, 400);
      }
      try {
        const created = await createApiToken(rt, req.principal, {
          name: form.data.name,
          scopes: form.data.scopes,
          expiresAt: form.data.expiresOn,
          ip: req.ip,
        });
        return sendPage(reply, <ApiTokenCreatedPage ctx={pageContext(req)} created={created} />);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const page = await renderList(req, {
          errors: error.fields,
          values: { name: form.data.name },
          checkedScopes: form.data.scopes,
        });
        return sendPage(reply, page, 400);
      }
    },
  );

  app.get(`${tokensPath}/:id/revoquer`, hidden, async (req, reply) => {
    requireSession(req);
    requireTokenAdmin(req.principal);
    const { id } = req.params as { id: string };
    const token = isUuid(id) ? await findApiToken(rt, req.principal, id) : undefined;
    if (!token) throw notFound();
    return sendPage(reply, <RevokeApiTokenPage ctx={pageContext(req)} token={token} />);
  });

  app.post(`${tokensPath}/:id/revoquer`, hidden, async (req, reply) => {
    requireSession(req);
    const { id } = req.params as { id: string };
    await revokeApiToken(rt, req.principal, id, req.ip);
    return seeOther(reply, `${tokensPath}?revoque=${encodeURIComponent(id)}`);
  });

  await apiV1Routes(app, rt);
  await docsRoutes(app, rt);
}
