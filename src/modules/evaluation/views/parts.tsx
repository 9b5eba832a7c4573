import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import type { Readiness } from '../ranking.js';
import type { BidView, LotRow, TenderHead } from '../repo.js';

export const base = (reference: string) => `/mon-espace/consultations/${encodeURIComponent(reference)}/analyse`;
export const lotBase = (reference: string, lot: number) => `${base(reference)}/lots/${lot}`;

export function TenderLink({ tender }: { tender: Pick<TenderHead, 'reference' | 'title'> }) {
  return (
    <p>
      <a href={`/consultations/${encodeURIComponent(tender.reference)}`}>
        <span class="mono">{tender.reference}</span> — {tender.title}
      </a>
    </p>
  );
}

const steps = [
  ['recevabilite', 'evaluation.step.assess'],
  ['notation', 'evaluation.step.score'],
  ['classement', 'evaluation.step.rank'],
  ['decision', 'evaluation.step.decide'],
] as const;

export function LotNav({
  ctx,
  tender,
  lot,
  current,
}: {
  ctx: PageContext;
  tender: TenderHead;
  lot: LotRow;
  current: (typeof steps)[number][0];
}) {
  const { t } = ctx;
  const b = lotBase(tender.reference, lot.number);
  return (
    <nav aria-label={t('evaluation.lot_heading', { number: lot.number, title: lot.title })}>
      <ul class="subnav">
        <li>
          <a href={base(tender.reference)}>{t('evaluation.back')}</a>
        </li>
        {steps.map(([slug, key]) => (
          <li key={slug}>
            <a href={`${b}/${slug}`} aria-current={slug === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function progressLabel(ctx: PageContext, readiness: Readiness): string {
  if (readiness.ready) return ctx.t('evaluation.progress.ready');
  if (readiness.reason === 'pending_bids')
    return ctx.t('evaluation.progress.pending_bids', {
      count: new Set(readiness.pending.map((p) => p.submissionId)).size,
    });
  return ctx.t(`evaluation.progress.${readiness.reason}` as MessageKey);
}

export function bidStatus(ctx: PageContext, bid: BidView): string {
  const { t } = ctx;
  const adm = bid.admissibility ? t(`evaluation.admissibility.${bid.admissibility}`) : t('evaluation.pending');
  const cls = bid.classification ? t(`evaluation.classification.${bid.classification}`) : t('evaluation.pending');
  return `${t('evaluation.assess.candidature')} : ${adm} — ${t('evaluation.assess.offer')} : ${cls}${bid.regularised ? ` (${t('evaluation.assess.regularised')})` : ''}`;
}
