import type { DbOrTrx } from '../../platform/db/kysely.js';
import { formatParisDate } from '../../platform/i18n/paris-time.js';
import type { PageContext } from '../../web/context.js';
import { formatEuros } from './domain/format.js';
import { evaluationStatuses, isEvaluator } from './policies.js';

/**
 * The award notice (avis d'attribution) on the tender's public notice page, once every lot is
 * decided: per lot the winner and the amount of its offer, or the outcome, and the decision date.
 * Public information only (no scores, no other bidders).
 */
export async function awardNoticeSlot(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string },
) {
  const link = await evaluatorLink(db, ctx, tender);
  if (!['awarded', 'unsuccessful', 'cancelled'].includes(tender.status)) return link;
  const rows = await db
    .selectFrom('lot_decisions')
    .innerJoin('lots', 'lots.id', 'lot_decisions.lot_id')
    .leftJoin('organisations', 'organisations.id', 'lot_decisions.winner_company_id')
    .select([
      'lots.number',
      'lots.title',
      'lot_decisions.outcome',
      'lot_decisions.offer_amount_cents',
      'lot_decisions.decided_at',
      'organisations.name as winner',
    ])
    .where('lot_decisions.tender_id', '=', tender.id)
    .orderBy('lots.number')
    .execute();
  if (rows.length === 0) return link;
  const { t, locale } = ctx;
  return (
    <>
      {link}
      <section class="card" aria-labelledby="avis-attribution">
        <h2 id="avis-attribution">{t('evaluation.notice.title')}</h2>
        <table>
          <caption>{t('evaluation.notice.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.col.lot')}</th>
              <th scope="col">{t('evaluation.notice.result')}</th>
              <th scope="col">{t('evaluation.col.amount')}</th>
              <th scope="col">{t('evaluation.notice.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.number}>
                <th scope="row">{t('evaluation.lot_heading', { number: r.number, title: r.title })}</th>
                <td>{r.outcome === 'awarded' ? r.winner : t(`evaluation.decided.${r.outcome}`)}</td>
                <td>{r.offer_amount_cents !== null ? formatEuros(r.offer_amount_cents, locale) : '—'}</td>
                <td>{formatParisDate(r.decided_at, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** For the buyer's agents, the way to the evaluation pages once bids are opened. */
async function evaluatorLink(db: DbOrTrx, ctx: PageContext, tender: { id: string; reference: string; status: string }) {
  if (!(evaluationStatuses as readonly string[]).includes(tender.status)) return null;
  const head = await db.selectFrom('tenders').select('buyer_id').where('id', '=', tender.id).executeTakeFirst();
  if (!head || !isEvaluator(ctx.principal, head)) return null;
  return (
    <p>
      <a class="button" href={`/mon-espace/consultations/${encodeURIComponent(tender.reference)}/analyse`}>
        {ctx.t('evaluation.link')}
      </a>
    </p>
  );
}
