import type { FieldError } from '../../../platform/errors.js';
import { toParisInputs } from '../../../platform/i18n/paris-time.js';
import { ErrorSummary, Form, Notice, SelectField, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import { admissibilities, classifications } from '../domain/classification.js';
import type { LotView, TenderHead } from '../repo.js';
import { LotNav, lotBase, TenderLink } from './parts.js';

export function AssessPage({
  ctx,
  tender,
  view,
  editable,
  notice,
  errors = [],
  values,
}: {
  ctx: PageContext;
  tender: TenderHead;
  view: LotView;
  editable: boolean;
  notice?: string | undefined;
  errors?: FieldError[];
  values?: FormValues | undefined;
}) {
  const { t } = ctx;
  const title = `${t('evaluation.step.assess')} — ${t('evaluation.lot_heading', { number: view.lot.number, title: view.lot.title })}`;
  const fields = (
    <>
      {view.bids.map((b) => {
        const id = b.submissionId;
        const reply = b.replyBy ? toParisInputs(b.replyBy) : null;
        const v = (name: string, fallback: string) => (values ? (values[`${name}-${id}`] ?? '') : fallback);
        return (
          <fieldset key={id}>
            <legend>
              {b.companyName}
              {b.companySiret ? ` (SIRET ${b.companySiret})` : ''}
            </legend>
            <SelectField
              ctx={ctx}
              name={`adm-${id}`}
              label={t('evaluation.assess.candidature')}
              options={[
                { value: '', label: t('evaluation.pending') },
                ...admissibilities.map((a) => ({ value: a, label: t(`evaluation.admissibility.${a}`) })),
              ]}
              value={v('adm', b.admissibility ?? '')}
              errors={errors}
            />
            <TextAreaField
              ctx={ctx}
              name={`admreason-${id}`}
              label={t('evaluation.assess.reason')}
              value={v('admreason', b.admissibilityReason ?? '')}
              errors={errors}
              maxLength={5000}
              rows={2}
            />
            <TextField
              ctx={ctx}
              name={`replyby-${id}`}
              type="date"
              label={t('evaluation.assess.reply_by')}
              value={v('replyby', reply?.date ?? '')}
              errors={errors}
            />
            <TextField
              ctx={ctx}
              name={`replytime-${id}`}
              label={t('evaluation.assess.reply_time')}
              value={v('replytime', reply?.time ?? '12:00')}
              errors={errors}
              maxLength={5}
            />
            <SelectField
              ctx={ctx}
              name={`class-${id}`}
              label={`${t('evaluation.assess.offer')}${b.regularised ? ` (${t('evaluation.assess.regularised')})` : ''}`}
              options={[
                { value: '', label: t('evaluation.pending') },
                ...classifications.map((c) => ({ value: c, label: t(`evaluation.classification.${c}`) })),
              ]}
              value={v('class', b.classification ?? '')}
              errors={errors}
            />
            <TextAreaField
              ctx={ctx}
              name={`classreason-${id}`}
              label={t('evaluation.assess.class_reason')}
              value={v('classreason', b.classificationReason ?? '')}
              errors={errors}
              maxLength={5000}
              rows={2}
            />
          </fieldset>
        );
      })}
    </>
  );
  return (
    <Layout ctx={ctx} title={title}>
      <TenderLink tender={tender} />
      <h1>{title}</h1>
      <LotNav ctx={ctx} tender={tender} lot={view.lot} current="recevabilite" />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('evaluation.assess.intro')}</p>
      {view.bids.length === 0 ? (
        <p>{t('evaluation.no_bids')}</p>
      ) : editable ? (
        <Form ctx={ctx} action={`${lotBase(tender.reference, view.lot.number)}/recevabilite`}>
          {fields}
          <div class="actions">
            <button type="submit">{t('evaluation.assess.submit')}</button>
          </div>
        </Form>
      ) : (
        <fieldset disabled>{fields}</fieldset>
      )}
    </Layout>
  );
}
