import type { FieldError } from '../../../../platform/errors.js';
import { formatDateTime } from '../../../../platform/i18n/translator.js';
import { CsrfField, ErrorSummary, fieldId, Notice, SelectField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import { formatSize, shortSha256 } from '../format.js';
import { documentTypes } from '../limits.js';
import type { DocumentRow, TenderHead } from '../repo.js';
import { versionForChanges } from '../staging.js';

function stateOf(document: DocumentRow, tender: TenderHead): MessageKey {
  if (document.addedInVersion > tender.dceVersion) return 'documents.state.staged_add';
  if (document.removedInVersion !== null) return 'documents.state.staged_remove';
  return 'documents.state.current';
}

/** The buyer's page of a tender's DCE: what is online, what waits for a corrigendum, and the upload form. */
export function DocumentsPage({
  ctx,
  tender,
  documents,
  maxFileBytes,
  errors = [],
  values = {},
  notice,
}: {
  ctx: PageContext;
  tender: TenderHead;
  documents: DocumentRow[];
  maxFileBytes: number;
  errors?: FieldError[];
  values?: { type?: string };
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const base = `/mon-espace/consultations/${encodeURIComponent(tender.reference)}`;
  const target = versionForChanges(tender);
  const editable = target !== null;
  const published = tender.status !== 'draft';
  const fileErrors = errors.filter((e) => e.field === 'file');
  const fileId = fieldId('file');
  return (
    <Layout ctx={ctx} title={t('documents.page.title', { reference: tender.reference })}>
      <p>
        <a href={base}>{t('documents.page.back')}</a>
      </p>
      <h1>{t('documents.page.title', { reference: tender.reference })}</h1>
      <p class="muted">{tender.title}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t(
          !editable
            ? 'documents.page.intro.locked'
            : published
              ? 'documents.page.intro.published'
              : 'documents.page.intro.draft',
        )}
      </p>
      {editable && published && documents.some((d) => stateOf(d, tender) !== 'documents.state.current') ? (
        <p>
          <a href={`${base}/rectificatif`}>{t('documents.page.corrigendum_link')}</a>
        </p>
      ) : null}

      {documents.length === 0 ? (
        <p>{t('documents.list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('documents.list.caption', { version: tender.dceVersion })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.list.name')}</th>
                <th scope="col">{t('documents.list.type')}</th>
                <th scope="col">{t('documents.list.size')}</th>
                <th scope="col">{t('documents.list.sha256')}</th>
                <th scope="col">{t('documents.list.uploaded_at')}</th>
                {published ? <th scope="col">{t('documents.list.state')}</th> : null}
                {editable ? <th scope="col">{t('documents.list.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => {
                const state = stateOf(d, tender);
                return (
                  <tr key={d.id}>
                    <th scope="row">
                      <a href={`${base}/documents/${d.id}`}>{d.fileName}</a>
                    </th>
                    <td>{t(`documents.type.${d.documentType}`)}</td>
                    <td>{formatSize(d.sizeBytes, t, locale)}</td>
                    <td>
                      <span class="mono" title={t('documents.list.sha256_full', { sha256: d.sha256 })}>
                        {shortSha256(d.sha256)}
                      </span>
                    </td>
                    <td>{formatDateTime(d.createdAt, locale)}</td>
                    {published ? <td>{t(state)}</td> : null}
                    {editable ? (
                      <td>
                        {state === 'documents.state.staged_remove' ? null : (
                          <form method="post" action={`${base}/documents/${d.id}/retirer`} class="inline-form">
                            <CsrfField ctx={ctx} />
                            <button
                              type="submit"
                              class="button-danger"
                              aria-label={t('documents.remove.label', { name: d.fileName })}
                            >
                              {t('documents.remove.submit')}
                            </button>
                          </form>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {editable ? (
        <>
          <h2>{t('documents.upload.title')}</h2>
          {/* Fields before the file: the server reads them (CSRF token first) before streaming the file. */}
          <form method="post" action={`${base}/documents`} enctype="multipart/form-data" novalidate>
            <CsrfField ctx={ctx} />
            <SelectField
              ctx={ctx}
              name="type"
              label={t('documents.upload.type')}
              options={documentTypes.map((type) => ({ value: type, label: t(`documents.type.${type}`) }))}
              value={values.type}
              errors={errors}
              required
            />
            <div class={fileErrors.length ? 'field field-error' : 'field'}>
              <label for={fileId}>
                {t('documents.upload.file')}
                <span class="required"> ({t('form.required')})</span>
              </label>
              <p class="hint" id={`${fileId}-aide`}>
                {t('documents.upload.file_hint', { max: formatSize(maxFileBytes, t, locale) })}
              </p>
              {fileErrors.length ? (
                <p class="error-message" id={`${fileId}-erreur`}>
                  {fileErrors.map((e) => t(e.message as MessageKey)).join(' ')}
                </p>
              ) : null}
              <input
                id={fileId}
                name="file"
                type="file"
                required
                aria-invalid={fileErrors.length ? 'true' : undefined}
                aria-describedby={[`${fileId}-aide`, fileErrors.length ? `${fileId}-erreur` : ''].join(' ').trim()}
              />
            </div>
            <div class="actions">
              <button type="submit">{t('documents.upload.submit')}</button>
            </div>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
