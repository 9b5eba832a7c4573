import type { FieldError } from '../../../platform/errors.js';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import { companySizes, formatSiret, listDepartments, nafSubclasses } from '../../organisations/index.js';

/** The company profile form, prefilled from the database, from the registry or from the last post. */
export function ProfilePage({
  ctx,
  siret,
  values,
  canEdit,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  siret: string;
  values: FormValues;
  canEdit: boolean;
  notice?: { kind: 'success' | 'info'; text: string } | undefined;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const choose = { value: '', label: t('organisations.signup.choose') };
  return (
    <Layout ctx={ctx} title={t('registry.profile.title')}>
      <h1>{t('registry.profile.title')}</h1>
      <p>{t('registry.profile.intro')}</p>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('organisations.page.siret')}</dt>
        <dd class="mono">{formatSiret(siret)}</dd>
      </dl>
      {canEdit ? (
        <Form ctx={ctx} action="/mon-espace/entreprise/registre" class="inline-form">
          <button type="submit" class="button-secondary">
            {t('registry.profile.lookup')}
          </button>
        </Form>
      ) : (
        <p>{t('registry.profile.read_only')}</p>
      )}
      <Form ctx={ctx} action="/mon-espace/entreprise">
        <input type="hidden" name="source" value={values.source ?? 'manual'} />
        <fieldset>
          <legend>{t('registry.profile.identity')}</legend>
          <TextField
            ctx={ctx}
            name="name"
            label={t('organisations.field.name')}
            value={values.name}
            errors={errors}
            required
            maxLength={200}
          />
          <TextField
            ctx={ctx}
            name="address"
            label={t('registry.field.address')}
            value={values.address}
            errors={errors}
            maxLength={300}
            autocomplete="street-address"
          />
          <TextField
            ctx={ctx}
            name="postal_code"
            label={t('registry.field.postal_code')}
            value={values.postal_code}
            errors={errors}
            inputMode="numeric"
            maxLength={5}
            autocomplete="postal-code"
          />
          <TextField
            ctx={ctx}
            name="city"
            label={t('registry.field.city')}
            value={values.city}
            errors={errors}
            required
            maxLength={100}
          />
          <SelectField
            ctx={ctx}
            name="department"
            label={t('organisations.field.department')}
            options={[choose, ...listDepartments().map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))]}
            value={values.department}
            errors={errors}
            required
          />
          <SelectField
            ctx={ctx}
            name="naf"
            label={t('organisations.field.naf')}
            options={[choose, ...nafSubclasses().map((n) => ({ value: n.code, label: `${n.code} — ${n.label}` }))]}
            value={values.naf}
            errors={errors}
            required
          />
          <TextField
            ctx={ctx}
            name="legal_category"
            label={t('registry.field.legal_category')}
            value={values.legal_category}
            errors={errors}
            inputMode="numeric"
            maxLength={4}
          />
          <SelectField
            ctx={ctx}
            name="size"
            label={t('organisations.field.size')}
            options={[choose, ...companySizes.map((s) => ({ value: s, label: t(`organisations.size.short.${s}`) }))]}
            value={values.size}
            errors={errors}
            required
          />
          <CheckboxField
            name="head_office"
            label={t('registry.field.head_office')}
            checked={values.head_office === 'on'}
          />
          <CheckboxField name="is_ess" label={t('organisations.field.is_ess')} checked={values.is_ess === 'on'} />
          <CheckboxField name="is_siae" label={t('organisations.field.is_siae')} checked={values.is_siae === 'on'} />
        </fieldset>
        <fieldset>
          <legend>{t('registry.profile.presentation')}</legend>
          <TextAreaField
            ctx={ctx}
            name="description"
            label={t('registry.field.description')}
            value={values.description}
            errors={errors}
            maxLength={4000}
          />
          <TextField
            ctx={ctx}
            name="keywords"
            label={t('registry.field.keywords')}
            value={values.keywords}
            errors={errors}
            maxLength={500}
          />
          <TextField
            ctx={ctx}
            name="cpv_codes"
            label={t('registry.field.cpv_codes')}
            hint={t('registry.field.cpv_codes.hint')}
            value={values.cpv_codes}
            errors={errors}
            maxLength={400}
          />
        </fieldset>
        {canEdit ? <button type="submit">{t('registry.profile.save')}</button> : null}
      </Form>
      <p>
        <a href="/mon-espace/entreprise/annuaire">{t('registry.profile.directory')}</a>
      </p>
    </Layout>
  );
}
