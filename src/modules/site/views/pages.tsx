import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';

export function HomePage({ ctx, figures }: { ctx: PageContext; figures: { buyers: number; companies: number } }) {
  const { t, principal } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      {principal.kind === 'session' ? <p>{t('home.signedin', { name: principal.user.name })}</p> : null}
      <p>{t('home.intro')}</p>
      <div class="cards">
        <section class="card" aria-labelledby="entreprises">
          <h2 id="entreprises">{t('home.companies.title')}</h2>
          <p>{t('home.companies.text')}</p>
          <p>
            <a class="button" href="/inscription">
              {t('layout.account.signup')}
            </a>
          </p>
        </section>
        <section class="card" aria-labelledby="acheteurs">
          <h2 id="acheteurs">{t('home.buyers.title')}</h2>
          <p>{t('home.buyers.text')}</p>
          <p>
            <a href="/connexion">{t('layout.account.signin')}</a>
          </p>
        </section>
      </div>
      <h2>{t('home.figures.title')}</h2>
      <ul class="figures">
        <li>
          <strong>{figures.buyers.toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB')}</strong>
          {t('home.figures.buyers')}
        </li>
        <li>
          <strong>{figures.companies.toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB')}</strong>
          {t('home.figures.companies')}
        </li>
      </ul>
    </Layout>
  );
}

/** A static page made of catalogue paragraphs (legal notice, accessibility, privacy). */
export function TextPage({
  ctx,
  title,
  paragraphs,
}: {
  ctx: PageContext;
  title: MessageKey;
  paragraphs: MessageKey[];
}) {
  return (
    <Layout ctx={ctx} title={ctx.t(title)}>
      <h1>{ctx.t(title)}</h1>
      {paragraphs.map((p) => (
        <p key={p}>{ctx.t(p)}</p>
      ))}
    </Layout>
  );
}
