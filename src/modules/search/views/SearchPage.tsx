import type { ComponentChildren } from 'preact';
import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { Segment } from '../domain/highlight.js';
import { hasFilters, maxQueryLength, type NormalisedInput, sortValues, toQueryString } from '../domain/query.js';
import { renderSearchResultSlots } from '../resultSlots.js';
import { type FacetValue, facetSample, type SearchHit, type SearchResult } from '../searchTenders.js';

/** Marked text: the segments are text nodes (escaped by Preact), the matches inside <mark>. */
function Highlighted({ segments }: { segments: Segment[] }) {
  // plain segments stay bare text: a wrapper per segment would only weigh on the page's DOM
  return <>{segments.map((s, i) => (s.highlighted ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

const chipClass: Record<SearchHit['publicStatus'], string> = {
  open: 'chip chip-success',
  closed: 'chip',
  awarded: 'chip',
  cancelled: 'chip chip-danger',
};

function formatCount(count: number, locale: PageContext['locale']): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(count);
}

function FacetGroup({
  ctx,
  name,
  legend,
  values,
  selected,
  labelOf,
  type = 'checkbox',
  approximate = false,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  values: FacetValue[];
  selected: readonly string[];
  labelOf: (value: FacetValue) => string;
  type?: 'checkbox' | 'radio';
  /** counts from a sample of the matches, shown with "≈" */
  approximate?: boolean;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.length === 0 ? <p class="muted">{ctx.t('search.facet.none')}</p> : null}
      {type === 'radio' ? (
        <label class="facet-option">
          <input type="radio" name={name} value="" checked={selected.length === 0} /> {ctx.t('search.facet.any')}
        </label>
      ) : null}
      {values.map((v) => (
        // the input inside its label: one element less per value than a wrapper and a `for`
        <label class="facet-option" key={v.value}>
          <input type={type} name={name} value={v.value} checked={selected.includes(v.value)} /> {labelOf(v)} (
          {approximate ? '≈ ' : ''}
          {formatCount(v.count, ctx.locale)})
        </label>
      ))}
    </fieldset>
  );
}

function Filters({ ctx, result }: { ctx: PageContext; result: SearchResult }) {
  const { t } = ctx;
  const facets = result.facets;
  const input = result.input;
  if (!facets) return null;
  return (
    <section aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">{t('search.filters.title')}</h2>
      {result.facetsApproximate ? (
        <p class="muted">{t('search.facets.approximate', { count: formatCount(facetSample, ctx.locale) })}</p>
      ) : null}
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="status"
        legend={t('search.facet.status')}
        values={facets.status}
        selected={input.status}
        labelOf={(v) => t(`search.status.${v.value}` as MessageKey)}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="deadline"
        type="radio"
        legend={t('search.facet.deadline')}
        values={facets.deadline}
        selected={input.deadline ? [input.deadline] : []}
        labelOf={(v) => t(`search.deadline.${v.value}` as MessageKey)}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="category"
        legend={t('search.facet.category')}
        values={facets.category}
        selected={input.category}
        labelOf={(v) => t(`publication.category.${v.value}` as MessageKey)}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="procedure"
        legend={t('search.facet.procedure')}
        values={facets.procedure}
        selected={input.procedure}
        labelOf={(v) => t(`publication.procedure.${v.value}` as MessageKey)}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="clause"
        legend={t('search.facet.clause')}
        values={facets.clause}
        selected={input.clause}
        labelOf={(v) => t(`search.clause.${v.value}` as MessageKey)}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="cpv"
        legend={t('search.facet.cpv')}
        values={facets.cpv}
        selected={input.cpv}
        labelOf={(v) => `${v.value} — ${v.label ?? ''}`}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="department"
        legend={t('search.facet.department')}
        values={facets.department}
        selected={input.department}
        labelOf={(v) => `${v.value} — ${v.label ?? ''}`}
      />
      <FacetGroup
        ctx={ctx}
        approximate={result.facetsApproximate}
        name="buyer"
        legend={t('search.facet.buyer')}
        values={facets.buyer}
        selected={input.buyer}
        labelOf={(v) => v.label ?? v.value}
      />
      <div class="actions">
        <button type="submit">{t('search.filters.apply')}</button>
        {hasFilters(input) ? (
          <a href={`/recherche${input.q ? `?${new URLSearchParams({ q: input.q })}` : ''}`}>
            {t('search.filters.reset')}
          </a>
        ) : null}
      </div>
    </section>
  );
}

function Hit({ ctx, hit, extras }: { ctx: PageContext; hit: SearchHit; extras?: ComponentChildren[] }) {
  const { t, locale } = ctx;
  return (
    <li class="card">
      <h3>
        <a href={`/consultations/${hit.reference}`}>
          <Highlighted segments={hit.titleSegments} />
        </a>
      </h3>
      <p>
        <span class={chipClass[hit.publicStatus]}>{t(`search.status.${hit.publicStatus}` as MessageKey)}</span>{' '}
        {hit.reference}
        {hit.source !== 'halle' ? (
          <span class="muted"> · {t('search.results.source', { source: hit.source })}</span>
        ) : null}
      </p>
      <p>
        {t('search.results.buyer')} : {hit.buyerName} · {t('search.results.deadline')} :{' '}
        {hit.submissionDeadline ? (
          <time dateTime={hit.submissionDeadline.toISOString()}>
            {formatParisDateTime(hit.submissionDeadline, locale)}
          </time>
        ) : (
          t('search.results.deadline.none')
        )}
      </p>
      {hit.excerpt.length > 0 ? (
        <p class="excerpt">
          <Highlighted segments={hit.excerpt} />
        </p>
      ) : null}
      {extras && extras.length > 0 ? <div class="result-actions">{extras}</div> : null}
    </li>
  );
}

function Paging({ ctx, result }: { ctx: PageContext; result: SearchResult }) {
  const { t } = ctx;
  if (result.pageCount <= 1) return null;
  const link = (page: number) => `/recherche?${toQueryString(result.input, { page })}`;
  return (
    <nav class="pagination" aria-label={t('search.pagination.label')}>
      {result.page > 1 ? <a href={link(result.page - 1)}>{t('search.pagination.previous')}</a> : null}{' '}
      <span>{t('search.results.page', { page: result.page, pages: result.pageCount })}</span>{' '}
      {result.page < result.pageCount ? <a href={link(result.page + 1)}>{t('search.pagination.next')}</a> : null}
    </nav>
  );
}

function NoResult({ ctx, result }: { ctx: PageContext; result: SearchResult }) {
  const { t } = ctx;
  const input: NormalisedInput = result.input;
  const withoutFilters = `/recherche${input.q ? `?${new URLSearchParams({ q: input.q })}` : ''}`;
  const allStatuses = `/recherche?${toQueryString(input, { status: ['open', 'closed', 'awarded'], page: 1 })}`;
  return (
    <div>
      <h3>{t('search.empty.title')}</h3>
      <p>{t('search.empty.intro')}</p>
      <ul>
        {hasFilters(input) ? (
          <li>
            <a href={withoutFilters}>{t('search.empty.filters')}</a>
          </li>
        ) : null}
        <li>{t('search.empty.spelling')}</li>
        {input.status.length === 1 && input.status[0] === 'open' ? (
          <li>
            <a href={allStatuses}>{t('search.empty.status')}</a>
          </li>
        ) : null}
      </ul>
      {result.suggestions.length > 0 ? (
        <>
          <p>{t('search.empty.suggestions')}</p>
          <ul>
            {result.suggestions.map((name) => (
              <li key={name}>
                <a href={`/recherche?${new URLSearchParams({ q: name })}`}>{name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function SearchPage({
  ctx,
  result,
  rawQuery,
  landing,
  extras,
}: {
  ctx: PageContext;
  result: SearchResult;
  /** what other modules show beside each result (the watchlist button), by tender id */
  extras?: ReadonlyMap<string, ComponentChildren[]>;
  /** what was typed, to tell an only-punctuation query from no query */
  rawQuery: string;
  /** no text and no filter: the latest open tenders are shown */
  landing: boolean;
}) {
  const { t, locale } = ctx;
  const input = result.input;
  const title = input.q ? t('search.title.query', { q: input.q }) : t('search.title');
  const countKey = result.totalIsLowerBound
    ? 'search.results.count.more'
    : result.total === 0
      ? 'search.results.count.zero'
      : result.total === 1
        ? 'search.results.count.one'
        : 'search.results.count.many';
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{t('search.title')}</h1>
      <p>{t('search.intro')}</p>
      <div class="search-layout">
        <form method="get" action="/recherche" aria-label={t('search.title')} class="search-form">
          <div class="field">
            <label for="champ-q">{t('search.q.label')}</label>
            <p class="muted" id="champ-q-aide">
              {t('search.q.hint')}
            </p>
            <input
              id="champ-q"
              type="search"
              name="q"
              value={input.q}
              maxLength={maxQueryLength}
              aria-describedby="champ-q-aide"
            />
          </div>
          <div class="field">
            <label for="champ-sort">{t('search.sort.label')}</label>
            <select id="champ-sort" name="sort">
              {sortValues
                .filter((s) => s !== 'relevance' || input.q)
                .map((s) => (
                  <option key={s} value={s} selected={s === input.sort}>
                    {t(`search.sort.${s}`)}
                  </option>
                ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit">{t('search.submit')}</button>
          </div>
          <Filters ctx={ctx} result={result} />
        </form>
        <section aria-labelledby="resultats-titre" class="search-results">
          <h2 id="resultats-titre">{t('search.results.title')}</h2>
          {result.truncated ? <p class="alert">{t('search.results.truncated', { max: maxQueryLength })}</p> : null}
          {!input.q && rawQuery.trim() ? <p class="alert">{t('search.empty.punctuation')}</p> : null}
          {landing ? (
            <p>
              {t(result.totalIsLowerBound ? 'search.results.open_count.more' : 'search.results.open_count', {
                count: formatCount(result.total, locale),
              })}{' '}
              {t('search.results.latest')}.
            </p>
          ) : null}
          <p role="status">
            <strong>{t(countKey, { count: formatCount(result.total, locale) })}</strong>
            {result.pageCount > 1
              ? ` — ${t('search.results.page', { page: result.page, pages: result.pageCount })}`
              : ''}
          </p>
          {landing
            ? null
            : renderSearchResultSlots(
                ctx,
                toQueryString(input, { sort: input.q ? 'relevance' : 'published', page: 1 }),
              )}
          {result.fuzzy ? <p class="muted">{t('search.results.fuzzy')}</p> : null}
          {result.totalIsLowerBound ? <p class="muted">{t('search.results.many')}</p> : null}
          {result.total === 0 ? (
            <NoResult ctx={ctx} result={result} />
          ) : (
            <ol class="cards">
              {result.items.map((hit) => (
                <Hit key={hit.tenderId} ctx={ctx} hit={hit} extras={extras?.get(hit.tenderId)} />
              ))}
            </ol>
          )}
          <Paging ctx={ctx} result={result} />
        </section>
      </div>
    </Layout>
  );
}
