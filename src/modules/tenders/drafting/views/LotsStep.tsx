import { Form, TextAreaField, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { formatEuros } from '../../domain/money.js';
import type { DraftLot, DraftRow } from '../repo.js';
import { CpvField, CpvList, CpvPickerScript, type StepError, StepPage, stepUrl } from './parts.js';

/** Fields of a lot (add and edit forms share them). */
export function LotFields({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: StepError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="title"
        label={t('drafting.lot.title')}
        value={values.title}
        errors={errors}
        required
        maxLength={300}
      />
      <TextAreaField
        ctx={ctx}
        name="description"
        label={t('drafting.lot.description')}
        value={values.description}
        errors={errors}
        rows={4}
        maxLength={20000}
      />
      <CpvField ctx={ctx} name="cpv_codes" value={values.cpv_codes ?? ''} errors={errors} />
      <TextField
        ctx={ctx}
        name="estimated_value"
        label={t('drafting.field.estimated_value')}
        hint={t('drafting.field.estimated_value.hint')}
        value={values.estimated_value}
        errors={errors}
        maxLength={40}
      />
    </>
  );
}

export function LotsStep({
  ctx,
  tender,
  lots,
  values = {},
  errors = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  lots: DraftLot[];
  values?: FormValues;
  errors?: StepError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const divided = lots.length > 1;
  const base = stepUrl(tender.reference, 'lots');
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="lots"
      errors={errors}
      notice={notice}
    >
      <p>{divided ? t('drafting.lots.divided', { count: lots.length }) : t('drafting.lots.not_divided')}</p>
      {divided ? (
        <div class="table-scroll">
          <table>
            <caption>{t('drafting.lots.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drafting.lots.number')}</th>
                <th scope="col">{t('drafting.lot.title')}</th>
                <th scope="col">{t('drafting.cpv.label')}</th>
                <th scope="col">{t('drafting.field.estimated_value')}</th>
                <th scope="col">{t('drafting.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {lots.map((lot) => (
                <tr key={lot.id}>
                  <td>{lot.number}</td>
                  <td>{lot.title}</td>
                  <td>
                    <CpvList ctx={ctx} codes={lot.cpv_codes} />
                  </td>
                  <td>
                    {lot.estimated_value_cents === null ? (
                      <span class="muted">{t('drafting.none')}</span>
                    ) : (
                      formatEuros(lot.estimated_value_cents, ctx.locale)
                    )}
                  </td>
                  <td>
                    <a href={`${base}/${lot.number}`}>{t('drafting.lots.edit', { number: lot.number })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t('drafting.lots.add.title')}</h2>
      <p class="hint">{divided ? t('drafting.lots.add.hint_divided') : t('drafting.lots.add.hint_single')}</p>
      <Form ctx={ctx} action={base} label={t('drafting.lots.add.title')}>
        {divided ? null : (
          <TextField
            ctx={ctx}
            name="first_lot_title"
            label={t('drafting.lots.first_lot_title')}
            hint={t('drafting.lots.first_lot_title.hint')}
            value={values.first_lot_title}
            errors={errors}
            maxLength={300}
          />
        )}
        <LotFields ctx={ctx} values={values} errors={errors} />
        <div class="actions">
          <button type="submit">{t('drafting.lots.add.submit')}</button>
        </div>
      </Form>
      <p>
        <a class="button" href={stepUrl(tender.reference, 'clauses')}>
          {t('drafting.continue')}
        </a>
      </p>
      <CpvPickerScript />
    </StepPage>
  );
}

export function LotEditPage({
  ctx,
  tender,
  lot,
  lotCount,
  values,
  errors = [],
}: {
  ctx: PageContext;
  tender: DraftRow;
  lot: DraftLot;
  lotCount: number;
  values: FormValues;
  errors?: StepError[];
}) {
  const { t } = ctx;
  const url = `${stepUrl(tender.reference, 'lots')}/${lot.number}`;
  return (
    <StepPage ctx={ctx} reference={tender.reference} tenderTitle={tender.title} step="lots" errors={errors}>
      <h2>{t('drafting.lots.edit', { number: lot.number })}</h2>
      <Form ctx={ctx} action={url} label={t('drafting.lots.edit', { number: lot.number })}>
        <LotFields ctx={ctx} values={values} errors={errors} />
        <div class="actions">
          <button type="submit">{t('drafting.lots.save')}</button>
          <a href={stepUrl(tender.reference, 'lots')}>{t('drafting.cancel')}</a>
        </div>
      </Form>
      {lotCount > 1 ? (
        <>
          <h2>{t('drafting.lots.remove.title')}</h2>
          <p>{t('drafting.lots.remove.text')}</p>
          <Form ctx={ctx} action={`${url}/supprimer`} label={t('drafting.lots.remove.title')}>
            <button type="submit" class="button-danger">
              {t('drafting.lots.remove.submit', { number: lot.number })}
            </button>
          </Form>
        </>
      ) : null}
      <CpvPickerScript />
    </StepPage>
  );
}
