import type { PageContext } from '../../../web/context.js';
import type { DashboardFigures } from '../repo.js';
import { AdminPage } from './parts.js';

export function DashboardPage({ ctx, figures }: { ctx: PageContext; figures: DashboardFigures }) {
  const { t } = ctx;
  const items = [
    { n: figures.buyers, label: t('backoffice.dashboard.buyers'), href: '/administration/organisations?type=buyer' },
    {
      n: figures.companies,
      label: t('backoffice.dashboard.companies'),
      href: '/administration/organisations?type=company',
    },
    { n: figures.users, label: t('backoffice.dashboard.users'), href: undefined },
    { n: figures.mailsPending, label: t('backoffice.dashboard.mails_pending'), href: '/administration/courriels' },
    { n: figures.mailsFailed, label: t('backoffice.dashboard.mails_failed'), href: '/administration/courriels' },
    { n: figures.auditToday, label: t('backoffice.dashboard.audit_today'), href: '/administration/journal' },
  ];
  return (
    <AdminPage ctx={ctx} title={t('backoffice.nav.dashboard')}>
      <h2>{t('backoffice.dashboard.figures')}</h2>
      <ul class="figures">
        {items.map((i) => (
          <li key={i.label}>
            <strong>{i.n.toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB')}</strong>
            {i.href ? <a href={i.href}>{i.label}</a> : i.label}
          </li>
        ))}
      </ul>
      <div class="cards">
        <section class="card">
          <h2>
            <a href="/administration/organisations">{t('backoffice.nav.organisations')}</a>
          </h2>
          <p>{t('backoffice.dashboard.organisations.text')}</p>
        </section>
        <section class="card">
          <h2>
            <a href="/administration/journal">{t('backoffice.nav.journal')}</a>
          </h2>
          <p>{t('backoffice.dashboard.journal.text')}</p>
        </section>
        <section class="card">
          <h2>
            <a href="/administration/courriels">{t('backoffice.nav.mails')}</a>
          </h2>
          <p>{t('backoffice.dashboard.mails.text')}</p>
        </section>
      </div>
    </AdminPage>
  );
}
