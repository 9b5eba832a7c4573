import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, fieldId, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { isRanked } from '../domain/classification.js';
import { centiToInput } from '../domain/format.js';
import { maxScoreCenti, priceFormulas } from '../domain/scoring.js';
import type { LotView, TenderHead } from '../repo.js';
import { bidStatus, LotNav, lotBase, TenderLink } from './parts.js';

function weight(bp: number, locale: 'fr' | 'en'): string {
  const text = (bp / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${locale === 'fr' ? text.replace('.', ',') : text} %`;
}

function Cell({
  ctx,
  name,
  label,
  value,
  errors,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
}) {
  const id = fieldId(name);
  const own = errors.filter((e) => e.field === name);
  return (
    <td class={own.length ? 'field-error' : undefined}>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        inputMode="decimal"
        size={8}
        maxLength={20}
        aria-invalid={own.length ? 'true' : undefined}
        aria-describedby={own.length ? `${id}-erreur` : undefined}
      />
      {own.length ? (
        <p class="error-message" id={`${id}-erreur`}>
          {own.map((e) => ctx.t(e.message as MessageKey)).join(' ')}
        </p>
      ) : null}
    </td>
  );
}

export function ScoringPage({
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
  const { t, locale } = ctx;
  const setup = view.setup;
  const title = `${t('evaluation.step.score')} — ${t('evaluation.lot_heading', { number: view.lot.number, title: view.lot.title })}`;
  if (!setup) {
    return (
      <Layout ctx={ctx} title={title}>
        <TenderLink tender={tender} />
        <h1>{title}</h1>
        <Notice kind="info">{t('evaluation.error.not_started')}</Notice>
      </Layout>
    );
  }
  const scale = { mode: setup.scaleMode, max: setup.scaleMax };
  const v = (name: string, fallback: string) => (values ? (values[name] ?? '') : fallback);
  const body = (
    <>
      <fieldset>
        <legend>{t('evaluation.score.settings')}</legend>
        <SelectField
          ctx={ctx}
          name="scaleMode"
          label={t('evaluation.score.scale_mode')}
          options={[
            { value: 'scale', label: t('evaluation.score.mode.scale') },
            { value: 'points', label: t('evaluation.score.mode.points') },
          ]}
          value={v('scaleMode', setup.scaleMode)}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="scaleMax"
          label={t('evaluation.score.scale_max')}
          value={v('scaleMax', String(setup.scaleMax))}
          errors={errors}
          inputMode="numeric"
          maxLength={4}
        />
        <SelectField
          ctx={ctx}
          name="priceFormula"
          label={t('evaluation.score.formula')}
          options={priceFormulas.map((f) => ({ value: f, label: t(`evaluation.formula.${f}`) }))}
          value={v('priceFormula', setup.priceFormula)}
          errors={errors}
        />
      </fieldset>
      <h2>{t('evaluation.score.grid')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('evaluation.score.grid_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.col.company')}</th>
              <th scope="col">{t('evaluation.col.amount')}</th>
              {setup.criteria.map((c) => (
                <th scope="col" key={c.id}>
                  {c.label} ({weight(c.weightBp, locale)})
                  {c.kind === 'price'
                    ? ` — ${t('evaluation.score.computed')}`
                    : ` — ${t('evaluation.score.max', { max: centiToInput(maxScoreCenti(c, scale), locale) })}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.bids.map((b) => (
              <tr key={b.submissionId}>
                <th scope="row">
                  {b.companyName}
                  <br />
                  <small>{bidStatus(ctx, b)}</small>
                </th>
                <Cell
                  ctx={ctx}
                  name={`amount-${b.submissionId}`}
                  label={t('evaluation.score.amount_field', { company: b.companyName })}
                  value={v(
                    `amount-${b.submissionId}`,
                    b.amountCents === null ? '' : centiToInput(b.amountCents, locale),
                  )}
                  errors={errors}
                />
                {setup.criteria.map((c) =>
                  c.kind === 'price' ? (
                    <td key={c.id}>{t('evaluation.score.computed')}</td>
                  ) : isRanked(b) ? (
                    <Cell
                      key={c.id}
                      ctx={ctx}
                      name={`score-${b.submissionId}-${c.id}`}
                      label={t('evaluation.score.field', { criterion: c.label, company: b.companyName })}
                      value={v(
                        `score-${b.submissionId}-${c.id}`,
                        b.scores[c.id] === undefined ? '' : centiToInput(b.scores[c.id] as number, locale),
                      )}
                      errors={errors}
                    />
                  ) : (
                    <td key={c.id}>{t('evaluation.score.not_scored')}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
  return (
    <Layout ctx={ctx} title={title} wide>
      <TenderLink tender={tender} />
      <h1>{title}</h1>
      <LotNav ctx={ctx} tender={tender} lot={view.lot} current="notation" />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('evaluation.score.intro')}</p>
      {editable ? (
        <Form ctx={ctx} action={`${lotBase(tender.reference, view.lot.number)}/notation`}>
          {body}
          <div class="actions">
            <button type="submit">{t('evaluation.score.submit')}</button>
          </div>
        </Form>
      ) : (
        <fieldset disabled>{body}</fieldset>
      )}
    </Layout>
  );
}
