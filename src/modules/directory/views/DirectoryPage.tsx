import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { companySizes, listDepartments } from '../../organisations/index.js';
import type { DirectoryQuery } from '../domain/query.js';
import type { DirectoryCompany } from '../repo.js';

/** Statuses and certifications of a company, as short labels. */
export function Labels({ ctx, company }: { ctx: PageContext; company: DirectoryCompany }) {
  const labels = [
    ...(company.isEss ? [ctx.t('directory.ess')] : []),
    ...(company.isSiae ? [ctx.t('directory.siae')] : []),
    ...company.certifications,
  ];
  return labels.length ? (
    <ul class="inline-list">
      {labels.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  ) : null;
}

export function DirectoryPage({
  ctx,
  query,
  results,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  query: DirectoryQuery;
  results: DirectoryCompany[];
  errors?: FieldError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.page.title')} wide>
      <h1>{t('directory.page.title')}</h1>
      <p>{t('directory.page.intro')}</p>
      <p>
        <a href="/annuaire/selections">{t('directory.selections.title')}</a>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <form method="get" action="/annuaire">
        <fieldset>
          <legend>{t('directory.search.legend')}</legend>
          <TextField ctx={ctx} name="q" label={t('directory.search.q')} value={query.q} maxLength={200} />
          <TextField
            ctx={ctx}
            name="cpv"
            label={t('directory.search.cpv')}
            value={query.cpv}
            inputMode="numeric"
            maxLength={10}
          />
          <TextField ctx={ctx} name="naf" label={t('directory.search.naf')} value={query.naf} maxLength={6} />
          <div class="field">
            <label for="champ-department">{t('directory.search.department')}</label>
            <select id="champ-department" name="department">
              <option value="">{t('directory.search.any')}</option>
              {listDepartments().map((d) => (
                <option key={d.code} value={d.code} selected={d.code === query.department}>
                  {d.code} — {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="champ-size">{t('directory.search.size')}</label>
            <select id="champ-size" name="size">
              <option value="">{t('directory.search.any')}</option>
              {companySizes.map((s) => (
                <option key={s} value={s} selected={s === query.size}>
                  {t(`organisations.size.short.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field field-checkbox">
            <input id="champ-ess" type="checkbox" name="ess" value="on" checked={query.ess} />
            <label for="champ-ess">{t('directory.search.ess')}</label>
          </div>
          <div class="field field-checkbox">
            <input id="champ-siae" type="checkbox" name="siae" value="on" checked={query.siae} />
            <label for="champ-siae">{t('directory.search.siae')}</label>
          </div>
          <TextField
            ctx={ctx}
            name="certification"
            label={t('directory.search.certification')}
            value={query.certification}
            maxLength={100}
          />
          <button type="submit">{t('directory.search.submit')}</button>
        </fieldset>
      </form>
      <h2>{t('directory.results.count', { count: results.length })}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {results.length === 0 ? (
        <p>{t('directory.results.none')}</p>
      ) : (
        <Form ctx={ctx} action="/annuaire/selections">
          <div class="table-scroll">
            <table>
              <caption>{t('directory.results.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('directory.col.select')}</th>
                  <th scope="col">{t('directory.col.company')}</th>
                  <th scope="col">{t('directory.col.activity')}</th>
                  <th scope="col">{t('directory.col.place')}</th>
                  <th scope="col">{t('directory.col.labels')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="companies"
                        value={c.id}
                        id={`choix-${c.id}`}
                        aria-label={t('directory.select.label', { name: c.name })}
                      />
                    </td>
                    <th scope="row">
                      {c.name}
                      {c.keywords ? <p class="muted">{c.keywords}</p> : null}
                      <p>
                        <a
                          href={`/annuaire/entreprises/${c.id}/contact`}
                          aria-label={`${t('directory.contact.link')} ${c.name}`}
                        >
                          {t('directory.contact.link')}
                        </a>
                      </p>
                    </th>
                    <td>
                      <span class="mono">{c.naf}</span>
                      {c.cpvCodes.length ? <p class="muted mono">{c.cpvCodes.join(', ')}</p> : null}
                    </td>
                    <td>
                      {c.city} ({c.department})
                    </td>
                    <td>
                      {c.size ? <p>{c.size}</p> : null}
                      <Labels ctx={ctx} company={c} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <TextField
            ctx={ctx}
            name="name"
            label={t('directory.selection.name')}
            errors={errors}
            required
            maxLength={120}
          />
          <button type="submit">{t('directory.selection.save')}</button>
        </Form>
      )}
    </Layout>
  );
}
