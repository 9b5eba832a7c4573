import { toParisInputs } from '../../../../platform/i18n/paris-time.js';
import { CheckboxField, Form, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { type DelayFinding, delayRules, needsCandidatureDeadline } from '../../domain/legalDelays.js';
import type { DraftRow } from '../repo.js';
import { procedureLabels } from './labels.js';
import { DelayWarnings, type StepError, StepPage, stepUrl } from './parts.js';

export function deadlineValues(tender: DraftRow): FormValues {
  const values: FormValues = {};
  for (const [which, value] of [
    ['submission', tender.submission_deadline],
    ['candidature', tender.candidature_deadline],
    ['questions', tender.questions_deadline],
  ] as const) {
    if (!value) continue;
    const inputs = toParisInputs(value);
    values[`${which}_date`] = inputs.date;
    values[`${which}_time`] = inputs.time;
  }
  return values;
}

function DateTimeFields({
  ctx,
  which,
  legend,
  hint,
  values,
  errors,
}: {
  ctx: PageContext;
  which: 'submission' | 'candidature' | 'questions';
  legend: string;
  hint?: string;
  values: FormValues;
  errors: StepError[];
}) {
  const { t } = ctx;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      <TextField
        ctx={ctx}
        type="date"
        name={`${which}_date`}
        label={t('drafting.deadline.date')}
        value={values[`${which}_date`]}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name={`${which}_time`}
        label={t('drafting.deadline.time')}
        hint={t('drafting.deadline.time.hint')}
        value={values[`${which}_time`]}
        errors={errors}
        inputMode="numeric"
        maxLength={5}
      />
    </fieldset>
  );
}

export function DeadlinesStep({
  ctx,
  tender,
  values,
  errors = [],
  findings = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  values: FormValues;
  errors?: StepError[];
  findings?: DelayFinding[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const twoStages = needsCandidatureDeadline(tender.procedure_type);
  const rule = delayRules[tender.procedure_type];
  const needsAck = findings.some((f) => f.needsAcknowledgement);
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="deadlines"
      errors={errors}
      notice={notice}
    >
      <p>{t('drafting.deadlines.intro')}</p>
      <p class="hint">
        {t('drafting.deadlines.procedure', { procedure: t(procedureLabels[tender.procedure_type]) })}{' '}
        {tender.procedure_type === 'adapted'
          ? t('drafting.deadlines.rule.adapted')
          : rule
            ? t('drafting.deadlines.rule.formal', { articles: rule.articles })
            : t('drafting.deadlines.rule.none')}
      </p>
      <DelayWarnings ctx={ctx} findings={findings} />
      <Form ctx={ctx} action={stepUrl(tender.reference, 'deadlines')}>
        {twoStages ? (
          <DateTimeFields
            ctx={ctx}
            which="candidature"
            legend={t('drafting.deadline.candidature')}
            values={values}
            errors={errors}
          />
        ) : null}
        <DateTimeFields
          ctx={ctx}
          which="submission"
          legend={t('drafting.deadline.submission')}
          values={values}
          errors={errors}
        />
        <DateTimeFields
          ctx={ctx}
          which="questions"
          legend={t('drafting.deadline.questions')}
          hint={t('drafting.deadline.questions.hint')}
          values={values}
          errors={errors}
        />
        {needsAck || errors.some((e) => e.field === 'acknowledge_delays') ? (
          <div class={errors.some((e) => e.field === 'acknowledge_delays') ? 'field field-error' : 'field'}>
            {errors.some((e) => e.field === 'acknowledge_delays') ? (
              <p class="error-message">{t('drafting.delay.acknowledge_required')}</p>
            ) : null}
            <CheckboxField name="acknowledge_delays" label={t('drafting.delay.acknowledge')} checked={false} />
          </div>
        ) : null}
        <div class="actions">
          <button type="submit">{t('drafting.save_continue')}</button>
        </div>
      </Form>
    </StepPage>
  );
}
