import type { PageContext } from '../../../../web/context.js';
import { listDepartments } from '../../../organisations/index.js';
import { basisPointsToPercent } from '../../domain/criteria.js';
import { formatEuros } from '../../domain/money.js';
import { nutsRegion } from '../reference.js';
import type { DraftCriterion, DraftLot, DraftRow } from '../repo.js';
import { megabyte } from '../saveContact.js';
import { categoryLabels, criterionKindLabels, procedureLabels, reservedLabels } from './labels.js';
import { CpvList, deadlineText } from './parts.js';

/** Read-only sections of a tender, shared by the summary step and the management page. */

function money(ctx: PageContext, cents: number | null): string {
  return cents === null ? ctx.t('drafting.none') : formatEuros(cents, ctx.locale);
}

function yesNo(ctx: PageContext, value: boolean): string {
  return ctx.t(value ? 'drafting.yes' : 'drafting.no');
}

export function GeneralFacts({ ctx, tender }: { ctx: PageContext; tender: DraftRow }) {
  const { t } = ctx;
  const department = tender.department ? listDepartments().find((d) => d.code === tender.department) : undefined;
  const nuts = tender.nuts_code ? nutsRegion(tender.nuts_code) : undefined;
  return (
    <dl class="facts">
      <dt>{t('drafting.field.title')}</dt>
      <dd>{tender.title}</dd>
      <dt>{t('drafting.field.internal_reference')}</dt>
      <dd>{tender.internal_reference ?? t('drafting.none')}</dd>
      <dt>{t('drafting.field.procedure')}</dt>
      <dd>{t(procedureLabels[tender.procedure_type])}</dd>
      <dt>{t('drafting.field.category')}</dt>
      <dd>{t(categoryLabels[tender.main_category])}</dd>
      <dt>{t('drafting.cpv.label')}</dt>
      <dd>
        <CpvList ctx={ctx} codes={tender.cpv_codes} />
      </dd>
      <dt>{t('drafting.field.estimated_value')}</dt>
      <dd>{money(ctx, tender.estimated_value_cents)}</dd>
      <dt>{t('drafting.field.place')}</dt>
      <dd>
        {department ? `${department.code} — ${department.name}` : t('drafting.none')}
        {nuts ? ` (NUTS ${nuts.code})` : ''}
      </dd>
      <dt>{t('drafting.field.duration')}</dt>
      <dd>
        {tender.duration_months === null
          ? t('drafting.none')
          : t('drafting.duration.months', { months: tender.duration_months })}
      </dd>
      <dt>{t('drafting.field.variants')}</dt>
      <dd>{yesNo(ctx, tender.variants_allowed)}</dd>
      <dt>{t('drafting.field.options')}</dt>
      <dd>{tender.has_options ? (tender.options_description ?? t('drafting.yes')) : t('drafting.no')}</dd>
    </dl>
  );
}

type ClauseSource = Pick<
  DraftRow,
  | 'reserved_contract'
  | 'social_clause_insertion'
  | 'social_clause_other'
  | 'environmental_clause'
  | 'environmental_criterion'
>;

export function clauseSummary(ctx: PageContext, source: ClauseSource): string {
  const { t } = ctx;
  const parts: string[] = [];
  if (source.reserved_contract) parts.push(t(reservedLabels[source.reserved_contract]));
  if (source.social_clause_insertion) parts.push(t('drafting.clauses.social_insertion'));
  if (source.social_clause_other) parts.push(t('drafting.clauses.social_other'));
  if (source.environmental_clause) parts.push(t('drafting.clauses.environmental_clause'));
  if (source.environmental_criterion) parts.push(t('drafting.clauses.environmental_criterion'));
  return parts.length ? parts.join(' ; ') : t('drafting.clauses.none');
}

export function LotsTable({ ctx, lots }: { ctx: PageContext; lots: DraftLot[] }) {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>
          {lots.length > 1 ? t('drafting.lots.divided', { count: lots.length }) : t('drafting.lots.not_divided')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('drafting.lots.number')}</th>
            <th scope="col">{t('drafting.lot.title')}</th>
            <th scope="col">{t('drafting.cpv.label')}</th>
            <th scope="col">{t('drafting.field.estimated_value')}</th>
            <th scope="col">{t('drafting.step.clauses')}</th>
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => (
            <tr key={lot.id}>
              <td>{lot.number}</td>
              <th scope="row">{lot.title}</th>
              <td>
                <CpvList ctx={ctx} codes={lot.cpv_codes} />
              </td>
              <td>{money(ctx, lot.estimated_value_cents)}</td>
              <td>{clauseSummary(ctx, lot)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CriteriaTables({
  ctx,
  lots,
  criteria,
}: {
  ctx: PageContext;
  lots: DraftLot[];
  criteria: DraftCriterion[];
}) {
  const { t } = ctx;
  const scopes: { key: string; caption: string; rows: DraftCriterion[] }[] = [];
  const common = criteria.filter((c) => c.lot_id === null);
  if (common.length) {
    scopes.push({
      key: 'common',
      caption: lots.length > 1 ? t('drafting.criteria.common_scope') : t('drafting.criteria.scope'),
      rows: common,
    });
  }
  for (const lot of lots) {
    const own = criteria.filter((c) => c.lot_id === lot.id);
    if (own.length) {
      scopes.push({
        key: lot.id,
        caption: t('drafting.criteria.lot_scope', { number: lot.number, title: lot.title }),
        rows: own,
      });
    }
  }
  if (scopes.length === 0) return <p class="muted">{t('drafting.criteria.none')}</p>;
  return (
    <>
      {scopes.map((scope) => (
        <div class="table-scroll" key={scope.key}>
          <table>
            <caption>{scope.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drafting.criteria.label')}</th>
                <th scope="col">{t('drafting.criteria.kind')}</th>
                <th scope="col">{t('drafting.criteria.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {scope.rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>{t(criterionKindLabels[c.kind])}</td>
                  <td>{`${basisPointsToPercent(c.weight_bp, ctx.locale)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

export function DeadlineFacts({ ctx, tender }: { ctx: PageContext; tender: DraftRow }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      {tender.candidature_deadline ? (
        <>
          <dt>{t('drafting.deadline.candidature')}</dt>
          <dd>{deadlineText(ctx, tender.candidature_deadline)}</dd>
        </>
      ) : null}
      <dt>{t('drafting.deadline.submission')}</dt>
      <dd>{deadlineText(ctx, tender.submission_deadline)}</dd>
      <dt>{t('drafting.deadline.questions')}</dt>
      <dd>{deadlineText(ctx, tender.questions_deadline)}</dd>
    </dl>
  );
}

export function ContactFacts({ ctx, tender }: { ctx: PageContext; tender: DraftRow }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t('drafting.contact.name')}</dt>
      <dd>{tender.contact_name ?? t('drafting.none')}</dd>
      <dt>{t('drafting.contact.email')}</dt>
      <dd>{tender.contact_email ?? t('drafting.none')}</dd>
      <dt>{t('drafting.contact.phone')}</dt>
      <dd>{tender.contact_phone ?? t('drafting.none')}</dd>
      <dt>{t('drafting.contact.signature')}</dt>
      <dd>{yesNo(ctx, tender.electronic_signature_required)}</dd>
      <dt>{t('drafting.contact.backup')}</dt>
      <dd>{yesNo(ctx, tender.backup_copy_allowed)}</dd>
      <dt>{t('drafting.contact.max_size')}</dt>
      <dd>{t('drafting.contact.max_size.value', { mb: Math.round(Number(tender.max_file_size_bytes) / megabyte) })}</dd>
    </dl>
  );
}
