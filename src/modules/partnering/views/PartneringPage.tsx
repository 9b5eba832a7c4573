import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, SelectField, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PartneringEntry, TenderHead } from '../repo.js';

const roles = ['lead', 'cocontractor', 'subcontractor'] as const;

export function PartneringPage({
  ctx,
  tender,
  entries,
  companyId,
  open,
  notice,
  errors = [],
  values,
}: {
  ctx: PageContext;
  tender: TenderHead;
  entries: PartneringEntry[];
  companyId: string;
  open: boolean;
  notice?: string | undefined;
  errors?: FieldError[];
  values?: FormValues | undefined;
}) {
  const { t } = ctx;
  const base = `/consultations/${encodeURIComponent(tender.reference)}/cotraitance`;
  const own = entries.find((e) => e.companyId === companyId);
  const current: FormValues = values ?? (own ? { role: own.role, note: own.note, skills: own.skills } : {});
  return (
    <Layout ctx={ctx} title={t('partnering.title')}>
      <p>
        <a href={`/consultations/${encodeURIComponent(tender.reference)}`}>
          <span class="mono">{tender.reference}</span> — {tender.title}
        </a>
      </p>
      <h1>{t('partnering.title')}</h1>
      <p>{t('partnering.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {open ? null : <Notice kind="info">{t('partnering.closed')}</Notice>}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('partnering.list.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('partnering.list.empty')}</p>
      ) : (
        <ul class="cards">
          {entries.map((e) => (
            <li key={e.companyId}>
              <h3>
                {e.companyName} {e.companyId === companyId ? t('partnering.list.you') : null}
              </h3>
              <p>
                <strong>{t(`partnering.role.${e.role}`)}</strong> — {e.city} ({e.department})
                {e.size ? ` — ${e.size}` : ''}
              </p>
              {e.skills ? <p>{e.skills}</p> : null}
              {e.note ? <p class="muted">{e.note}</p> : null}
              {open && own && e.companyId !== companyId ? (
                <Form
                  ctx={ctx}
                  action={`${base}/${e.companyId}/contact`}
                  label={t('partnering.contact.label', { name: e.companyName })}
                >
                  <TextAreaField
                    ctx={ctx}
                    name={`message-${e.companyId}`}
                    label={t('partnering.contact.message', { name: e.companyName })}
                    errors={errors}
                    maxLength={4000}
                    rows={3}
                  />
                  <button type="submit">{t('partnering.contact.submit')}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <>
          <h2>{t(own ? 'partnering.declare.update' : 'partnering.declare.title')}</h2>
          <Form ctx={ctx} action={base}>
            <SelectField
              ctx={ctx}
              name="role"
              label={t('partnering.field.role')}
              options={[
                { value: '', label: t('organisations.signup.choose') },
                ...roles.map((r) => ({ value: r, label: t(`partnering.role.${r}`) })),
              ]}
              value={current.role}
              errors={errors}
              required
            />
            <TextField
              ctx={ctx}
              name="skills"
              label={t('partnering.field.skills')}
              value={current.skills}
              errors={errors}
              maxLength={500}
            />
            <TextAreaField
              ctx={ctx}
              name="note"
              label={t('partnering.field.note')}
              value={current.note}
              errors={errors}
              maxLength={2000}
              rows={4}
            />
            <button type="submit">{t(own ? 'partnering.declare.save' : 'partnering.declare.submit')}</button>
          </Form>
          {own ? (
            <Form ctx={ctx} action={`${base}/retirer`}>
              <button type="submit" class="button-secondary">
                {t('partnering.withdraw')}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
