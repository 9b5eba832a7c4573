import type { ComponentChildren } from 'preact';
import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import { departmentName } from '../../../organisations/index.js';
import { cpvCatalogue, nutsRegion } from '../../drafting/reference.js';
import { fieldLabel, formatBytes, formatChangeValue, formatEuros, formatWeight } from '../format.js';
import type { Notice } from '../getNotice.js';
import type { CriterionRow, LotRow, TenderRow } from '../repo.js';
import { Deadline, StatusChip } from './parts.js';

type Clauses = Pick<
  TenderRow,
  'social_clause_insertion' | 'social_clause_other' | 'environmental_clause' | 'environmental_criterion'
>;

function clauseLabels(ctx: PageContext, item: Clauses): string[] {
  const labels: string[] = [];
  if (item.social_clause_insertion) labels.push(ctx.t('publication.clause.social_insertion'));
  if (item.social_clause_other) labels.push(ctx.t('publication.clause.social_other'));
  if (item.environmental_clause) labels.push(ctx.t('publication.clause.environmental_clause'));
  if (item.environmental_criterion) labels.push(ctx.t('publication.clause.environmental_criterion'));
  return labels;
}

function CpvList({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  if (codes.length === 0) return <span class="muted">{ctx.t('publication.value.none')}</span>;
  const catalogue = cpvCatalogue();
  return (
    <ul>
      {codes.map((code) => {
        const entry = catalogue.get(code);
        return (
          <li key={code}>
            <span class="mono">{entry ? `${code}-${entry.checkDigit}` : code}</span>
            {entry ? ` ${ctx.locale === 'fr' ? entry.labelFr : entry.labelEn}` : null}
          </li>
        );
      })}
    </ul>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CriteriaTable({ ctx, caption, criteria }: { ctx: PageContext; caption: string; criteria: CriterionRow[] }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('publication.notice.criteria.label')}</th>
            <th scope="col">{ctx.t('publication.notice.criteria.kind')}</th>
            <th scope="col">{ctx.t('publication.notice.criteria.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>{ctx.t(`publication.criterion.${c.kind}`)}</td>
              <td>{formatWeight(c.weight_bp, ctx.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Lots({ ctx, lots }: { ctx: PageContext; lots: LotRow[] }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{ctx.t('publication.notice.lots.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('publication.notice.lot.number')}</th>
            <th scope="col">{ctx.t('publication.notice.lot.title')}</th>
            <th scope="col">{ctx.t('publication.notice.lot.cpv')}</th>
            <th scope="col">{ctx.t('publication.notice.lot.value')}</th>
            <th scope="col">{ctx.t('publication.notice.lot.clauses')}</th>
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => {
            const clauses = clauseLabels(ctx, lot);
            if (lot.reserved_contract) clauses.unshift(ctx.t(`publication.reserved.${lot.reserved_contract}`));
            return (
              <tr key={lot.id}>
                <td>{lot.number}</td>
                <th scope="row">
                  {lot.title}
                  {lot.description ? <p class="muted">{lot.description}</p> : null}
                </th>
                <td>
                  <CpvList ctx={ctx} codes={lot.cpv_codes} />
                </td>
                <td>
                  {lot.estimated_value_cents === null
                    ? ctx.t('publication.value.none')
                    : ctx.t('publication.value.excl_vat', {
                        amount: formatEuros(Number(lot.estimated_value_cents), ctx.locale),
                      })}
                </td>
                <td>{clauses.length ? clauses.join(' ; ') : ctx.t('publication.value.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function NoticePage({
  ctx,
  notice,
  now,
  canManage,
  flash,
  documentsSection,
  questionsSection,
  slots,
}: {
  ctx: PageContext;
  notice: Notice;
  now: Date;
  canManage: boolean;
  /** confirmation of the buyer's last action (publication, corrigendum) */
  flash?: string | undefined;
  /** the documents engineer's section (list, sizes, download links) */
  documentsSection: ComponentChildren;
  /** the clarifications engineer's section (published answers, question form) */
  questionsSection: ComponentChildren;
  /** parts other modules add (see noticeSlots.ts): the watchlist's button for company users */
  slots?: ComponentChildren;
}) {
  const { t, locale } = ctx;
  const { tender, lots, criteria, corrigenda } = notice;
  const yesNo = (value: boolean) => t(value ? 'publication.value.yes' : 'publication.value.no');
  const department = tender.department ? departmentName(tender.department) : undefined;
  const nuts = tender.nuts_code ? nutsRegion(tender.nuts_code) : undefined;
  const place = [
    department ? `${department} (${tender.department})` : tender.department,
    nuts && nuts.labelFr !== department
      ? `NUTS ${nuts.code} — ${locale === 'fr' ? nuts.labelFr : nuts.labelEn}`
      : tender.nuts_code && `NUTS ${tender.nuts_code}`,
  ].filter(Boolean);
  const clauses = clauseLabels(ctx, tender);
  const common = criteria.filter((c) => c.lot_id === null);
  const manage = `/mon-espace/consultations/${tender.reference}`;
  return (
    <Layout ctx={ctx} title={`${tender.reference} — ${tender.title}`} wide>
      {flash ? (
        <div class="alert alert-success" role="status">
          {flash}
        </div>
      ) : null}
      {tender.status === 'draft' ? (
        <div class="alert" role="status">
          {t('publication.notice.draft_preview')}
        </div>
      ) : null}
      <p>
        <StatusChip ctx={ctx} status={tender.status} /> <span class="mono">{tender.reference}</span>
      </p>
      <h1>{tender.title}</h1>
      <p>
        {t('publication.notice.buyer.colon')} <strong>{notice.buyerName}</strong>
      </p>
      {slots ?? null}
      {canManage ? (
        <p>
          <a href={manage}>{t('publication.notice.manage')}</a>
        </p>
      ) : null}
      {tender.status === 'cancelled' || tender.status === 'unsuccessful' ? (
        <div class="alert alert-error" role="status">
          <p>{t(tender.status === 'cancelled' ? 'publication.notice.cancelled' : 'publication.notice.unsuccessful')}</p>
          {tender.status_reason ? (
            <p>{t('publication.notice.corrigendum.reason', { reason: tender.status_reason })}</p>
          ) : null}
        </div>
      ) : tender.status !== 'draft' && tender.status !== 'published' ? (
        <div class="alert" role="status">
          {t('publication.notice.closed')}
        </div>
      ) : null}

      <section aria-labelledby="dates-limites">
        <h2 id="dates-limites">{t('publication.notice.deadlines')}</h2>
        <dl class="facts">
          <Fact label={t('publication.field.submission_deadline')}>
            <Deadline ctx={ctx} value={tender.submission_deadline} now={now} />
          </Fact>
          {tender.candidature_deadline ? (
            <Fact label={t('publication.field.candidature_deadline')}>
              <Deadline ctx={ctx} value={tender.candidature_deadline} now={now} />
            </Fact>
          ) : null}
          {tender.questions_deadline ? (
            <Fact label={t('publication.field.questions_deadline')}>
              <Deadline ctx={ctx} value={tender.questions_deadline} now={now} />
            </Fact>
          ) : null}
          {tender.published_at ? (
            <Fact label={t('publication.notice.published_at')}>{formatParisDateTime(tender.published_at, locale)}</Fact>
          ) : null}
          {tender.closed_at ? (
            <Fact label={t('publication.notice.closed_at')}>{formatParisDateTime(tender.closed_at, locale)}</Fact>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="caracteristiques">
        <h2 id="caracteristiques">{t('publication.notice.description')}</h2>
        {tender.description.split(/\n{2,}/).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <dl class="facts">
          <Fact label={t('publication.notice.reference')}>{tender.reference}</Fact>
          {tender.internal_reference ? (
            <Fact label={t('publication.notice.internal_reference')}>{tender.internal_reference}</Fact>
          ) : null}
          <Fact label={t('publication.notice.procedure')}>{t(`publication.procedure.${tender.procedure_type}`)}</Fact>
          <Fact label={t('publication.notice.category')}>{t(`publication.category.${tender.main_category}`)}</Fact>
          <Fact label={t('publication.notice.cpv')}>
            <CpvList ctx={ctx} codes={tender.cpv_codes} />
          </Fact>
          <Fact label={t('publication.notice.place')}>
            {place.length ? place.join(' — ') : t('publication.value.none')}
          </Fact>
          <Fact label={t('publication.notice.value')}>
            {tender.estimated_value_cents === null
              ? t('publication.value.none')
              : t('publication.value.excl_vat', { amount: formatEuros(Number(tender.estimated_value_cents), locale) })}
          </Fact>
          <Fact label={t('publication.notice.duration')}>
            {tender.duration_months === null
              ? t('publication.value.none')
              : t('publication.value.months', { months: tender.duration_months })}
          </Fact>
          <Fact label={t('publication.notice.variants')}>{yesNo(tender.variants_allowed)}</Fact>
          <Fact label={t('publication.notice.options')}>
            {tender.has_options ? tender.options_description || yesNo(true) : yesNo(false)}
          </Fact>
          {tender.reserved_contract ? (
            <Fact label={t('publication.notice.reserved')}>
              {t(`publication.reserved.${tender.reserved_contract}`)}
            </Fact>
          ) : null}
          <Fact label={t('publication.notice.clauses')}>
            {clauses.length ? clauses.join(' ; ') : t('publication.value.none')}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="lots">
        <h2 id="lots">{t('publication.notice.lots')}</h2>
        <Lots ctx={ctx} lots={lots} />
      </section>

      <section aria-labelledby="criteres">
        <h2 id="criteres">{t('publication.notice.criteria')}</h2>
        {criteria.length === 0 ? <p>{t('publication.notice.criteria.none')}</p> : null}
        {common.length ? (
          <CriteriaTable ctx={ctx} caption={t('publication.notice.criteria.all_lots')} criteria={common} />
        ) : null}
        {lots.map((lot) => {
          const own = criteria.filter((c) => c.lot_id === lot.id);
          return own.length ? (
            <CriteriaTable
              key={lot.id}
              ctx={ctx}
              caption={t('publication.notice.criteria.lot', { number: lot.number, title: lot.title })}
              criteria={own}
            />
          ) : null;
        })}
      </section>

      <section aria-labelledby="remise">
        <h2 id="remise">{t('publication.notice.submission')}</h2>
        <dl class="facts">
          <Fact label={t('publication.notice.signature')}>{yesNo(tender.electronic_signature_required)}</Fact>
          <Fact label={t('publication.notice.max_file_size')}>
            {formatBytes(Number(tender.max_file_size_bytes), locale)}
          </Fact>
          <Fact label={t('publication.notice.backup_copy')}>{yesNo(tender.backup_copy_allowed)}</Fact>
          <Fact label={t('publication.notice.dce_version')}>{tender.dce_version}</Fact>
        </dl>
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact">{t('publication.notice.contact')}</h2>
        <dl class="facts">
          <Fact label={t('publication.field.contact_name')}>{tender.contact_name ?? t('publication.value.none')}</Fact>
          <Fact label={t('publication.field.contact_email')}>
            {tender.contact_email ? (
              <a href={`mailto:${tender.contact_email}`}>{tender.contact_email}</a>
            ) : (
              t('publication.value.none')
            )}
          </Fact>
          {tender.contact_phone ? (
            <Fact label={t('publication.field.contact_phone')}>{tender.contact_phone}</Fact>
          ) : null}
        </dl>
      </section>

      {documentsSection}
      {questionsSection}

      <section aria-labelledby="rectificatifs">
        <h2 id="rectificatifs">{t('publication.notice.corrigenda')}</h2>
        {corrigenda.length === 0 ? <p>{t('publication.notice.corrigenda.none')}</p> : null}
        {corrigenda
          .map((c, i) => ({ ...c, newDce: c.dceVersion > (corrigenda[i - 1]?.dceVersion ?? 1) }))
          .reverse()
          .map((c) => (
            <article key={c.number} aria-labelledby={`rectificatif-${c.number}`}>
              <h3 id={`rectificatif-${c.number}`}>
                {t('publication.notice.corrigendum.title', {
                  number: c.number,
                  date: formatParisDateTime(c.publishedAt, locale),
                })}
              </h3>
              <p>{t('publication.notice.corrigendum.reason', { reason: c.reason })}</p>
              {c.changes.length ? (
                <div class="table-scroll">
                  <table>
                    <caption>{t('publication.notice.corrigendum.changes')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('publication.notice.corrigendum.field')}</th>
                        <th scope="col">{t('publication.notice.corrigendum.before')}</th>
                        <th scope="col">{t('publication.notice.corrigendum.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.changes.map((change) => (
                        <tr key={change.field}>
                          <th scope="row">{fieldLabel(change.field, t)}</th>
                          <td>{formatChangeValue(change.field, change.before, t, locale)}</td>
                          <td>{formatChangeValue(change.field, change.after, t, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {c.newDce ? <p>{t('publication.notice.corrigendum.documents', { version: c.dceVersion })}</p> : null}
            </article>
          ))}
      </section>
    </Layout>
  );
}
