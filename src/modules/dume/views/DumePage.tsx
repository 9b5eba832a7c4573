import type { FieldError } from '../../../platform/errors.js';
import { csrfFieldName } from '../../../platform/http/csrf.js';
import { ErrorSummary, Form, fieldId, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { EspdCriterion } from '../domain/criteria.js';
import { exclusionGroundNames } from '../domain/groundNames.js';
import type { DumeCompany, DumeTender } from '../repo.js';

export function DumePage({
  ctx,
  tender,
  company,
  criteria,
  answers,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  tender: DumeTender;
  company: DumeCompany;
  criteria: EspdCriterion[];
  answers: Record<string, boolean>;
  notice?: string | undefined;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const base = `/consultations/${encodeURIComponent(tender.reference)}/dume`;
  const selection = criteria.filter((c) => c.kind === 'selection');
  const exclusions = criteria.filter((c) => c.kind === 'exclusion');
  return (
    <Layout ctx={ctx} title={t('dume.title', { reference: tender.reference })}>
      <p>
        <a href={`/consultations/${encodeURIComponent(tender.reference)}`}>
          <span class="mono">{tender.reference}</span> — {tender.title}
        </a>
      </p>
      <h1>{t('dume.title', { reference: tender.reference })}</h1>
      <p>{t('dume.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('dume.company')}</h2>
      <dl class="facts">
        <dt>{t('organisations.field.name')}</dt>
        <dd>{company.name}</dd>
        <dt>{t('organisations.page.siret')}</dt>
        <dd class="mono">{company.siret}</dd>
        <dt>{t('dume.address')}</dt>
        <dd>{[company.street, company.postalCode, company.city].filter(Boolean).join(' ')}</dd>
      </dl>
      <p>
        <a href="/mon-espace/entreprise">{t('dume.profile_link')}</a>
      </p>
      <ul class="actions">
        <li>
          <a href={`${base}.xml`}>{t('dume.export.xml')}</a>
        </li>
        <li>
          <a href={`${base}.pdf`}>{t('dume.export.pdf')}</a>
        </li>
      </ul>
      <Form ctx={ctx} action={base}>
        <fieldset>
          <legend>{t('dume.selection.legend')}</legend>
          {selection.map((c) => (
            <div class="field field-checkbox" key={c.id}>
              <input
                id={fieldId(`selection-${c.id}`)}
                type="checkbox"
                name="yes"
                value={c.questionId}
                checked={answers[c.questionId] ?? true}
              />
              <label for={fieldId(`selection-${c.id}`)}>{t('dume.selection.all')}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('dume.exclusion.legend')}</legend>
          <p class="hint">{t('dume.exclusion.hint')}</p>
          {exclusions.map((c) => (
            <div class="field field-checkbox" key={c.id}>
              <input
                id={fieldId(`exclusion-${c.id}`)}
                type="checkbox"
                name="yes"
                value={c.questionId}
                checked={answers[c.questionId] ?? false}
              />
              {exclusionGroundNames[c.typeCode] ? (
                <label for={fieldId(`exclusion-${c.id}`)}>{exclusionGroundNames[c.typeCode]?.[ctx.locale]}</label>
              ) : (
                <label for={fieldId(`exclusion-${c.id}`)} lang="en">
                  {c.name}
                </label>
              )}
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('dume.save')}</button>
      </Form>
      <h2>{t('dume.import.title')}</h2>
      <form method="post" action={`${base}/import`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name={csrfFieldName} value={ctx.csrfToken} />
        <div class={errors.some((e) => e.field === 'file') ? 'field field-error' : 'field'}>
          <label for={fieldId('file')}>{t('dume.import.file')}</label>
          <input id={fieldId('file')} type="file" name="file" accept=".xml,application/xml,text/xml" />
        </div>
        <button type="submit" class="button-secondary">
          {t('dume.import.submit')}
        </button>
      </form>
    </Layout>
  );
}
