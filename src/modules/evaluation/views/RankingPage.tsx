import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { isRanked } from '../domain/classification.js';
import { formatEuros, formatPoints } from '../domain/format.js';
import type { Readiness } from '../ranking.js';
import type { LotView, TenderHead } from '../repo.js';
import { bidStatus, LotNav, progressLabel, TenderLink } from './parts.js';

export function RankingTable({ ctx, view, readiness }: { ctx: PageContext; view: LotView; readiness: Readiness }) {
  const { t, locale } = ctx;
  if (!readiness.ready || !view.setup) return null;
  const criteria = view.setup.criteria;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('evaluation.rank.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.col.rank')}</th>
            <th scope="col">{t('evaluation.col.company')}</th>
            <th scope="col">{t('evaluation.col.amount')}</th>
            {criteria.map((c) => (
              <th scope="col" key={c.id}>
                {c.label} (/{formatPoints(c.weightBp / 100, locale)})
              </th>
            ))}
            <th scope="col">{t('evaluation.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {readiness.ranking.offers.map((o) => (
            <tr key={o.submissionId}>
              <td>
                {o.rank}
                {o.tied ? (
                  <>
                    {' '}
                    <span class="chip">
                      {t(o.tieBreak === 'deposit' ? 'evaluation.rank.tied_deposit' : 'evaluation.rank.tied_price')}
                    </span>
                  </>
                ) : null}
              </td>
              <th scope="row">{o.companyName}</th>
              <td>{formatEuros(o.amountCents, locale)}</td>
              {criteria.map((c) => (
                <td key={c.id}>{formatPoints(o.points[c.id] ?? 0, locale)}</td>
              ))}
              <td>
                <strong>{formatPoints(o.total, locale)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RankingPage({
  ctx,
  tender,
  view,
  readiness,
}: {
  ctx: PageContext;
  tender: TenderHead;
  view: LotView;
  readiness: Readiness;
}) {
  const { t } = ctx;
  const title = `${t('evaluation.step.rank')} — ${t('evaluation.lot_heading', { number: view.lot.number, title: view.lot.title })}`;
  const names = new Map(view.bids.map((b) => [b.submissionId, b.companyName]));
  const criteria = new Map((view.setup?.criteria ?? []).map((c) => [c.id, c.label]));
  const eliminated = view.bids.filter((b) => !isRanked(b) && b.admissibility !== null && b.classification !== null);
  return (
    <Layout ctx={ctx} title={title} wide>
      <TenderLink tender={tender} />
      <h1>{title}</h1>
      <LotNav ctx={ctx} tender={tender} lot={view.lot} current="classement" />
      <p>
        <strong>{progressLabel(ctx, readiness)}</strong>
      </p>
      {!readiness.ready && readiness.pending.length > 0 ? (
        <>
          <p>{t('evaluation.rank.missing')}</p>
          <ul>
            {readiness.pending.slice(0, 50).map((p) => (
              <li key={`${p.submissionId}-${p.step}`}>
                {p.step === 'amount'
                  ? t('evaluation.rank.missing_amount', { company: names.get(p.submissionId) ?? '' })
                  : criteria.has(p.step)
                    ? t('evaluation.rank.missing_score', {
                        company: names.get(p.submissionId) ?? '',
                        criterion: criteria.get(p.step) ?? '',
                      })
                    : t('evaluation.rank.missing_step', {
                        company: names.get(p.submissionId) ?? '',
                        step: t(
                          p.step === 'admissibility' ? 'evaluation.assess.candidature' : 'evaluation.assess.offer',
                        ),
                      })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RankingTable ctx={ctx} view={view} readiness={readiness} />
      <p>{t('evaluation.rank.ties')}</p>
      {eliminated.length > 0 ? (
        <>
          <h2>{t('evaluation.rank.eliminated')}</h2>
          <ul>
            {eliminated.map((b) => (
              <li key={b.submissionId}>
                {b.companyName} — {bidStatus(ctx, b)}
                {b.admissibility === 'rejected'
                  ? ` : ${b.admissibilityReason ?? ''}`
                  : b.classificationReason
                    ? ` : ${b.classificationReason}`
                    : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
