import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../platform/i18n/translator.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';

const sections: { href: string; label: MessageKey }[] = [
  { href: '/administration', label: 'backoffice.nav.dashboard' },
  { href: '/administration/organisations', label: 'backoffice.nav.organisations' },
  { href: '/administration/journal', label: 'backoffice.nav.journal' },
  { href: '/administration/courriels', label: 'backoffice.nav.mails' },
];

/** Every back office page: the site layout, the sections of the back office, one h1. */
export function AdminPage({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const current = sections
    .filter((s) => ctx.path === s.href || ctx.path.startsWith(`${s.href}/`) || ctx.path.startsWith(`${s.href}.`))
    .at(-1);
  return (
    <Layout ctx={ctx} title={`${title} — ${ctx.t('backoffice.title')}`} wide>
      <nav aria-label={ctx.t('backoffice.nav.label')}>
        <ul class="subnav">
          {sections.map((s) => (
            <li key={s.href}>
              <a href={s.href} aria-current={current?.href === s.href ? 'page' : undefined}>
                {ctx.t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** Audit and mail times to the second, in Paris: operators compare them with logs. */
export function formatTimestamp(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Paris',
  }).format(value);
}

/** A query string from filters, leaving out empty ones, so links stay short and stable. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function Paging({
  ctx,
  path,
  params,
  page,
  total,
  pageSize,
}: {
  ctx: PageContext;
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={ctx.t('backoffice.pagination.label')} class="pagination">
      <p>{ctx.t('backoffice.pagination.status', { page, pages, total })}</p>
      <ul class="actions">
        {page > 1 ? (
          <li>
            <a href={`${path}${queryString({ ...params, page: page - 1 })}`} rel="prev">
              {ctx.t('backoffice.pagination.previous')}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a href={`${path}${queryString({ ...params, page: page + 1 })}`} rel="next">
              {ctx.t('backoffice.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A filter field of a GET form (no CSRF token: filtering changes nothing). */
export function FilterForm({
  ctx,
  action,
  children,
}: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
}) {
  return (
    <form method="get" action={action} class="filters" aria-label={ctx.t('backoffice.filters.label')}>
      {children}
      <div class="actions">
        <button type="submit">{ctx.t('backoffice.filters.submit')}</button>
        <a href={action}>{ctx.t('backoffice.filters.reset')}</a>
      </div>
    </form>
  );
}
