import type { PageContext } from '../../../../web/context.js';
import { Layout } from '../../../../web/layout.js';
import type { ClarificationsSectionData } from '../section.js';
import { ClarificationsSection } from './ClarificationsSection.js';

/**
 * The questions of a tender on a page of their own: where a refused question is shown again with
 * its error (the notice page shows the same section).
 */
export function AskQuestionPage({
  ctx,
  title,
  data,
}: {
  ctx: PageContext;
  title: string;
  data: ClarificationsSectionData;
}) {
  const { t } = ctx;
  const notice = `/consultations/${encodeURIComponent(data.tender.reference)}`;
  return (
    <Layout ctx={ctx} title={t('clarifications.ask.page.title', { title })}>
      <p>
        <a href={notice}>{t('clarifications.ask.back')}</a>
      </p>
      <h1>
        {title} <span class="muted">({data.tender.reference})</span>
      </h1>
      <ClarificationsSection ctx={ctx} {...data} />
    </Layout>
  );
}
