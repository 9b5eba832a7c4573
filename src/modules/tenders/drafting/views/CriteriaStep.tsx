import { Form, fieldId, SelectField, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { basisPointsToPercent, criterionKinds, sumOfWeights } from '../../domain/criteria.js';
import { maxCriteriaRows } from '../forms.js';
import type { DraftCriterion, DraftLot, DraftRow } from '../repo.js';
import { criterionKindLabels } from './labels.js';
import { type StepError, StepPage, stepUrl } from './parts.js';

export function criteriaValues(criteria: readonly DraftCriterion[], locale: 'fr' | 'en'): FormValues {
  const values: FormValues = {};
  criteria.forEach((c, i) => {
    values[`label_${i + 1}`] = c.label;
    values[`kind_${i + 1}`] = c.kind;
    values[`weight_${i + 1}`] = basisPointsToPercent(c.weight_bp, locale);
  });
  return values;
}

function rowCount(values: FormValues): number {
  let filled = 0;
  for (let i = 1; i <= maxCriteriaRows; i++) if (values[`label_${i}`] || values[`weight_${i}`]) filled = i;
  return Math.min(maxCriteriaRows, Math.max(4, filled + 2));
}

export function criteriaScopeUrl(reference: string, lotNumber: number | null): string {
  return lotNumber === null ? stepUrl(reference, 'criteria') : `${stepUrl(reference, 'criteria')}/lots/${lotNumber}`;
}

/**
 * One scope of award criteria: the criteria common to every lot, or one lot's own. Rows left
 * blank are ignored; the weights must add up to exactly 100 %.
 */
export function CriteriaStep({
  ctx,
  tender,
  lots,
  criteria,
  lot,
  values,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  lots: DraftLot[];
  criteria: DraftCriterion[];
  /** null: the common criteria */
  lot: DraftLot | null;
  values: FormValues;
  errors?: StepError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const divided = lots.length > 1;
  const rows = rowCount(values);
  const sumError = errors.find((e) => e.field === 'criteria');
  const heading = lot
    ? t('drafting.criteria.lot_scope', { number: lot.number, title: lot.title })
    : divided
      ? t('drafting.criteria.common_scope')
      : t('drafting.criteria.scope');
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="criteria"
      errors={errors}
      notice={notice}
    >
      <p>{t('drafting.criteria.intro')}</p>
      <h2>{heading}</h2>
      {lot ? (
        <p class="hint">{t('drafting.criteria.lot_hint')}</p>
      ) : divided ? (
        <p class="hint">{t('drafting.criteria.common_hint')}</p>
      ) : null}
      <Form ctx={ctx} action={criteriaScopeUrl(tender.reference, lot?.number ?? null)} label={heading}>
        <div id={fieldId('criteria')} tabIndex={-1}>
          {sumError ? <p class="error-message">{t('drafting.criteria.sum', sumError.params)}</p> : null}
          {Array.from({ length: rows }, (_, index) => {
            const i = index + 1;
            return (
              <fieldset key={i}>
                <legend>{t('drafting.criteria.row', { number: i })}</legend>
                <TextField
                  ctx={ctx}
                  name={`label_${i}`}
                  label={t('drafting.criteria.label')}
                  value={values[`label_${i}`]}
                  errors={errors}
                  maxLength={300}
                />
                <SelectField
                  ctx={ctx}
                  name={`kind_${i}`}
                  label={t('drafting.criteria.kind')}
                  value={values[`kind_${i}`] ?? 'quality'}
                  errors={errors}
                  options={criterionKinds.map((k) => ({ value: k, label: t(criterionKindLabels[k]) }))}
                />
                <TextField
                  ctx={ctx}
                  name={`weight_${i}`}
                  label={t('drafting.criteria.weight')}
                  hint={i === 1 ? t('drafting.criteria.weight.hint') : undefined}
                  value={values[`weight_${i}`]}
                  errors={errors}
                  inputMode="text"
                  maxLength={8}
                />
              </fieldset>
            );
          })}
        </div>
        <div class="actions">
          <button type="submit">{t('drafting.criteria.submit')}</button>
          {lot ? <a href={stepUrl(tender.reference, 'criteria')}>{t('drafting.cancel')}</a> : null}
        </div>
      </Form>
      {divided && !lot ? <LotScopes ctx={ctx} tender={tender} lots={lots} criteria={criteria} /> : null}
      {lot ? null : (
        <p>
          <a class="button" href={stepUrl(tender.reference, 'deadlines')}>
            {t('drafting.continue')}
          </a>
        </p>
      )}
    </StepPage>
  );
}

function LotScopes({
  ctx,
  tender,
  lots,
  criteria,
}: {
  ctx: PageContext;
  tender: DraftRow;
  lots: DraftLot[];
  criteria: DraftCriterion[];
}) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('drafting.criteria.per_lot')}</h2>
      <ul>
        {lots.map((lot) => {
          const own = criteria.filter((c) => c.lot_id === lot.id);
          return (
            <li key={lot.id}>
              <a href={criteriaScopeUrl(tender.reference, lot.number)}>
                {t('drafting.criteria.lot_scope', { number: lot.number, title: lot.title })}
              </a>{' '}
              <span class="muted">
                {own.length > 0
                  ? t('drafting.criteria.lot_own', {
                      count: own.length,
                      sum: basisPointsToPercent(sumOfWeights(own.map((c) => c.weight_bp)), ctx.locale),
                    })
                  : t('drafting.criteria.lot_common')}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
