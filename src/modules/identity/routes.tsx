import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { parseForm } from '../../web/forms.js';
import { requireSession, safeNextPath } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { accountRoutes } from './accountRoutes.js';
import { emailVerificationRoutes } from './emailVerificationRoutes.js';
import { passwordResetRoutes } from './passwordResetRoutes.js';
import { sessionCookieName } from './sessions.js';
import { signIn } from './signIn.js';
import { signOut } from './signOut.js';
import { SignInPage } from './views/SignInPage.js';

const signInForm = z.object({
  email: z.string().trim().min(1, 'identity.email.required').max(254, 'identity.email.invalid'),
  password: z.string().min(1, 'identity.password.required').max(1000, 'identity.password.too_long'),
  suite: z.string().max(500).optional(),
});

export async function identityRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: rt.config.secureCookies,
  };

  app.get('/connexion', hidden, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    if (req.principal.kind === 'session') return seeOther(reply, safeNextPath(query.suite));
    const notice =
      query.reinitialise === '1'
        ? req.t('identity.reset.done')
        : query.deconnecte === '1'
          ? req.t('identity.signout.done')
          : undefined;
    return sendPage(
      reply,
      <SignInPage
        ctx={pageContext(req)}
        next={typeof query.suite === 'string' ? query.suite : undefined}
        notice={notice}
      />,
    );
  });

  app.post(
    '/connexion',
    { ...hidden, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const form = parseForm(signInForm, req.body);
      if (!form.ok) {
        return sendPage(reply, <SignInPage ctx={pageContext(req)} errors={form.errors} values={form.values} />, 400);
      }
      try {
        const { token } = await signIn(rt, {
          email: form.data.email,
          password: form.data.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
        reply.setCookie(sessionCookieName, token, cookieOptions);
        return seeOther(reply, safeNextPath(form.data.suite));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const errors = error.fields.length
          ? error.fields
          : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
        return sendPage(
          reply,
          <SignInPage
            ctx={pageContext(req)}
            errors={errors}
            values={{ email: form.data.email }}
            next={form.data.suite}
          />,
          error.status,
        );
      }
    },
  );

  app.post('/deconnexion', hidden, async (req, reply) => {
    const principal = requireSession(req);
    await signOut(rt, principal, req.ip);
    reply.clearCookie(sessionCookieName, cookieOptions);
    return seeOther(reply, '/connexion?deconnecte=1');
  });

  await emailVerificationRoutes(app, rt);
  await passwordResetRoutes(app, rt);
  await accountRoutes(app, rt);
}
