import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextAreaField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { DirectoryCompany, Selection } from '../repo.js';
import { Labels } from './DirectoryPage.js';

export function SelectionsPage({ ctx, selections }: { ctx: PageContext; selections: Selection[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.selections.title')}>
      <h1>{t('directory.selections.title')}</h1>
      <p>
        <a href="/annuaire">{t('directory.page.title')}</a>
      </p>
      {selections.length === 0 ? (
        <p>{t('directory.selections.empty')}</p>
      ) : (
        <ul>
          {selections.map((s) => (
            <li key={s.id}>
              <a href={`/annuaire/selections/${s.id}`}>{s.name}</a> —{' '}
              {t('directory.selections.size', { count: s.size })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function SelectionPage({
  ctx,
  selection,
  notice,
}: {
  ctx: PageContext;
  selection: { id: string; name: string; companies: DirectoryCompany[] };
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={selection.name}>
      <h1>{selection.name}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ul class="actions">
        <li>
          <a href={`/annuaire/selections/${selection.id}/export.csv`}>{t('directory.selection.export')}</a>
        </li>
        <li>
          <a href={`/mon-espace/intentions/nouvelle?selection=${selection.id}`}>{t('directory.selection.target')}</a>
        </li>
        <li>
          <a href="/annuaire/selections">{t('directory.selections.title')}</a>
        </li>
      </ul>
      <ul>
        {selection.companies.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> — {c.city} ({c.department}) <span class="mono">{c.naf}</span>
            {c.inDirectory ? null : <span class="chip chip-danger">{t('directory.selection.left')}</span>}
            <Labels ctx={ctx} company={c} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ContactPage({
  ctx,
  company,
  errors = [],
  message,
  sent = false,
}: {
  ctx: PageContext;
  company: { id: string; name: string };
  errors?: FieldError[];
  message?: string | undefined;
  sent?: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.contact.title', { name: company.name })}>
      <h1>{t('directory.contact.title', { name: company.name })}</h1>
      {sent ? <Notice kind="success">{t('directory.contact.sent')}</Notice> : <p>{t('directory.contact.intro')}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      {sent ? null : (
        <Form ctx={ctx} action={`/annuaire/entreprises/${company.id}/contact`}>
          <TextAreaField
            ctx={ctx}
            name="message"
            label={t('directory.contact.message')}
            value={message}
            errors={errors}
            required
            maxLength={4000}
          />
          <button type="submit">{t('directory.contact.submit')}</button>
        </Form>
      )}
      <p>
        <a href="/annuaire">{t('directory.page.title')}</a>
      </p>
    </Layout>
  );
}

export function ListingPage({ ctx, listed, canEdit }: { ctx: PageContext; listed: boolean; canEdit: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.listing.title')}>
      <h1>{t('directory.listing.title')}</h1>
      <p>{t(listed ? 'directory.listing.in' : 'directory.listing.out')}</p>
      {canEdit ? (
        <Form ctx={ctx} action="/mon-espace/entreprise/annuaire">
          <input type="hidden" name="listed" value={listed ? 'non' : 'oui'} />
          <button type="submit" class={listed ? 'button-secondary' : undefined}>
            {t(listed ? 'directory.listing.leave' : 'directory.listing.join')}
          </button>
        </Form>
      ) : (
        <p>{t('directory.listing.admin_only')}</p>
      )}
      <p>
        <a href="/mon-espace/entreprise">{t('registry.profile.title')}</a>
      </p>
    </Layout>
  );
}
