import { CheckboxField, Form, TextField } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { FormValues } from '../../../../web/forms.js';
import type { DraftRow } from '../repo.js';
import { megabyte } from '../saveContact.js';
import { type StepError, StepPage, stepUrl } from './parts.js';

export function contactValues(tender: DraftRow): FormValues {
  return {
    contact_name: tender.contact_name ?? '',
    contact_email: tender.contact_email ?? '',
    contact_phone: tender.contact_phone ?? '',
    electronic_signature_required: tender.electronic_signature_required ? 'on' : '',
    backup_copy_allowed: tender.backup_copy_allowed ? 'on' : '',
    max_file_size_mb: String(Math.round(Number(tender.max_file_size_bytes) / megabyte)),
  };
}

export function ContactStep({
  ctx,
  tender,
  values,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  tender: DraftRow;
  values: FormValues;
  errors?: StepError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <StepPage
      ctx={ctx}
      reference={tender.reference}
      tenderTitle={tender.title}
      step="contact"
      errors={errors}
      notice={notice}
    >
      <Form ctx={ctx} action={stepUrl(tender.reference, 'contact')}>
        <fieldset>
          <legend>{t('drafting.contact.legend')}</legend>
          <TextField
            ctx={ctx}
            name="contact_name"
            label={t('drafting.contact.name')}
            hint={t('drafting.contact.name.hint')}
            value={values.contact_name}
            errors={errors}
            required
            maxLength={200}
          />
          <TextField
            ctx={ctx}
            type="email"
            name="contact_email"
            label={t('drafting.contact.email')}
            value={values.contact_email}
            errors={errors}
            required
            maxLength={254}
          />
          <TextField
            ctx={ctx}
            type="tel"
            name="contact_phone"
            label={t('drafting.contact.phone')}
            value={values.contact_phone}
            errors={errors}
            maxLength={30}
          />
        </fieldset>
        <fieldset>
          <legend>{t('drafting.contact.submission_legend')}</legend>
          <CheckboxField
            name="electronic_signature_required"
            label={t('drafting.contact.signature')}
            checked={values.electronic_signature_required === 'on'}
          />
          <CheckboxField
            name="backup_copy_allowed"
            label={t('drafting.contact.backup')}
            checked={values.backup_copy_allowed === 'on'}
          />
          <TextField
            ctx={ctx}
            name="max_file_size_mb"
            label={t('drafting.contact.max_size')}
            hint={t('drafting.contact.max_size.hint')}
            value={values.max_file_size_mb}
            errors={errors}
            required
            inputMode="numeric"
            maxLength={4}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">{t('drafting.save_continue')}</button>
        </div>
      </Form>
    </StepPage>
  );
}
