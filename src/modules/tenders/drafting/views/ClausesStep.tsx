import { CheckboxField, Form, SelectField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import type { DraftLot, DraftRow } from '../repo.js';
import { reservedLabels } from './labels.js';
import { type StepError, StepPage, stepUrl } from './parts.js';

type ClauseSource = Pick<
  DraftRow,
  | 'reserved_contract'
  | 'social_clause_insertion'
  | 'social_clause_other'
  | 'environmental_clause'
  | 'environmental_criterion'
>;

export function clauseValues(source: ClauseSource, prefix: string): FormValues {
  return {
    [`${prefix}reserved_contract`]: source.reserved_contract ?? '',
    [`${prefix}social_clause_insertion`]: source.social_clause_insertion ? 'on' : '',
    [`${prefix}social_clause_other`]: source.social_clause_other ? 'on' : '',
    [`${prefix}environmental_clause`]: source.environmental_clause ? 'on' : '',
    [`${prefix}environmental_criterion`]: source.environmental_criterion ? 'on' : '',
  };
}

function ClauseFields({
  ctx,
  prefix,
  values,
  errors,
}: {
  ctx: PageContext;
  prefix: string;
  values: FormValues;
  errors: StepError[];
}) {
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name={`${prefix}reserved_contract`}
        label={t('drafting.clauses.reserved')}
        value={values[`${prefix}reserved_contract`]}
        errors={errors}
        options={[
          { value: '', label: t('drafting.clauses.reserved.none') },
          { value: 'siae', label: t(reservedLabels.siae) },
          { value: 'ea_esat', label: t(reservedLabels.ea_esat) },
        ]}
      />
      <CheckboxField
        name={`${prefix}social_clause_insertion`}
        label={t('drafting.clauses.social_insertion')}
        checked={values[`${prefix}social_clause_insertion`] === 'on'}
      />
      <CheckboxField
        name={`${prefix}social_clause_other`}
        label={t('drafting.clauses.social_other')}
        checked={values[`${prefix}social_clause_other`] === 'on'}
      />
      <CheckboxField
        name={`${prefix}environmental_clause`}
        label={t('drafting.clauses.environmental_clause')}
        checked={values[`${prefix}environmental_clause`] === 'on'}
      />
      <CheckboxField
        name={`${prefix}environmental_criterion`}
        label={t('drafting.clauses.environmental_criterion')}
        checked={values[`${prefix}environmental_criterion`] === 'on'}
      />
    </>
  );
}

export function ClausesStep({
  ctx,
  tender,
  lots,
  values,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  lots: DraftLot[];
  values: FormValues;
  errors?: StepError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const divided = lots.length > 1;
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="clauses"
      errors={errors}
      notice={notice}
    >
      <p>{t('drafting.clauses.intro')}</p>
      <Form ctx={ctx} action={stepUrl(tender.reference, 'clauses')}>
        <fieldset>
          <legend>{divided ? t('drafting.clauses.tender_level') : t('drafting.clauses.tender')}</legend>
          <ClauseFields ctx={ctx} prefix="" values={values} errors={errors} />
        </fieldset>
        {divided
          ? lots.map((lot) => (
              <fieldset key={lot.id}>
                <legend>{t('drafting.clauses.lot', { number: lot.number, title: lot.title })}</legend>
                <ClauseFields ctx={ctx} prefix={`lot_${lot.number}_`} values={values} errors={errors} />
              </fieldset>
            ))
          : null}
        <div class="actions">
          <button type="submit">{t('drafting.save_continue')}</button>
        </div>
      </Form>
    </StepPage>
  );
}
