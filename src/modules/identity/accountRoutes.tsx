import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.js';
import { activeMembership, type SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import type { MessageKey } from '../../web/i18n.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { changePassword } from './changePassword.js';
import { findAccount, listActiveSessions } from './repo.js';
import { resendEmailVerification } from './resendEmailVerification.js';
import { revokeOtherSessions } from './revokeOtherSessions.js';
import { revokeSession } from './revokeSession.js';
import { sessionCookieName } from './sessions.js';
import { switchOrganisation } from './switchOrganisation.js';
import { updateProfile } from './updateProfile.js';
import { AccountPage } from './views/AccountPage.js';
import { OrganisationsPage } from './views/OrganisationsPage.js';
import { SessionsPage } from './views/SessionsPage.js';

const profileForm = z.object({
  name: z.string().trim().min(1, 'identity.account.name.required').max(200, 'identity.account.name.too_long'),
  locale: z.enum(['fr', 'en'], { message: 'identity.account.locale.invalid' }),
});

const passwordForm = z.object({
  currentPassword: z.string().min(1, 'identity.password.current.required').max(1000, 'identity.password.current.wrong'),
  password: z.string().min(1, 'identity.password.new.required').max(1000, 'identity.password.too_long'),
  passwordConfirmation: z
    .string()
    .min(1, 'identity.password.confirmation.required')
    .max(1000, 'identity.password.too_long'),
});

const sessionParams = z.object({ id: z.uuid() });
const organisationForm = z.object({ organisationId: z.uuid() });

/** Notices shown after a redirect, by the `fait` query parameter (what was just done). */
const accountNotices: Record<string, MessageKey> = {
  profil: 'identity.account.profile.saved',
  'mot-de-passe': 'identity.account.password.saved',
  verification: 'identity.verify.resent',
  'deja-confirmee': 'identity.verify.already',
};
const sessionNotices: Record<string, MessageKey> = {
  revoquee: 'identity.sessions.revoked',
  autres: 'identity.sessions.othersRevoked',
};

function done(req: FastifyRequest): string | undefined {
  const value = (req.query as Record<string, unknown>).fait;
  return typeof value === 'string' ? value : undefined;
}

/** The signed-in person's own pages: account, password, sessions, organisations. */
export async function accountRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: rt.config.secureCookies };

  async function sendAccount(
    req: FastifyRequest,
    reply: FastifyReply,
    principal: SessionPrincipal,
    options: {
      status?: number;
      notice?: { kind: 'success' | 'info' | 'error'; text: string };
      profileErrors?: FieldError[];
      profileValues?: FormValues;
      passwordErrors?: FieldError[];
    } = {},
  ) {
    const user = await findAccount(rt.db, principal.user.id);
    if (!user) throw new AppError('unauthenticated');
    return sendPage(
      reply,
      <AccountPage
        ctx={pageContext(req)}
        account={{
          name: user.name,
          email: user.email,
          locale: user.locale,
          emailVerified: user.email_verified_at !== null,
        }}
        notice={options.notice}
        profileErrors={options.profileErrors}
        profileValues={options.profileValues}
        passwordErrors={options.passwordErrors}
      />,
      options.status,
    );
  }

  app.get('/mon-compte', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const key = accountNotices[done(req) ?? ''];
    return sendAccount(req, reply, principal, key ? { notice: { kind: 'success', text: req.t(key) } } : {});
  });

  app.post('/mon-compte', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const form = parseForm(profileForm, req.body);
    if (!form.ok) {
      return sendAccount(req, reply, principal, {
        status: 400,
        profileErrors: form.errors,
        profileValues: form.values,
      });
    }
    await updateProfile(rt, principal, form.data, req.ip);
    // the preferred language applies at once to the pages of this browser (same cookie as the switch)
    reply.setCookie('halle_lang', form.data.locale, { ...cookieOptions, maxAge: 365 * 24 * 3600 });
    return seeOther(reply, '/mon-compte?fait=profil');
  });

  // Asking the current password again can be used to guess it: slow such attempts down.
  app.post(
    '/mon-compte/mot-de-passe',
    { ...hidden, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const principal = requireSession(req);
      const form = parseForm(passwordForm, req.body);
      if (!form.ok) return sendAccount(req, reply, principal, { status: 400, passwordErrors: form.errors });
      try {
        await changePassword(rt, principal, { ...form.data, ip: req.ip });
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation') {
          return sendAccount(req, reply, principal, { status: 400, passwordErrors: error.fields });
        }
        throw error;
      }
      return seeOther(reply, '/mon-compte?fait=mot-de-passe');
    },
  );

  app.post('/mon-compte/verification-email', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const outcome = await resendEmailVerification(rt, principal, req.ip);
    if (outcome === 'too_soon') {
      return sendAccount(req, reply, principal, {
        status: 429,
        notice: { kind: 'error', text: req.t('identity.verify.wait') },
      });
    }
    return seeOther(reply, outcome === 'sent' ? '/mon-compte?fait=verification' : '/mon-compte?fait=deja-confirmee');
  });

  app.get('/mon-compte/sessions', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const sessions = await listActiveSessions(rt.db, principal.user.id);
    const key = sessionNotices[done(req) ?? ''];
    return sendPage(
      reply,
      <SessionsPage
        ctx={pageContext(req)}
        sessions={sessions}
        currentSessionId={principal.sessionId}
        notice={key ? req.t(key) : undefined}
      />,
    );
  });

  app.post('/mon-compte/sessions/:id/revoquer', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const params = sessionParams.safeParse(req.params);
    if (!params.success) throw new AppError('not_found');
    const { current } = await revokeSession(rt, principal, params.data.id, req.ip);
    if (current) {
      reply.clearCookie(sessionCookieName, cookieOptions);
      return seeOther(reply, '/connexion?deconnecte=1');
    }
    return seeOther(reply, '/mon-compte/sessions?fait=revoquee');
  });

  app.post('/mon-compte/sessions/revoquer-autres', hidden, async (req, reply) => {
    const principal = requireSession(req);
    await revokeOtherSessions(rt, principal, req.ip);
    return seeOther(reply, '/mon-compte/sessions?fait=autres');
  });

  app.get('/mon-compte/organisations', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const active = activeMembership(principal);
    const notice =
      done(req) === 'organisation' && active
        ? req.t('identity.organisations.switched', { name: active.organisationName })
        : undefined;
    return sendPage(
      reply,
      <OrganisationsPage
        ctx={pageContext(req)}
        memberships={principal.memberships}
        activeOrganisationId={active?.organisationId ?? null}
        notice={notice}
      />,
    );
  });

  app.post('/mon-compte/organisation-active', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const form = organisationForm.safeParse(req.body);
    // an identifier that is not one answers like an organisation one does not belong to
    if (!form.success) throw new AppError('not_found');
    await switchOrganisation(rt, principal, form.data.organisationId, req.ip);
    return seeOther(reply, '/mon-compte/organisations?fait=organisation');
  });
}
