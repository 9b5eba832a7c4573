import { CheckboxField, Form, SelectField, TextAreaField, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { listDepartments } from '../../../organisations/index.js';
import { centsToInput } from '../../domain/money.js';
import { listNuts3 } from '../reference.js';
import type { DraftRow } from '../repo.js';
import { CategorySelect, ProcedureSelect } from './NewDraftPage.js';
import { CpvField, CpvPickerScript, cpvInputValue, type StepError, StepPage, stepUrl } from './parts.js';

/** The tender's values as form fields, to fill the form the first time. */
export function generalValues(tender: DraftRow, locale: 'fr' | 'en'): FormValues {
  return {
    title: tender.title,
    internal_reference: tender.internal_reference ?? '',
    description: tender.description,
    procedure_type: tender.procedure_type,
    main_category: tender.main_category,
    cpv_codes: cpvInputValue(tender.cpv_codes),
    estimated_value: tender.estimated_value_cents === null ? '' : centsToInput(tender.estimated_value_cents, locale),
    department: tender.department ?? '',
    nuts_code: tender.nuts_code ?? '',
    duration_months: tender.duration_months === null ? '' : String(tender.duration_months),
    variants_allowed: tender.variants_allowed ? 'on' : '',
    has_options: tender.has_options ? 'on' : '',
    options_description: tender.options_description ?? '',
  };
}

export function GeneralStep({
  ctx,
  tender,
  values,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  values: FormValues;
  errors?: StepError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="general"
      errors={errors}
      notice={notice}
    >
      <Form ctx={ctx} action={stepUrl(tender.reference, 'general')}>
        <fieldset>
          <legend>{t('drafting.general.object')}</legend>
          <TextField
            ctx={ctx}
            name="title"
            label={t('drafting.field.title')}
            value={values.title}
            errors={errors}
            required
            maxLength={300}
          />
          <TextField
            ctx={ctx}
            name="internal_reference"
            label={t('drafting.field.internal_reference')}
            value={values.internal_reference}
            errors={errors}
            maxLength={100}
          />
          <TextAreaField
            ctx={ctx}
            name="description"
            label={t('drafting.field.description')}
            hint={t('drafting.field.description.hint')}
            value={values.description}
            errors={errors}
            maxLength={20000}
          />
          <ProcedureSelect ctx={ctx} value={values.procedure_type} errors={errors} />
          <CategorySelect ctx={ctx} value={values.main_category} errors={errors} />
          <CpvField ctx={ctx} name="cpv_codes" value={values.cpv_codes ?? ''} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t('drafting.general.value_place')}</legend>
          <TextField
            ctx={ctx}
            name="estimated_value"
            label={t('drafting.field.estimated_value')}
            hint={t('drafting.field.estimated_value.hint')}
            value={values.estimated_value}
            errors={errors}
            inputMode="text"
            maxLength={40}
          />
          <SelectField
            ctx={ctx}
            name="department"
            label={t('drafting.field.department')}
            value={values.department}
            errors={errors}
            options={[
              { value: '', label: t('drafting.choose') },
              ...listDepartments().map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
            ]}
          />
          <SelectField
            ctx={ctx}
            name="nuts_code"
            label={t('drafting.field.nuts')}
            value={values.nuts_code}
            errors={errors}
            options={[
              { value: '', label: t('drafting.field.nuts.from_department') },
              ...listNuts3().map((n) => ({
                value: n.code,
                label: `${n.code} — ${ctx.locale === 'fr' ? n.labelFr : n.labelEn}`,
              })),
            ]}
          />
          <TextField
            ctx={ctx}
            name="duration_months"
            label={t('drafting.field.duration')}
            value={values.duration_months}
            errors={errors}
            inputMode="numeric"
            maxLength={3}
          />
        </fieldset>
        <fieldset>
          <legend>{t('drafting.general.variants_options')}</legend>
          <CheckboxField
            name="variants_allowed"
            label={t('drafting.field.variants')}
            checked={values.variants_allowed === 'on'}
          />
          <CheckboxField name="has_options" label={t('drafting.field.options')} checked={values.has_options === 'on'} />
          <TextAreaField
            ctx={ctx}
            name="options_description"
            label={t('drafting.field.options_description')}
            hint={t('drafting.field.options_description.hint')}
            value={values.options_description}
            errors={errors}
            rows={3}
            maxLength={5000}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">{t('drafting.save_continue')}</button>
        </div>
      </Form>
      <CpvPickerScript />
    </StepPage>
  );
}
