import { type ComponentChildren, Fragment } from 'preact';
import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { AuditEventDetail, AuditRow } from '../repo.js';
import { AdminPage, FilterForm, formatTimestamp, queryString } from './parts.js';

/** The journal's filters as they appear in its URL (French, stable, shareable). */
export interface JournalQuery {
  action?: string | undefined;
  organisation?: string | undefined;
  acteur?: string | undefined;
  du?: string | undefined;
  au?: string | undefined;
}

function Actor({ ctx, row }: { ctx: PageContext; row: AuditRow }) {
  if (row.actor_type === 'user' && row.actor_email) {
    return (
      <>
        {row.actor_name} <span class="muted">&lt;{row.actor_email}&gt;</span>
      </>
    );
  }
  return <>{ctx.t(`backoffice.actor.${row.actor_type}`)}</>;
}

function Organisation({ ctx, row }: { ctx: PageContext; row: AuditRow }) {
  if (!row.organisation_id) return <>{ctx.t('backoffice.none')}</>;
  return (
    <a href={`/administration/organisations/${row.organisation_id}`}>{row.organisation_name ?? row.organisation_id}</a>
  );
}

export function JournalPage({
  ctx,
  query,
  errors,
  rows,
  nextCursor,
  isFirstPage,
}: {
  ctx: PageContext;
  query: JournalQuery;
  errors: FieldError[];
  rows: AuditRow[];
  nextCursor: string | undefined;
  isFirstPage: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <AdminPage ctx={ctx} title={t('backoffice.journal.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action="/administration/journal">
        <TextField
          ctx={ctx}
          name="action"
          label={t('backoffice.journal.filter.action')}
          hint={t('backoffice.journal.filter.action.hint')}
          value={query.action}
          errors={errors}
          maxLength={100}
        />
        <TextField
          ctx={ctx}
          name="organisation"
          label={t('backoffice.journal.filter.organisation')}
          value={query.organisation}
          errors={errors}
          maxLength={40}
        />
        <TextField
          ctx={ctx}
          name="acteur"
          label={t('backoffice.journal.filter.actor')}
          value={query.acteur}
          errors={errors}
          maxLength={254}
        />
        <TextField
          ctx={ctx}
          name="du"
          type="date"
          label={t('backoffice.journal.filter.from')}
          value={query.du}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="au"
          type="date"
          label={t('backoffice.journal.filter.to')}
          value={query.au}
          errors={errors}
        />
      </FilterForm>
      {errors.length === 0 ? (
        <p>
          <a href={`/administration/journal.csv${queryString({ ...query })}`} download>
            {t('backoffice.journal.export')}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('backoffice.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('backoffice.journal.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.journal.col.date')}</th>
                <th scope="col">{t('backoffice.journal.col.action')}</th>
                <th scope="col">{t('backoffice.journal.col.actor')}</th>
                <th scope="col">{t('backoffice.journal.col.organisation')}</th>
                <th scope="col">{t('backoffice.journal.col.subject')}</th>
                <th scope="col">{t('backoffice.journal.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const date = formatTimestamp(row.occurred_at, locale);
                return (
                  <tr key={row.id}>
                    <td>
                      <time dateTime={row.occurred_at.toISOString()}>{date}</time>
                    </td>
                    <th scope="row" class="mono">
                      {row.action}
                    </th>
                    <td>
                      <Actor ctx={ctx} row={row} />
                    </td>
                    <td>
                      <Organisation ctx={ctx} row={row} />
                    </td>
                    <td>
                      {row.subject_type}
                      {row.subject_id ? <span class="mono muted"> {row.subject_id}</span> : null}
                    </td>
                    <td>
                      <a
                        href={`/administration/journal/${row.id}`}
                        aria-label={t('backoffice.journal.details.label', { action: row.action, date })}
                      >
                        {t('backoffice.journal.details')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('backoffice.pagination.label')} class="pagination">
        <ul class="actions">
          {isFirstPage ? null : (
            <li>
              <a href={`/administration/journal${queryString({ ...query })}`}>{t('backoffice.pagination.first')}</a>
            </li>
          )}
          {nextCursor ? (
            <li>
              <a href={`/administration/journal${queryString({ ...query, avant: nextCursor })}`} rel="next">
                {t('backoffice.pagination.next')}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </AdminPage>
  );
}

function Json({ ctx, value }: { ctx: PageContext; value: unknown }) {
  if (value === null || value === undefined) return <p class="muted">{ctx.t('backoffice.event.empty')}</p>;
  return <pre class="mail">{JSON.stringify(value, null, 2)}</pre>;
}

export function JournalEventPage({ ctx, event }: { ctx: PageContext; event: AuditEventDetail }) {
  const { t, locale } = ctx;
  const facts: [string, ComponentChildren][] = [
    [t('backoffice.event.id'), <span class="mono">{event.id}</span>],
    [
      t('backoffice.event.date'),
      <time dateTime={event.occurred_at.toISOString()}>{formatTimestamp(event.occurred_at, locale)}</time>,
    ],
    [t('backoffice.event.actor_type'), t(`backoffice.actor.${event.actor_type}`)],
    [t('backoffice.event.actor'), <Actor ctx={ctx} row={event} />],
    [t('backoffice.event.organisation'), <Organisation ctx={ctx} row={event} />],
    [
      t('backoffice.event.subject'),
      <>
        {event.subject_type}
        {event.subject_id ? <span class="mono"> {event.subject_id}</span> : null}
      </>,
    ],
    [t('backoffice.event.ip'), event.ip ?? t('backoffice.none')],
  ];
  return (
    <AdminPage ctx={ctx} title={`${t('backoffice.event.title')} : ${event.action}`}>
      <p>
        <a href="/administration/journal">{t('backoffice.event.back')}</a>
      </p>
      <dl class="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('backoffice.event.before')}</h2>
      <Json ctx={ctx} value={event.before} />
      <h2>{t('backoffice.event.after')}</h2>
      <Json ctx={ctx} value={event.after} />
    </AdminPage>
  );
}
