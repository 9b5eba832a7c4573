import type { FieldError } from '../../../../platform/errors.js';
import { ErrorSummary, Form, SelectField, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { Layout } from '../../../../web/layout.js';
import { mainCategories, procedureTypes } from '../forms.js';
import { categoryLabels, procedureLabels } from './labels.js';

export function NewDraftPage({
  ctx,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('drafting.new.title')}>
      <h1>{t('drafting.new.title')}</h1>
      <p>{t('drafting.new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/mon-espace/consultations/nouvelle">
        <TextField
          ctx={ctx}
          name="title"
          label={t('drafting.field.title')}
          hint={t('drafting.field.title.hint')}
          value={values.title}
          errors={errors}
          required
          maxLength={300}
        />
        <TextField
          ctx={ctx}
          name="internal_reference"
          label={t('drafting.field.internal_reference')}
          hint={t('drafting.field.internal_reference.hint')}
          value={values.internal_reference}
          errors={errors}
          maxLength={100}
        />
        <ProcedureSelect ctx={ctx} value={values.procedure_type} errors={errors} />
        <CategorySelect ctx={ctx} value={values.main_category} errors={errors} />
        <div class="actions">
          <button type="submit">{t('drafting.new.submit')}</button>
          <a href="/mon-espace/consultations">{t('drafting.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function ProcedureSelect({
  ctx,
  value,
  errors,
}: {
  ctx: PageContext;
  value?: string | undefined;
  errors: FieldError[];
}) {
  return (
    <SelectField
      ctx={ctx}
      name="procedure_type"
      label={ctx.t('drafting.field.procedure')}
      value={value}
      errors={errors}
      required
      options={[
        { value: '', label: ctx.t('drafting.choose') },
        ...procedureTypes.map((p) => ({ value: p, label: ctx.t(procedureLabels[p]) })),
      ]}
    />
  );
}

export function CategorySelect({
  ctx,
  value,
  errors,
}: {
  ctx: PageContext;
  value?: string | undefined;
  errors: FieldError[];
}) {
  return (
    <SelectField
      ctx={ctx}
      name="main_category"
      label={ctx.t('drafting.field.category')}
      value={value}
      errors={errors}
      required
      options={[
        { value: '', label: ctx.t('drafting.choose') },
        ...mainCategories.map((c) => ({ value: c, label: ctx.t(categoryLabels[c]) })),
      ]}
    />
  );
}
