import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { sendResetLinkError } from './linkPages.js';
import { requestPasswordReset } from './requestPasswordReset.js';
import { checkResetLink, resetPassword } from './resetPassword.js';
import { sessionCookieName } from './sessions.js';
import { ForgotPasswordPage } from './views/ForgotPasswordPage.js';
import { ResetPasswordPage } from './views/ResetPasswordPage.js';

const forgotForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'identity.email.required')
    .max(254, 'identity.email.invalid')
    .regex(/^[^\s@]+@[^\s@]+$/, 'identity.email.invalid'),
});

const resetForm = z.object({
  password: z.string().min(1, 'identity.password.new.required').max(1000, 'identity.password.too_long'),
  passwordConfirmation: z
    .string()
    .min(1, 'identity.password.confirmation.required')
    .max(1000, 'identity.password.too_long'),
});

const tokenParams = z.object({ token: z.string().max(200) });

export async function passwordResetRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: rt.config.secureCookies };

  app.get('/mot-de-passe-oublie', hidden, async (req, reply) => {
    const sent = (req.query as Record<string, unknown>).envoye === '1';
    return sendPage(reply, <ForgotPasswordPage ctx={pageContext(req)} sent={sent} />);
  });

  // The per-address limit is counted in the database; this per-IP limit only slows scripts down.
  app.post(
    '/mot-de-passe-oublie',
    { ...hidden, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const form = parseForm(forgotForm, req.body);
      if (!form.ok) {
        return sendPage(
          reply,
          <ForgotPasswordPage ctx={pageContext(req)} errors={form.errors} values={form.values} />,
          400,
        );
      }
      await requestPasswordReset(rt, form.data.email, req.ip);
      // the same answer whether the account exists or not
      return seeOther(reply, '/mot-de-passe-oublie?envoye=1');
    },
  );

  app.get('/reinitialisation/:token', hidden, async (req, reply) => {
    const token = tokenParams.safeParse(req.params).data?.token ?? '';
    try {
      await checkResetLink(rt, token);
    } catch (error) {
      if (error instanceof AppError) return sendResetLinkError(req, reply, error);
      throw error;
    }
    return sendPage(reply, <ResetPasswordPage ctx={pageContext(req)} action={req.url.split('?')[0] ?? '/'} />);
  });

  app.post(
    '/reinitialisation/:token',
    { ...hidden, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const token = tokenParams.safeParse(req.params).data?.token ?? '';
      const action = req.url.split('?')[0] ?? '/';
      try {
        const form = parseForm(resetForm, req.body);
        if (!form.ok) {
          // a dead link is told first: fixing the form would not help
          await checkResetLink(rt, token);
          return sendPage(
            reply,
            <ResetPasswordPage ctx={pageContext(req)} action={action} errors={form.errors} />,
            400,
          );
        }
        await resetPassword(rt, { token, ...form.data, ip: req.ip });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'validation') {
          return sendPage(
            reply,
            <ResetPasswordPage ctx={pageContext(req)} action={action} errors={error.fields} />,
            400,
          );
        }
        return sendResetLinkError(req, reply, error);
      }
      // every session is closed, this browser's included
      reply.clearCookie(sessionCookieName, cookieOptions);
      return seeOther(reply, '/connexion?reinitialise=1');
    },
  );
}
