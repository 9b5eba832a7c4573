import { Fragment } from 'preact';
import type { FieldError } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/translator.js';
import { ErrorSummary, Form, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MemberRow, OrganisationDetail, OrganisationRow } from '../repo.js';
import { AdminPage, FilterForm, Paging, queryString } from './parts.js';

export interface OrganisationsQuery {
  type?: string | undefined;
  q?: string | undefined;
  departement?: string | undefined;
}

export function OrganisationsPage({
  ctx,
  query,
  errors,
  rows,
  total,
  page,
  pageSize,
}: {
  ctx: PageContext;
  query: OrganisationsQuery;
  errors: FieldError[];
  rows: OrganisationRow[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = ctx;
  return (
    <AdminPage ctx={ctx} title={t('backoffice.organisations.title')}>
      <p>
        <a class="button" href="/administration/organisations/nouvelle">
          {t('backoffice.organisations.new')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action="/administration/organisations">
        <SelectField
          ctx={ctx}
          name="type"
          label={t('backoffice.organisations.filter.kind')}
          value={query.type ?? ''}
          errors={errors}
          options={[
            { value: '', label: t('backoffice.organisations.filter.kind.all') },
            { value: 'buyer', label: t('backoffice.kind.buyer') },
            { value: 'company', label: t('backoffice.kind.company') },
            { value: 'platform', label: t('backoffice.kind.platform') },
          ]}
        />
        <TextField
          ctx={ctx}
          name="q"
          label={t('backoffice.organisations.filter.q')}
          value={query.q}
          errors={errors}
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="departement"
          label={t('backoffice.organisations.filter.department')}
          value={query.departement}
          errors={errors}
          maxLength={3}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <p>{t('backoffice.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('backoffice.organisations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.organisations.col.name')}</th>
                <th scope="col">{t('backoffice.organisations.col.kind')}</th>
                <th scope="col">{t('backoffice.organisations.col.siret')}</th>
                <th scope="col">{t('backoffice.organisations.col.place')}</th>
                <th scope="col">{t('backoffice.organisations.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <a href={`/administration/organisations/${o.id}`}>{o.name}</a>
                  </th>
                  <td>{t(`backoffice.kind.${o.kind}`)}</td>
                  <td class="mono">{o.siret ?? t('backoffice.none')}</td>
                  <td>
                    {[o.city, o.department ? `(${o.department})` : null].filter(Boolean).join(' ') ||
                      t('backoffice.none')}
                  </td>
                  <td>{formatDate(o.created_at, ctx.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Paging
        ctx={ctx}
        path="/administration/organisations"
        params={{ ...query }}
        page={page}
        total={total}
        pageSize={pageSize}
      />
    </AdminPage>
  );
}

export function NewOrganisationPage({
  ctx,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t } = ctx;
  return (
    <AdminPage ctx={ctx} title={t('backoffice.create.title')}>
      <p>{t('backoffice.create.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/administration/organisations/nouvelle">
        <TextField
          ctx={ctx}
          name="name"
          label={t('backoffice.create.name')}
          value={values.name}
          errors={errors}
          required
          maxLength={300}
          autocomplete="organization"
        />
        <TextField
          ctx={ctx}
          name="siret"
          label={t('backoffice.create.siret')}
          hint={t('backoffice.create.siret.hint')}
          value={values.siret}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={20}
        />
        <TextField
          ctx={ctx}
          name="legalCategory"
          label={t('backoffice.create.legal_category')}
          hint={t('backoffice.create.legal_category.hint')}
          value={values.legalCategory}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          ctx={ctx}
          name="department"
          label={t('backoffice.create.department')}
          hint={t('backoffice.create.department.hint')}
          value={values.department}
          errors={errors}
          required
          maxLength={3}
        />
        <TextField
          ctx={ctx}
          name="city"
          label={t('backoffice.create.city')}
          value={values.city}
          errors={errors}
          maxLength={200}
          autocomplete="address-level2"
        />
        <TextField
          ctx={ctx}
          name="memberSince"
          type="date"
          label={t('backoffice.create.member_since')}
          value={values.memberSince}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="memberUntil"
          type="date"
          label={t('backoffice.create.member_until')}
          hint={t('backoffice.create.member_until.hint')}
          value={values.memberUntil}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">{t('backoffice.create.submit')}</button>
          <a href="/administration/organisations">{t('backoffice.create.cancel')}</a>
        </div>
      </Form>
    </AdminPage>
  );
}

export function OrganisationPage({
  ctx,
  organisation: o,
  members,
  created,
}: {
  ctx: PageContext;
  organisation: OrganisationDetail;
  members: MemberRow[];
  created: boolean;
}) {
  const { t, locale } = ctx;
  const none = t('backoffice.none');
  const facts: [string, string][] = [
    [t('backoffice.organisation.kind'), t(`backoffice.kind.${o.kind}`)],
    [t('backoffice.organisation.siret'), o.siret ?? none],
  ];
  if (o.kind === 'buyer') {
    facts.push(
      [t('backoffice.organisation.legal_category'), o.legal_category ?? none],
      [t('backoffice.organisation.member_since'), o.member_since ? formatDate(o.member_since, locale) : none],
      [t('backoffice.organisation.member_until'), o.member_until ? formatDate(o.member_until, locale) : none],
    );
  }
  if (o.kind === 'company') {
    facts.push(
      [t('backoffice.organisation.naf'), o.naf ?? none],
      [t('backoffice.organisation.size'), o.size ?? none],
      [t('backoffice.organisation.ess'), t(o.is_ess ? 'backoffice.yes' : 'backoffice.no')],
      [t('backoffice.organisation.siae'), t(o.is_siae ? 'backoffice.yes' : 'backoffice.no')],
    );
  }
  facts.push(
    [t('backoffice.organisation.department'), o.department ?? none],
    [t('backoffice.organisation.city'), o.city ?? none],
    [t('backoffice.organisation.created'), formatDateTime(o.created_at, locale)],
  );
  return (
    <AdminPage ctx={ctx} title={o.name}>
      {created ? <Notice kind="success">{t('backoffice.organisation.created_notice')}</Notice> : null}
      <h2>{t('backoffice.organisation.facts')}</h2>
      <dl class="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p>
        <a href={`/administration/journal${queryString({ organisation: o.id })}`}>
          {t('backoffice.organisation.journal')}
        </a>
      </p>
      <h2>{t('backoffice.organisation.members')}</h2>
      {members.length === 0 ? (
        <p>{t('backoffice.organisation.members.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('backoffice.organisation.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.organisation.members.name')}</th>
                <th scope="col">{t('backoffice.organisation.members.email')}</th>
                <th scope="col">{t('backoffice.organisation.members.role')}</th>
                <th scope="col">{t('backoffice.organisation.members.since')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.user_id}>
                  <th scope="row">
                    {m.name}
                    {m.disabled_at ? ` ${t('backoffice.organisation.members.disabled')}` : null}
                  </th>
                  <td>{m.email}</td>
                  <td>{t(`backoffice.role.${m.role}`)}</td>
                  <td>{formatDate(m.since, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminPage>
  );
}
