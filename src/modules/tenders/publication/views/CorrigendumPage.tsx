import type { FieldError } from '../../../../platform/errors.js';
import { CheckboxField, ErrorSummary, Form, TextAreaField, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import { Layout } from '../../../../web/layout.js';
import type { CorrigendumField } from '../../domain/corrigendum.js';
import type { TenderRow } from '../repo.js';
import { DeadlineFields } from './parts.js';

export function CorrigendumPage({
  ctx,
  tender,
  fields,
  values,
  errors = [],
  stagedDocuments,
  refusal,
}: {
  ctx: PageContext;
  tender: TenderRow;
  /** the fields the lifecycle lets a corrigendum change now */
  fields: CorrigendumField[];
  values: FormValues;
  errors?: FieldError[];
  stagedDocuments: number;
  /** why no corrigendum is possible (not published, deadline passed), instead of the form */
  refusal?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('publication.corrigendum.title', { reference: tender.reference });
  const has = (field: CorrigendumField) => fields.includes(field);
  const showCandidature =
    has('candidature_deadline') && (tender.procedure_type === 'restricted' || !!tender.candidature_deadline);
  const manage = `/mon-espace/consultations/${tender.reference}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="muted">{tender.title}</p>
      {refusal ? (
        <>
          <div class="alert alert-error" role="alert">
            {refusal}
          </div>
          <p>
            <a href={manage}>{t('publication.publish.cancel')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('publication.corrigendum.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`/mon-espace/consultations/${tender.reference}/rectificatif`}>
            <TextAreaField
              ctx={ctx}
              name="reason"
              label={t('publication.corrigendum.reason')}
              hint={t('publication.corrigendum.reason.hint')}
              value={values.reason}
              errors={errors}
              required
              maxLength={5000}
              rows={4}
            />
            {has('title') || has('description') ? (
              <fieldset>
                <legend>{t('publication.corrigendum.content')}</legend>
                {has('title') ? (
                  <TextField
                    ctx={ctx}
                    name="title"
                    label={t('publication.field.title')}
                    value={values.title}
                    errors={errors}
                    required
                    maxLength={300}
                  />
                ) : null}
                {has('description') ? (
                  <TextAreaField
                    ctx={ctx}
                    name="description"
                    label={t('publication.field.description')}
                    value={values.description}
                    errors={errors}
                    maxLength={20000}
                    rows={8}
                  />
                ) : null}
              </fieldset>
            ) : null}
            {has('submission_deadline') ? (
              <fieldset>
                <legend>{t('publication.corrigendum.deadlines')}</legend>
                <DeadlineFields
                  ctx={ctx}
                  name="submission_deadline"
                  label={t('publication.field.submission_deadline')}
                  date={values.submission_deadline_date}
                  time={values.submission_deadline_time}
                  errors={errors}
                  required
                />
                {showCandidature ? (
                  <DeadlineFields
                    ctx={ctx}
                    name="candidature_deadline"
                    label={t('publication.field.candidature_deadline')}
                    date={values.candidature_deadline_date}
                    time={values.candidature_deadline_time}
                    errors={errors}
                  />
                ) : null}
                {has('questions_deadline') ? (
                  <DeadlineFields
                    ctx={ctx}
                    name="questions_deadline"
                    label={t('publication.field.questions_deadline')}
                    date={values.questions_deadline_date}
                    time={values.questions_deadline_time}
                    errors={errors}
                  />
                ) : null}
              </fieldset>
            ) : null}
            {has('contact_name') ? (
              <fieldset>
                <legend>{t('publication.corrigendum.contact')}</legend>
                <TextField
                  ctx={ctx}
                  name="contact_name"
                  label={t('publication.field.contact_name')}
                  value={values.contact_name}
                  errors={errors}
                  maxLength={200}
                />
                <TextField
                  ctx={ctx}
                  name="contact_email"
                  type="email"
                  label={t('publication.field.contact_email')}
                  value={values.contact_email}
                  errors={errors}
                  maxLength={200}
                />
                <TextField
                  ctx={ctx}
                  name="contact_phone"
                  type="tel"
                  label={t('publication.field.contact_phone')}
                  value={values.contact_phone}
                  errors={errors}
                  maxLength={200}
                />
              </fieldset>
            ) : null}
            {has('max_file_size_bytes') ? (
              <fieldset>
                <legend>{t('publication.corrigendum.conditions')}</legend>
                <TextField
                  ctx={ctx}
                  name="max_file_size_mb"
                  type="number"
                  inputMode="numeric"
                  label={t('publication.corrigendum.max_file_size')}
                  value={values.max_file_size_mb}
                  errors={errors}
                  required
                />
              </fieldset>
            ) : null}
            <fieldset>
              <legend>{t('publication.corrigendum.documents')}</legend>
              {stagedDocuments > 0 ? (
                <CheckboxField
                  name="include_documents"
                  label={t('publication.corrigendum.include_documents', {
                    count: stagedDocuments,
                    version: tender.dce_version + 1,
                  })}
                  checked={values.include_documents === 'on'}
                />
              ) : (
                <p>{t('publication.corrigendum.no_pending_documents')}</p>
              )}
              <p>
                <a href={`${manage}/documents`}>{t('publication.corrigendum.manage_documents')}</a>
              </p>
            </fieldset>
            <div class="actions">
              <button type="submit">{t('publication.corrigendum.submit')}</button>
              <a href={manage}>{t('publication.publish.cancel')}</a>
            </div>
          </Form>
        </>
      )}
    </Layout>
  );
}
