import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import type { CpvEntry } from '../../domain/cpv.js';

/** The CPV search without JavaScript: a GET form and the list of matches. */
export function CpvSearchPage({ ctx, query, results }: { ctx: PageContext; query: string; results: CpvEntry[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={query ? t('drafting.cpv.page.title_query', { query }) : t('drafting.cpv.page.title')}>
      <h1>{t('drafting.cpv.page.title')}</h1>
      <p>{t('drafting.cpv.page.intro')}</p>
      <form method="get" action="/cpv">
        <div class="field">
          <label for="champ-q">{t('drafting.cpv.page.query')}</label>
          <input id="champ-q" name="q" type="search" value={query} maxLength={100} />
        </div>
        <div class="actions">
          <button type="submit">{t('drafting.cpv.page.submit')}</button>
        </div>
      </form>
      {query ? (
        results.length === 0 ? (
          <p role="status">{t('drafting.cpv.picker.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('drafting.cpv.page.caption', { count: results.length, query })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('drafting.cpv.page.code')}</th>
                  <th scope="col">{t('drafting.cpv.page.label')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((e) => (
                  <tr key={e.code}>
                    <td class="mono">{`${e.code}-${e.checkDigit}`}</td>
                    <td lang={ctx.locale}>{ctx.locale === 'fr' ? e.labelFr : e.labelEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </Layout>
  );
}
