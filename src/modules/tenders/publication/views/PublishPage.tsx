import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { Form } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import { formatWeight } from '../format.js';
import type { CriterionRow, TenderRow } from '../repo.js';
import { Deadline, StatusChip } from './parts.js';

/** The confirmation before publishing: the summary, what blocks it, and the irreversible button. */
export function PublishPage({
  ctx,
  tender,
  lotCount,
  criteria,
  documentCount,
  problems,
  publicUrl,
  now,
}: {
  ctx: PageContext;
  tender: TenderRow;
  lotCount: number;
  criteria: CriterionRow[];
  documentCount: number;
  problems: string[];
  publicUrl: string;
  now: Date;
}) {
  const { t, locale } = ctx;
  const manage = `/mon-espace/consultations/${tender.reference}`;
  const title = t('publication.publish.title', { reference: tender.reference });
  const common = criteria.filter((c) => c.lot_id === null);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {tender.status !== 'draft' ? (
        <div class="alert" role="status">
          <p>
            {t('publication.publish.already', {
              date: tender.published_at ? formatParisDateTime(tender.published_at, locale) : '',
            })}
          </p>
          <p>
            <a href={`/consultations/${tender.reference}`}>{t('publication.actions.notice')}</a>
          </p>
        </div>
      ) : null}
      {tender.status === 'draft' && problems.length > 0 ? (
        <div class="alert alert-error" role="alert" id="erreurs">
          <h2 class="alert-title">{t('publication.publish.problems')}</h2>
          <ul>
            {problems.map((key) => (
              <li key={key}>{t(key as MessageKey)}</li>
            ))}
          </ul>
          <p>
            <a href={manage}>{t('publication.publish.problems.fix')}</a>
          </p>
        </div>
      ) : null}
      <h2>{t('publication.publish.summary')}</h2>
      <dl class="facts">
        <dt>{t('publication.field.title')}</dt>
        <dd>{tender.title}</dd>
        <dt>{t('publication.status.label')}</dt>
        <dd>
          <StatusChip ctx={ctx} status={tender.status} />
        </dd>
        <dt>{t('publication.notice.procedure')}</dt>
        <dd>{t(`publication.procedure.${tender.procedure_type}`)}</dd>
        <dt>{t('publication.notice.category')}</dt>
        <dd>{t(`publication.category.${tender.main_category}`)}</dd>
        <dt>{t('publication.field.submission_deadline')}</dt>
        <dd>
          <Deadline ctx={ctx} value={tender.submission_deadline} now={now} />
        </dd>
        {tender.questions_deadline ? (
          <>
            <dt>{t('publication.field.questions_deadline')}</dt>
            <dd>
              <Deadline ctx={ctx} value={tender.questions_deadline} now={now} />
            </dd>
          </>
        ) : null}
        <dt>{t('publication.publish.lots_count')}</dt>
        <dd>{lotCount}</dd>
        <dt>{t('publication.publish.criteria_count')}</dt>
        <dd>
          {common.length
            ? common.map((c) => `${c.label} ${formatWeight(c.weight_bp, locale)}`).join(' ; ')
            : criteria.length}
        </dd>
        <dt>{t('publication.publish.documents_count')}</dt>
        <dd>{documentCount}</dd>
        <dt>{t('publication.publish.url')}</dt>
        <dd class="mono">{`${publicUrl}/consultations/${tender.reference}`}</dd>
      </dl>
      {tender.status === 'draft' && problems.length === 0 ? (
        <>
          <div class="alert" role="note">
            {t('publication.publish.warning')}
          </div>
          <Form ctx={ctx} action={`/mon-espace/consultations/${tender.reference}/publier`}>
            <div class="actions">
              <button type="submit">{t('publication.publish.submit')}</button>
              <a href={manage}>{t('publication.publish.cancel')}</a>
            </div>
          </Form>
        </>
      ) : (
        <p>
          <a href={manage}>{t('publication.publish.cancel')}</a>
        </p>
      )}
    </Layout>
  );
}
