import { type ComponentChildren, Fragment } from 'preact';
import type { MailStatus } from '../../../platform/db/schema.js';
import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { MailRow } from '../repo.js';
import { AdminPage, FilterForm, formatTimestamp, Paging } from './parts.js';

const statusChip: Record<MailStatus, string> = {
  pending: 'chip',
  sent: 'chip chip-success',
  kept: 'chip',
  failed: 'chip chip-danger',
};

function Status({ ctx, status }: { ctx: PageContext; status: MailStatus }) {
  return <span class={statusChip[status]}>{ctx.t(`backoffice.mail.status.${status}`)}</span>;
}

export function MailsPage({
  ctx,
  recipient,
  errors,
  rows,
  total,
  page,
  pageSize,
  smtp,
}: {
  ctx: PageContext;
  recipient: string | undefined;
  errors: FieldError[];
  rows: MailRow[];
  total: number;
  page: number;
  pageSize: number;
  smtp: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <AdminPage ctx={ctx} title={t('backoffice.mails.title')}>
      <p>{t(smtp ? 'backoffice.mails.intro.smtp' : 'backoffice.mails.intro.kept')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action="/administration/courriels">
        <TextField
          ctx={ctx}
          name="destinataire"
          type="text"
          label={t('backoffice.mails.filter.recipient')}
          value={recipient}
          errors={errors}
          maxLength={254}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <p>{t('backoffice.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('backoffice.mails.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.mails.col.date')}</th>
                <th scope="col">{t('backoffice.mails.col.to')}</th>
                <th scope="col">{t('backoffice.mails.col.subject')}</th>
                <th scope="col">{t('backoffice.mails.col.template')}</th>
                <th scope="col">{t('backoffice.mails.col.status')}</th>
                <th scope="col">{t('backoffice.mails.col.attempts')}</th>
                <th scope="col">{t('backoffice.mails.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <time dateTime={m.created_at.toISOString()}>{formatTimestamp(m.created_at, locale)}</time>
                  </td>
                  <td>{m.to_address}</td>
                  <th scope="row">
                    <a href={`/administration/courriels/${m.id}`}>{m.subject}</a>
                  </th>
                  <td class="mono">{m.template}</td>
                  <td>
                    <Status ctx={ctx} status={m.status} />
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.last_error ?? t('backoffice.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Paging
        ctx={ctx}
        path="/administration/courriels"
        params={{ destinataire: recipient }}
        page={page}
        total={total}
        pageSize={pageSize}
      />
    </AdminPage>
  );
}

export function MailPage({ ctx, mail }: { ctx: PageContext; mail: MailRow & { text_body: string } }) {
  const { t, locale } = ctx;
  const none = t('backoffice.none');
  const facts: [string, ComponentChildren][] = [
    [t('backoffice.mail.to'), mail.to_address],
    [t('backoffice.mail.date'), formatTimestamp(mail.created_at, locale)],
    [t('backoffice.mail.sent_at'), mail.sent_at ? formatTimestamp(mail.sent_at, locale) : none],
    [t('backoffice.mail.template'), <span class="mono">{mail.template}</span>],
    [t('backoffice.mail.status'), <Status ctx={ctx} status={mail.status} />],
    [t('backoffice.mail.attempts'), String(mail.attempts)],
    [t('backoffice.mail.error'), mail.last_error ?? none],
  ];
  return (
    <AdminPage ctx={ctx} title={mail.subject}>
      <p>
        <a href="/administration/courriels">{t('backoffice.mail.back')}</a>
      </p>
      <dl class="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('backoffice.mail.body')}</h2>
      <pre class="mail">{mail.text_body}</pre>
    </AdminPage>
  );
}
