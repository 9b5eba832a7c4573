import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../platform/errors.js';
import type { MessageKey } from '../../web/i18n.js';
import { pageContext, sendPage } from '../../web/render.js';
import { MessagePage } from './views/MessagePage.js';

/** Answers a reset link that cannot be used with a clear page (410 spent or expired, 404 unknown). */
export function sendResetLinkError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const { t } = req;
  return sendPage(
    reply,
    <MessagePage
      ctx={pageContext(req)}
      title={t('identity.reset.title.invalid')}
      message={t((error.messageKey ?? `error.${error.code}`) as MessageKey)}
      kind="error"
      links={[
        { href: '/mot-de-passe-oublie', label: t('identity.reset.again') },
        { href: '/connexion', label: t('identity.forgot.back') },
      ]}
    />,
    error.status,
  );
}
