import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, SelectField, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { Selection } from '../../directory/index.js';
import { euros, longDate } from '../domain/format.js';
import type { Intention, Interest } from '../repo.js';

export function StatusText({ ctx, intention }: { ctx: PageContext; intention: Intention }) {
  return intention.status === 'converted' ? (
    <>{ctx.t('intentions.status.converted', { reference: intention.tenderReference ?? '' })}</>
  ) : (
    <>{ctx.t('intentions.status.published')}</>
  );
}

export function BuyerIntentionsPage({ ctx, intentions }: { ctx: PageContext; intentions: Intention[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('intentions.buyer.title')}>
      <h1>{t('intentions.buyer.title')}</h1>
      <p>{t('intentions.buyer.intro')}</p>
      <p>
        <a href="/mon-espace/intentions/nouvelle">{t('intentions.buyer.new')}</a>
      </p>
      {intentions.length === 0 ? (
        <p>{t('intentions.buyer.empty')}</p>
      ) : (
        <ul>
          {intentions.map((i) => (
            <li key={i.id}>
              <a href={`/mon-espace/intentions/${i.id}`}>{i.title}</a> — {longDate(i.expectedOn, locale)} —{' '}
              <StatusText ctx={ctx} intention={i} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function NewIntentionPage({
  ctx,
  selections,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  selections: Selection[];
  values?: FormValues;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('intentions.new.title')}>
      <h1>{t('intentions.new.title')}</h1>
      <p>{t('intentions.new.nonbinding')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/mon-espace/intentions">
        <TextField
          ctx={ctx}
          name="title"
          label={t('intentions.field.title')}
          value={values.title}
          errors={errors}
          required
          maxLength={300}
        />
        <TextAreaField
          ctx={ctx}
          name="description"
          label={t('intentions.field.description')}
          value={values.description}
          errors={errors}
          maxLength={4000}
          rows={4}
        />
        <TextField
          ctx={ctx}
          name="cpv_code"
          label={t('intentions.field.cpv_code')}
          hint={t('intentions.field.cpv_code.hint')}
          value={values.cpv_code}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          ctx={ctx}
          name="estimated_value"
          label={t('intentions.field.estimated_value')}
          value={values.estimated_value}
          errors={errors}
          inputMode="numeric"
          maxLength={20}
        />
        <TextField
          ctx={ctx}
          name="expected_on"
          type="date"
          label={t('intentions.field.expected_on')}
          value={values.expected_on}
          errors={errors}
          required
        />
        <SelectField
          ctx={ctx}
          name="selection"
          label={t('intentions.field.selection')}
          options={[
            { value: '', label: t('intentions.field.selection.none') },
            ...selections.map((s) => ({
              value: s.id,
              label: `${s.name} (${t('directory.selections.size', { count: s.size })})`,
            })),
          ]}
          value={values.selection}
          errors={errors}
        />
        <button type="submit">{t('intentions.submit')}</button>
      </Form>
    </Layout>
  );
}

export function BuyerIntentionPage({
  ctx,
  intention,
  targets,
  interests,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  intention: Intention;
  targets: { companyId: string; companyName: string }[];
  interests: Interest[];
  notice?: string | undefined;
  errors?: FieldError[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={intention.title}>
      <p>
        <a href="/mon-espace/intentions">{t('intentions.buyer.title')}</a>
      </p>
      <h1>{intention.title}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('intentions.col.expected')}</dt>
        <dd>{longDate(intention.expectedOn, locale)}</dd>
        <dt>{t('intentions.col.value')}</dt>
        <dd>{euros(intention.estimatedValueCents, locale)}</dd>
        <dt>{t('intentions.field.cpv_code')}</dt>
        <dd class="mono">{intention.cpvCode}</dd>
        <dt>{t('intentions.col.status')}</dt>
        <dd>
          {intention.tenderReference ? (
            <a href={`/mon-espace/consultations/${intention.tenderReference}`}>
              <StatusText ctx={ctx} intention={intention} />
            </a>
          ) : (
            <StatusText ctx={ctx} intention={intention} />
          )}
        </dd>
      </dl>
      {intention.description ? <p>{intention.description}</p> : null}
      {intention.status === 'published' ? (
        <Form ctx={ctx} action={`/mon-espace/intentions/${intention.id}/consultation`}>
          <button type="submit">{t('intentions.convert')}</button>
        </Form>
      ) : null}
      <h2>{t('intentions.detail.interests')}</h2>
      {interests.length === 0 ? (
        <p>{t('intentions.detail.none')}</p>
      ) : (
        <ul>
          {interests.map((i) => (
            <li key={i.companyId}>
              <strong>{i.companyName}</strong> {i.targeted ? t('intentions.detail.targeted') : null}
              {i.note ? <p class="muted">{i.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('intentions.detail.targets')}</h2>
      {targets.length === 0 ? (
        <p>{t('intentions.detail.none')}</p>
      ) : (
        <ul>
          {targets.map((c) => (
            <li key={c.companyId}>{c.companyName}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
