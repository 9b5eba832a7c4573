import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import { pageContext, sendPage } from '../../web/render.js';
import { type VerifyEmailOutcome, verifyEmail } from './verifyEmail.js';
import { MessagePage } from './views/MessagePage.js';

const params = z.object({ token: z.string().max(200) });

const outcomes = {
  verified: { status: 200, message: 'identity.verify.done' },
  expired: { status: 410, message: 'identity.verify.expired' },
  used: { status: 410, message: 'identity.verify.used' },
  unknown: { status: 404, message: 'identity.verify.unknown' },
} as const satisfies Record<VerifyEmailOutcome, unknown>;

/** The link of the verification mail. Opening it is the proof of holding the mailbox. */
export async function emailVerificationRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  app.get('/verification-email/:token', { schema: { hide: true } }, async (req, reply) => {
    const parsed = params.safeParse(req.params);
    const outcome = parsed.success ? await verifyEmail(rt, parsed.data.token, req.ip) : 'unknown';
    const { status, message } = outcomes[outcome];
    const { t } = req;
    const signedIn = req.principal.kind === 'session';
    return sendPage(
      reply,
      <MessagePage
        ctx={pageContext(req)}
        title={t(outcome === 'verified' ? 'identity.verify.title.done' : 'identity.verify.title.invalid')}
        message={t(message)}
        kind={outcome === 'verified' ? 'success' : 'error'}
        links={[
          signedIn
            ? { href: '/mon-compte', label: t('identity.verify.continue.signedin') }
            : { href: '/connexion', label: t('identity.verify.continue.anonymous') },
        ]}
      />,
      status,
    );
  });
}
