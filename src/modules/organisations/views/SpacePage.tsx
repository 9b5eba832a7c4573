import { activeMembership, type SessionPrincipal } from '../../../platform/http/principal.js';
import { Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { EmailVerificationNotice } from '../../identity/index.js';
import { isAdminRole } from '../domain/roles.js';

export function SpacePage({
  ctx,
  principal,
  notice,
}: {
  ctx: PageContext;
  principal: SessionPrincipal;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const membership = activeMembership(principal);
  return (
    <Layout ctx={ctx} title={t('organisations.space.title')}>
      <h1>{t('organisations.space.title')}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>{t('organisations.space.hello', { name: principal.user.name })}</p>
      <EmailVerificationNotice ctx={ctx} />
      {membership ? (
        <dl class="facts">
          <dt>{t('organisations.space.active')}</dt>
          <dd>{membership.organisationName}</dd>
          <dt>{t('organisations.space.kind')}</dt>
          <dd>{t(`organisations.kind.${membership.organisationKind}`)}</dd>
          <dt>{t('organisations.space.role')}</dt>
          <dd>{t(`organisations.role.${membership.role}`)}</dd>
        </dl>
      ) : (
        <p>{t('organisations.space.none')}</p>
      )}
      <h2>{t('organisations.space.shortcuts')}</h2>
      <ul>
        {membership ? (
          <li>
            <a href="/mon-espace/organisation">
              {isAdminRole(membership.role) ? t('organisations.space.manage') : t('organisations.space.view')}
            </a>
          </li>
        ) : null}
        <li>
          <a href="/mon-compte">{t('organisations.space.account')}</a>
        </li>
        <li>
          <a href="/mon-compte/sessions">{t('organisations.space.sessions')}</a>
        </li>
      </ul>
      {membership && membership.organisationKind !== 'platform' ? (
        <>
          <h2>{t('organisations.space.next.title')}</h2>
          <p>
            {membership.organisationKind === 'company'
              ? t('organisations.space.next.company')
              : t('organisations.space.next.buyer')}
          </p>
        </>
      ) : null}
    </Layout>
  );
}
