import type { FieldError } from '../../../platform/errors.js';
import { formatParisDate } from '../../../platform/i18n/paris-time.js';
import { ErrorSummary, Form, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { Readiness } from '../ranking.js';
import type { LotView, TenderHead } from '../repo.js';
import { base, lotBase, progressLabel, TenderLink } from './parts.js';

export function OverviewPage({
  ctx,
  tender,
  lots,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  tender: TenderHead;
  lots: { view: LotView; readiness: Readiness }[];
  notice?: string | undefined;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('evaluation.title')} wide>
      <TenderLink tender={tender} />
      <h1>{t('evaluation.title')}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('evaluation.intro')}</p>
      {tender.status === 'opened' ? (
        <section>
          <h2>{t('evaluation.start.title')}</h2>
          <p>{t('evaluation.start.intro')}</p>
          <Form ctx={ctx} action={`${base(tender.reference)}/demarrer`}>
            <button type="submit">{t('evaluation.start.submit')}</button>
          </Form>
        </section>
      ) : (
        <>
          <div class="table-scroll">
            <table>
              <caption>{t('evaluation.lots.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.col.lot')}</th>
                  <th scope="col">{t('evaluation.col.bids')}</th>
                  <th scope="col">{t('evaluation.col.progress')}</th>
                  <th scope="col">{t('evaluation.col.decision')}</th>
                  <th scope="col">{t('evaluation.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {lots.map(({ view, readiness }) => {
                  const b = lotBase(tender.reference, view.lot.number);
                  return (
                    <tr key={view.lot.id}>
                      <th scope="row">
                        {t('evaluation.lot_heading', { number: view.lot.number, title: view.lot.title })}
                      </th>
                      <td>{view.bids.length}</td>
                      <td>{view.decision ? '—' : progressLabel(ctx, readiness)}</td>
                      <td>
                        {view.decision
                          ? `${t(`evaluation.decided.${view.decision.outcome}`)} — ${formatParisDate(view.decision.decided_at, ctx.locale)}`
                          : t('evaluation.decided.none')}
                      </td>
                      <td>
                        <a href={`${b}/recevabilite`}>{t('evaluation.step.assess')}</a>
                        {' · '}
                        <a href={`${b}/notation`}>{t('evaluation.step.score')}</a>
                        {' · '}
                        <a href={`${b}/classement`}>{t('evaluation.step.rank')}</a>
                        {' · '}
                        <a href={`${b}/decision`}>{t('evaluation.step.decide')}</a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`${base(tender.reference)}/rapport.pdf`}>{t('evaluation.report')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
