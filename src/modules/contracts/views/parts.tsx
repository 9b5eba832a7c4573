import type { FieldError } from '../../../platform/errors.js';
import { fieldId } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import { formatEuros } from '../../tenders/index.js';
import { insertionBars, insertionSummary } from '../domain/insertion.js';
import type { InsertionReport, Modification, Subcontract } from '../repo.js';

export function day(date: string | null, locale: string): string {
  if (!date) return '—';
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}

export function instant(date: Date, locale: string): string {
  return date.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
}

export function euros(cents: number | null, ctx: PageContext): string {
  return cents === null ? ctx.t('contracts.page.none') : formatEuros(cents, ctx.locale === 'en' ? 'en' : 'fr');
}

/** A list of checkboxes in a fieldset, with its errors (RGAA: grouped, legend, described). */
export function CheckboxGroup({
  ctx,
  name,
  legend,
  options,
  checked,
  errors,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  options: readonly string[];
  checked: readonly string[];
  errors: FieldError[];
}) {
  const own = errors.filter((e) => e.field === name);
  const id = fieldId(name);
  return (
    <fieldset
      class={own.length ? 'field field-error' : 'field'}
      id={id}
      aria-describedby={own.length ? `${id}-erreur` : undefined}
    >
      <legend>{legend}</legend>
      {own.length ? (
        <p class="error-message" id={`${id}-erreur`}>
          {own.map((e) => ctx.t(e.message as MessageKey)).join(' ')}
        </p>
      ) : null}
      {options.map((option, i) => (
        <div class="field-checkbox" key={option}>
          <input id={`${id}-${i}`} type="checkbox" name={name} value={option} checked={checked.includes(option)} />
          <label for={`${id}-${i}`}>{option}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function ModificationsTable({ ctx, modifications }: { ctx: PageContext; modifications: Modification[] }) {
  const { t, locale } = ctx;
  if (modifications.length === 0) return <p>{t('contracts.page.modifications.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('contracts.page.modifications.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contracts.col.number')}</th>
            <th scope="col">{t('contracts.col.object')}</th>
            <th scope="col">{t('contracts.col.new_amount')}</th>
            <th scope="col">{t('contracts.col.new_end')}</th>
            <th scope="col">{t('contracts.col.notified_on')}</th>
          </tr>
        </thead>
        <tbody>
          {modifications.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.number}</th>
              <td>{m.object}</td>
              <td>{m.newAmountCents === null ? '—' : euros(m.newAmountCents, ctx)}</td>
              <td>{day(m.newEndDate, locale)}</td>
              <td>{day(m.notifiedOn, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SubcontractsTable({ ctx, subcontracts }: { ctx: PageContext; subcontracts: Subcontract[] }) {
  const { t, locale } = ctx;
  if (subcontracts.length === 0) return <p>{t('contracts.page.subcontracts.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('contracts.page.subcontracts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contracts.col.number')}</th>
            <th scope="col">{t('contracts.col.subcontractor')}</th>
            <th scope="col">{t('contracts.col.amount')}</th>
            <th scope="col">{t('contracts.col.direct_payment')}</th>
            <th scope="col">{t('contracts.col.duration')}</th>
            <th scope="col">{t('contracts.col.notified_on')}</th>
          </tr>
        </thead>
        <tbody>
          {subcontracts.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.number}</th>
              <td>
                {s.name}
                <p class="muted">SIRET {s.siret}</p>
              </td>
              <td>{euros(s.amountCents, ctx)}</td>
              <td>{s.directPayment ? t('contracts.page.yes') : t('contracts.page.no')}</td>
              <td>{t('contracts.months', { count: s.durationMonths })}</td>
              <td>{day(s.notifiedOn, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const chart = { height: 160, groupWidth: 56, left: 8, bar: 20 };

/** Summary table and an SVG bar chart (no script) of the insertion hours per quarter. */
export function InsertionFollowUp({ ctx, reports }: { ctx: PageContext; reports: InsertionReport[] }) {
  const { t } = ctx;
  if (reports.length === 0) return <p>{t('contracts.page.insertion.none')}</p>;
  const summary = insertionSummary(reports);
  const bars = insertionBars(reports, chart);
  const width = chart.left * 2 + reports.length * chart.groupWidth;
  const top = 10;
  return (
    <>
      <div class="table-scroll">
        <table>
          <caption>{t('contracts.page.insertion.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contracts.col.period')}</th>
              <th scope="col">{t('contracts.col.hours_planned')}</th>
              <th scope="col">{t('contracts.col.hours_done')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.period}>
                <th scope="row">{r.period}</th>
                <td>{r.hoursPlanned}</td>
                <td>{r.hoursDone}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('contracts.page.insertion.total')}</th>
              <td>{summary.planned}</td>
              <td>{summary.done}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {summary.rate === null ? null : <p>{t('contracts.page.insertion.rate', { rate: summary.rate })}</p>}
      <figure>
        <svg
          role="img"
          aria-label={t('contracts.page.insertion.chart')}
          viewBox={`0 0 ${width} ${chart.height + top + 24}`}
          width={width}
          height={chart.height + top + 24}
          class="insertion-chart"
        >
          {bars.map((b) => (
            <g key={b.period}>
              <rect
                x={b.x}
                y={top + chart.height - b.plannedHeight}
                width={chart.bar}
                height={b.plannedHeight}
                fill="#8c8c8c"
              />
              <rect
                x={b.x + chart.bar + 2}
                y={top + chart.height - b.doneHeight}
                width={chart.bar}
                height={b.doneHeight}
                fill="#000091"
              />
              <text x={b.x} y={top + chart.height + 16} font-size="10">
                {b.period}
              </text>
            </g>
          ))}
        </svg>
        <figcaption>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill="#8c8c8c" />
          </svg>{' '}
          {t('contracts.col.hours_planned')} —{' '}
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill="#000091" />
          </svg>{' '}
          {t('contracts.col.hours_done')}
        </figcaption>
      </figure>
    </>
  );
}
