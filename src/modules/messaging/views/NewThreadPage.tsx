import type { FieldError } from '../../../platform/errors.js';
import { SelectField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { messagingPaths } from '../paths.js';
import type { WritableCompany } from '../repo.js';
import { MessageForm } from './parts.js';

/** The buyer writes to one company that took part in the tender (thread created or continued). */
export function NewThreadPage({
  ctx,
  tender,
  companies,
  errors = [],
  values = {},
  maxFileBytes,
}: {
  ctx: PageContext;
  tender: { reference: string; title: string };
  companies: WritableCompany[];
  errors?: FieldError[];
  values?: Record<string, string>;
  maxFileBytes: number;
}) {
  const { t } = ctx;
  const participation = (c: WritableCompany) =>
    [
      c.retrieved ? t('messaging.participation.retrieved') : '',
      c.submitted ? t('messaging.participation.submitted') : '',
      !c.retrieved && !c.submitted ? t('messaging.participation.thread') : '',
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <Layout ctx={ctx} title={`${t('messaging.buyer.new.title')} — ${tender.reference}`}>
      <p>
        <a href={messagingPaths.buyerTender(tender.reference)}>{t('messaging.thread.back.buyer')}</a>
      </p>
      <h1>
        {t('messaging.buyer.new.title')} <span class="muted">— {tender.reference}</span>
      </h1>
      <p>{tender.title}</p>
      {companies.length === 0 ? (
        <p>{t('messaging.buyer.new.none')}</p>
      ) : (
        <MessageForm
          ctx={ctx}
          action={messagingPaths.buyerNewThread(tender.reference)}
          title={t('messaging.form.write')}
          errors={errors}
          values={values}
          maxFileBytes={maxFileBytes}
        >
          <p class="hint">{t('messaging.form.company.hint')}</p>
          <SelectField
            ctx={ctx}
            name="company"
            label={t('messaging.form.company')}
            options={companies.map((c) => ({
              value: c.id,
              label: `${c.name}${c.siret ? ` (${c.siret})` : ''} — ${participation(c)}`,
            }))}
            value={values.company}
            errors={errors}
            required
          />
        </MessageForm>
      )}
    </Layout>
  );
}
