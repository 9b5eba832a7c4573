import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextAreaField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { euros, longDate } from '../domain/format.js';
import type { Intention } from '../repo.js';
import { StatusText } from './BuyerPages.js';

export function CompanyIntentionsPage({ ctx, intentions }: { ctx: PageContext; intentions: Intention[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('intentions.company.title')}>
      <h1>{t('intentions.company.title')}</h1>
      <p>{t('intentions.company.intro')}</p>
      {intentions.length === 0 ? (
        <p>{t('intentions.company.empty')}</p>
      ) : (
        <ul>
          {intentions.map((i) => (
            <li key={i.id}>
              <a href={`/intentions/${i.id}`}>{i.title}</a> — {i.buyerName} — {longDate(i.expectedOn, locale)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function CompanyIntentionPage({
  ctx,
  intention,
  interested,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  intention: Intention;
  interested: boolean;
  notice?: string | undefined;
  errors?: FieldError[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={intention.title}>
      <p>
        <a href="/intentions">{t('intentions.company.title')}</a>
      </p>
      <h1>{intention.title}</h1>
      <p>{t('intentions.new.nonbinding')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {interested && !notice ? <Notice kind="info">{t('intentions.interest.done')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('intentions.col.buyer')}</dt>
        <dd>{intention.buyerName}</dd>
        <dt>{t('intentions.col.expected')}</dt>
        <dd>{longDate(intention.expectedOn, locale)}</dd>
        <dt>{t('intentions.col.value')}</dt>
        <dd>{euros(intention.estimatedValueCents, locale)}</dd>
        <dt>{t('intentions.field.cpv_code')}</dt>
        <dd class="mono">{intention.cpvCode}</dd>
        <dt>{t('intentions.col.status')}</dt>
        <dd>
          <StatusText ctx={ctx} intention={intention} />
        </dd>
      </dl>
      {intention.description ? <p>{intention.description}</p> : null}
      {intention.status === 'published' ? (
        <Form ctx={ctx} action={`/intentions/${intention.id}/interet`}>
          <TextAreaField
            ctx={ctx}
            name="note"
            label={t('intentions.interest.field')}
            errors={errors}
            maxLength={2000}
            rows={3}
          />
          <button type="submit">{t('intentions.interest.submit')}</button>
        </Form>
      ) : null}
    </Layout>
  );
}
