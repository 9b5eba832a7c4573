import type { OrganisationKind, OrganisationsTable, Role } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/translator.js';
import { ErrorSummary, Form, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { rolesForKind } from '../domain/roles.js';
import { formatSiret } from '../domain/siret.js';
import { departmentName, nafLabel } from '../reference.js';

export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  naf: string | null;
  size: OrganisationsTable['size'];
  department: string | null;
  city: string | null;
  is_ess: boolean;
  is_siae: boolean;
  member_since: Date | string | null;
  member_until: Date | string | null;
}

export interface MemberView {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: Date;
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  expires_at: Date;
  invited_by_name: string | null;
}

/** `date` columns come back as a Date at local midnight (node-postgres): keep the calendar day. */
function calendarDay(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

function roleOptions(ctx: PageContext, kind: OrganisationKind) {
  return rolesForKind(kind).map((r) => ({ value: r, label: ctx.t(`organisations.role.hint.${r}`) }));
}

function Details({ ctx, organisation }: { ctx: PageContext; organisation: OrganisationView }) {
  const { t, locale } = ctx;
  const unknown = t('organisations.page.unknown');
  const yesNo = (v: boolean) => (v ? t('organisations.page.yes') : t('organisations.page.no'));
  const naf = organisation.naf ? `${organisation.naf} — ${nafLabel(organisation.naf) ?? ''}` : unknown;
  const department = organisation.department
    ? `${organisation.department} — ${departmentName(organisation.department) ?? ''}`
    : unknown;
  return (
    <dl class="facts">
      <dt>{t('organisations.space.kind')}</dt>
      <dd>{t(`organisations.kind.${organisation.kind}`)}</dd>
      {organisation.siret ? (
        <>
          <dt>{t('organisations.page.siret')}</dt>
          <dd class="mono">{formatSiret(organisation.siret)}</dd>
        </>
      ) : null}
      {organisation.kind === 'company' ? (
        <>
          <dt>{t('organisations.page.naf')}</dt>
          <dd>{naf}</dd>
          <dt>{t('organisations.page.size')}</dt>
          <dd>{organisation.size ? t(`organisations.size.short.${organisation.size}`) : unknown}</dd>
        </>
      ) : null}
      <dt>{t('organisations.page.department')}</dt>
      <dd>{department}</dd>
      <dt>{t('organisations.page.city')}</dt>
      <dd>{organisation.city ?? unknown}</dd>
      {organisation.kind === 'company' ? (
        <>
          <dt>{t('organisations.page.ess')}</dt>
          <dd>{yesNo(organisation.is_ess)}</dd>
          <dt>{t('organisations.page.siae')}</dt>
          <dd>{yesNo(organisation.is_siae)}</dd>
        </>
      ) : null}
      {organisation.kind === 'buyer' ? (
        <>
          <dt>{t('organisations.page.member_since')}</dt>
          <dd>{organisation.member_since ? formatDate(calendarDay(organisation.member_since), locale) : unknown}</dd>
          {organisation.member_until ? (
            <>
              <dt>{t('organisations.page.member_until')}</dt>
              <dd>{formatDate(calendarDay(organisation.member_until), locale)}</dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

function MemberActions({
  ctx,
  organisation,
  member,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  member: MemberView;
}) {
  const { t } = ctx;
  const base = `/mon-espace/organisation/membres/${member.user_id}`;
  return (
    <>
      <Form ctx={ctx} action={`${base}/role`} class="inline-form">
        <select name="role" aria-label={t('organisations.members.new_role', { name: member.name })}>
          {rolesForKind(organisation.kind).map((r) => (
            <option key={r} value={r} selected={r === member.role}>
              {t(`organisations.role.${r}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button-secondary">
          {t('organisations.members.change_role')}
        </button>
      </Form>{' '}
      <Form ctx={ctx} action={`${base}/retirer`} class="inline-form">
        <button
          type="submit"
          class="button-danger"
          aria-label={t('organisations.members.remove_label', { name: member.name })}
        >
          {t('organisations.members.remove')}
        </button>
      </Form>
    </>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  members,
  invitations,
  canAdminister,
  currentUserId,
  notice,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  members: MemberView[];
  invitations: InvitationView[];
  canAdminister: boolean;
  currentUserId: string;
  notice?: string | undefined;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={organisation.name} wide>
      <p class="muted">{t('organisations.page.title')}</p>
      <h1>{organisation.name}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('organisations.page.details')}</h2>
      <Details ctx={ctx} organisation={organisation} />

      <h2>{t('organisations.members.title')}</h2>
      {canAdminister ? null : <p>{t('organisations.page.readonly')}</p>}
      <div class="table-scroll">
        <table>
          <caption>{t('organisations.members.caption', { organisation: organisation.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.members.name')}</th>
              <th scope="col">{t('organisations.members.email')}</th>
              <th scope="col">{t('organisations.members.role')}</th>
              <th scope="col">{t('organisations.members.since')}</th>
              {canAdminister ? <th scope="col">{t('organisations.members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.user_id}>
                <th scope="row">
                  {m.name}
                  {m.user_id === currentUserId ? ` ${t('organisations.members.you')}` : ''}
                </th>
                <td>{m.email}</td>
                <td>{t(`organisations.role.${m.role}`)}</td>
                <td>{formatDate(m.created_at, locale)}</td>
                {canAdminister ? (
                  <td>
                    <MemberActions ctx={ctx} organisation={organisation} member={m} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('organisations.invitations.title')}</h2>
      {invitations.length === 0 ? (
        <p>{t('organisations.invitations.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('organisations.invitations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.members.email')}</th>
                <th scope="col">{t('organisations.members.role')}</th>
                <th scope="col">{t('organisations.invitations.by')}</th>
                <th scope="col">{t('organisations.invitations.expires')}</th>
                {canAdminister ? <th scope="col">{t('organisations.members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{t(`organisations.role.${i.role}` as MessageKey)}</td>
                  <td>{i.invited_by_name ?? ''}</td>
                  <td>{formatDate(i.expires_at, locale)}</td>
                  {canAdminister ? (
                    <td>
                      <Form
                        ctx={ctx}
                        action={`/mon-espace/organisation/invitations/${i.id}/annuler`}
                        class="inline-form"
                      >
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t('organisations.invitations.revoke_label', { email: i.email })}
                        >
                          {t('organisations.invitations.revoke')}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canAdminister ? (
        <section aria-labelledby="inviter">
          <h2 id="inviter">{t('organisations.invite.title')}</h2>
          <Form ctx={ctx} action="/mon-espace/organisation/invitations">
            <TextField
              ctx={ctx}
              name="email"
              type="email"
              label={t('organisations.invite.email')}
              value={values.email}
              errors={errors}
              required
              autocomplete="off"
              maxLength={254}
            />
            <SelectField
              ctx={ctx}
              name="role"
              label={t('organisations.invite.role')}
              options={roleOptions(ctx, organisation.kind)}
              value={values.role}
              errors={errors}
              required
            />
            <div class="actions">
              <button type="submit">{t('organisations.invite.submit')}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}
