import type { TenderStatus } from '../../../../platform/db/schema.js';
import type { FieldError } from '../../../../platform/errors.js';
import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { fieldId } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { formatCountdown } from '../format.js';

const chipKind: Partial<Record<TenderStatus, string>> = {
  published: 'chip chip-success',
  cancelled: 'chip chip-danger',
  unsuccessful: 'chip chip-danger',
};

/** The status as a labelled chip: the label says it, the colour only repeats it. */
export function StatusChip({ ctx, status }: { ctx: PageContext; status: TenderStatus }) {
  return <span class={chipKind[status] ?? 'chip'}>{ctx.t(`publication.status.${status}`)}</span>;
}

/** A deadline with its time zone and, while it is ahead, the time left. */
export function Deadline({ ctx, value, now }: { ctx: PageContext; value: Date | null; now: Date }) {
  if (!value) return <span class="muted">{ctx.t('publication.value.none')}</span>;
  const countdown = formatCountdown(value, now, ctx.t);
  return (
    <>
      <time dateTime={value.toISOString()}>{formatParisDateTime(value, ctx.locale)}</time>
      {' — '}
      <span class="muted">{countdown ?? ctx.t('publication.countdown.over')}</span>
    </>
  );
}

/** A date and a time input side by side, for a Paris wall-clock deadline. */
export function DeadlineFields({
  ctx,
  name,
  label,
  date,
  time,
  errors,
  required = false,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  date: string | undefined;
  time: string | undefined;
  errors: FieldError[];
  required?: boolean;
}) {
  const dateName = `${name}_date`;
  const timeName = `${name}_time`;
  const dateErrors = errors.filter((e) => e.field === dateName);
  const timeErrors = errors.filter((e) => e.field === timeName);
  const input = (field: string, type: 'date' | 'time', value: string | undefined, own: FieldError[]) => {
    const id = fieldId(field);
    return (
      <div class={own.length ? 'field field-error' : 'field'}>
        <label for={id}>
          {ctx.t(type === 'date' ? 'publication.corrigendum.date' : 'publication.corrigendum.time', { field: label })}
          {required ? <span class="required"> ({ctx.t('form.required')})</span> : null}
        </label>
        {type === 'time' ? (
          <p class="hint" id={`${id}-aide`}>
            {ctx.t('publication.corrigendum.time.hint')}
          </p>
        ) : null}
        {own.length ? (
          <p class="error-message" id={`${id}-erreur`}>
            {own.map((e) => ctx.t(e.message as MessageKey)).join(' ')}
          </p>
        ) : null}
        <input
          id={id}
          name={field}
          type={type}
          value={value}
          required={required}
          aria-invalid={own.length ? 'true' : undefined}
          aria-describedby={
            [type === 'time' ? `${id}-aide` : '', own.length ? `${id}-erreur` : ''].filter(Boolean).join(' ') ||
            undefined
          }
        />
      </div>
    );
  };
  return (
    <div class="filters">
      {input(dateName, 'date', date, dateErrors)}
      {input(timeName, 'time', time, timeErrors)}
    </div>
  );
}

/** Previous / next links of a paginated list, keeping its filters. */
export function Paging({
  ctx,
  path,
  params,
  page,
  total,
  pageSize,
}: {
  ctx: PageContext;
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    if (target > 1) search.set('page', String(target));
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav aria-label={ctx.t('publication.pagination.label')} class="pagination">
      <p>{ctx.t('publication.pagination.status', { page, pages, total })}</p>
      <ul class="actions">
        {page > 1 ? (
          <li>
            <a href={link(page - 1)} rel="prev">
              {ctx.t('publication.pagination.previous')}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a href={link(page + 1)} rel="next">
              {ctx.t('publication.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
