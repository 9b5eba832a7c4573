import type { FieldError } from '../../../platform/errors.js';
import { csrfFieldName } from '../../../platform/http/csrf.js';
import { ErrorSummary, Form, fieldId, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { expiryStatus, vaultDocumentTypes } from '../domain/expiry.js';
import type { VaultDocument } from '../repo.js';

function frenchDate(date: string, locale: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}

export function VaultPage({
  ctx,
  documents,
  today,
  maxFileBytes,
  notice,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  documents: VaultDocument[];
  today: string;
  maxFileBytes: number;
  notice?: string | undefined;
  errors?: FieldError[];
  values?: FormValues;
}) {
  const { t, locale } = ctx;
  const fileErrors = errors.filter((e) => e.field === 'file');
  return (
    <Layout ctx={ctx} title={t('vault.page.title')} wide>
      <h1>{t('vault.page.title')}</h1>
      <p>{t('vault.page.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {documents.length === 0 ? (
        <p>{t('vault.page.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('vault.page.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vault.col.document')}</th>
                <th scope="col">{t('vault.col.type')}</th>
                <th scope="col">{t('vault.col.validity')}</th>
                <th scope="col">{t('vault.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => {
                const status = expiryStatus(d.validUntil, today);
                return (
                  <tr key={d.id} data-status={status}>
                    <th scope="row">
                      {d.title}
                      <p class="muted">{d.fileName}</p>
                    </th>
                    <td>{t(`vault.type.${d.type}`)}</td>
                    <td>
                      <span class={status === 'expired' ? 'chip chip-danger' : 'chip'}>
                        {d.validUntil
                          ? t(`vault.status.${status as 'valid'}`, { date: frenchDate(d.validUntil, locale) })
                          : t('vault.status.none')}
                      </span>
                    </td>
                    <td>
                      <a href={`/mon-espace/coffre-fort/${d.id}`}>{t('vault.download')}</a>
                      <Form ctx={ctx} action={`/mon-espace/coffre-fort/${d.id}/supprimer`} class="inline-form">
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t('vault.delete.label', { title: d.title })}
                        >
                          {t('vault.delete.submit')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('vault.upload.title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/mon-espace/coffre-fort" enctype="multipart/form-data" novalidate>
        {/* the token first: the server reads it before the file (see routes.tsx) */}
        <input type="hidden" name={csrfFieldName} value={ctx.csrfToken} />
        <SelectField
          ctx={ctx}
          name="type"
          label={t('vault.field.type')}
          options={[
            { value: '', label: t('organisations.signup.choose') },
            ...vaultDocumentTypes.map((type) => ({ value: type, label: t(`vault.type.${type}`) })),
          ]}
          value={values.type}
          errors={errors}
          required
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('vault.field.title')}
          value={values.title}
          errors={errors}
          required
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="valid_until"
          type="date"
          label={t('vault.field.valid_until')}
          hint={t('vault.field.valid_until.hint')}
          value={values.valid_until}
          errors={errors}
        />
        <div class={fileErrors.length ? 'field field-error' : 'field'}>
          <label for={fieldId('file')}>
            {t('vault.field.file')} <span class="required">({t('form.required')})</span>
          </label>
          <p class="hint" id={`${fieldId('file')}-aide`}>
            {t('vault.field.file.hint', { size: `${Math.round(maxFileBytes / 1024 / 1024)} Mo` })}
          </p>
          {fileErrors.length ? (
            <p class="error-message" id={`${fieldId('file')}-erreur`}>
              {fileErrors.map((e) => t(e.message as MessageKey)).join(' ')}
            </p>
          ) : null}
          <input
            id={fieldId('file')}
            type="file"
            name="file"
            required
            aria-invalid={fileErrors.length ? 'true' : undefined}
            aria-describedby={`${fieldId('file')}-aide${fileErrors.length ? ` ${fieldId('file')}-erreur` : ''}`}
          />
        </div>
        <button type="submit">{t('vault.upload.submit')}</button>
      </form>
    </Layout>
  );
}
