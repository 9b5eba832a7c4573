import type { ComponentChildren } from 'preact';
import { activeMembership } from '../platform/http/principal.js';
import { CsrfField } from './components.js';
import type { PageContext } from './context.js';
import type { MessageKey } from './i18n.js';

export interface NavLink {
  href: string;
  label: MessageKey;
}

/** Links of the main navigation, by role; modules add theirs here as they land. */
function navigationFor(ctx: PageContext): NavLink[] {
  const links: NavLink[] = [
    { href: '/', label: 'layout.nav.home' },
    { href: '/consultations', label: 'publication.nav.tenders' },
    { href: '/recherche', label: 'search.nav' },
  ];
  const membership = activeMembership(ctx.principal);
  if (ctx.principal.kind === 'session') {
    links.push({ href: '/mon-espace', label: 'layout.nav.space' });
    if (membership && (membership.role === 'buyer_agent' || membership.role === 'buyer_admin')) {
      links.push({ href: '/mon-espace/consultations', label: 'publication.nav.dashboard' });
    }
    if (membership?.organisationKind === 'company') {
      links.push({ href: '/mon-espace/panier', label: 'watchlist.nav' });
      links.push({ href: '/mon-espace/alertes', label: 'alerts.nav' });
    }
    links.push({ href: '/mon-espace/notifications', label: 'alerts.nav.notifications' });
    if (membership && (membership.role === 'company_admin' || membership.role === 'buyer_admin')) {
      links.push({ href: '/mon-espace/organisation', label: 'layout.nav.organisation' });
    }
    if (membership && (membership.role === 'platform_operator' || membership.role === 'platform_admin')) {
      links.push({ href: '/administration', label: 'layout.nav.admin' });
    }
    // company space (profile, vault, purchase intentions) and buyers' sourcing
    if (membership?.organisationKind === 'company') {
      links.push({ href: '/mon-espace/entreprise', label: 'registry.nav' });
      links.push({ href: '/mon-espace/coffre-fort', label: 'vault.nav' });
      links.push({ href: '/mon-espace/messages', label: 'messaging.nav' });
      links.push({ href: '/intentions', label: 'intentions.nav' });
      links.push({ href: '/mon-espace/marches', label: 'contracts.nav.company' });
    }
    if (membership?.organisationKind === 'buyer') {
      links.push({ href: '/annuaire', label: 'directory.nav' });
      links.push({ href: '/mon-espace/intentions', label: 'intentions.nav' });
      links.push({ href: '/mon-espace/contrats', label: 'contracts.nav' });
    }
  }
  return links;
}

function AccountMenu({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  if (principal.kind !== 'session') {
    return (
      <ul class="account-links">
        <li>
          <a href="/connexion">{t('layout.account.signin')}</a>
        </li>
        <li>
          <a href="/inscription">{t('layout.account.signup')}</a>
        </li>
      </ul>
    );
  }
  const membership = activeMembership(principal);
  return (
    <ul class="account-links">
      <li>
        <a href="/mon-compte">
          <span class="account-name">{principal.user.name}</span>
          {membership ? <span class="account-org"> · {membership.organisationName}</span> : null}
        </a>
      </li>
      {principal.memberships.length > 1 ? (
        <li>
          <a href="/mon-compte/organisations">{t('layout.account.switch')}</a>
        </li>
      ) : null}
      <li>
        <form method="post" action="/deconnexion" class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="link-button">
            {t('layout.account.signout')}
          </button>
        </form>
      </li>
    </ul>
  );
}

export function Layout({
  ctx,
  title,
  children,
  wide = false,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const { t, locale } = ctx;
  const links = navigationFor(ctx);
  const otherLocale = locale === 'fr' ? 'en' : 'fr';
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href="/static/halle.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {ctx.principal.kind === 'session' ? <script src="/static/notifications.js" defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <p class="brand">
              <a href="/">
                <span class="brand-name">{t('site.name')}</span>
                <span class="brand-tagline">{t('site.tagline')}</span>
              </a>
            </p>
            <nav aria-label={t('layout.account.label')} class="account-nav">
              <AccountMenu ctx={ctx} />
              <form method="post" action="/langue" class="inline-form lang-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="locale" value={otherLocale} />
                <input type="hidden" name="back" value={ctx.path} />
                <button type="submit" class="link-button" lang={otherLocale}>
                  {t('layout.lang.switch')}
                </button>
              </form>
            </nav>
          </div>
          <nav aria-label={t('layout.nav.label')} class="main-nav">
            <ul class="container">
              {links.map((l) => (
                <li key={l.href}>
                  <a href={l.href} aria-current={ctx.path === l.href ? 'page' : undefined}>
                    {t(l.label)}
                    {l.href === '/mon-espace/notifications' ? (
                      <>
                        {' '}
                        <span
                          class="badge"
                          id="notifications-badge"
                          hidden={!ctx.unreadNotifications}
                          data-label={t('alerts.nav.unread', { count: '{count}' })}
                        >
                          {t('alerts.nav.unread', { count: ctx.unreadNotifications ?? 0 })}
                        </span>
                      </>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" tabIndex={-1} class={wide ? 'container container-wide' : 'container'}>
          {children}
        </main>
        <footer class="site-footer">
          <nav aria-label={t('layout.footer.label')} class="container">
            <ul>
              <li>
                <a href="/mentions-legales">{t('layout.footer.legal')}</a>
              </li>
              <li>
                <a href="/accessibilite">{t('layout.footer.accessibility')}</a>
              </li>
              <li>
                <a href="/donnees-personnelles">{t('layout.footer.privacy')}</a>
              </li>
              <li>
                <a href="/conditions-utilisation">{t('layout.footer.terms')}</a>
              </li>
              <li>
                <a href="/api/docs">{t('layout.footer.api')}</a>
              </li>
            </ul>
            <p>{t('layout.footer.licence')}</p>
          </nav>
        </footer>
      </body>
    </html>
  );
}
