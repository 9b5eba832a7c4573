import type { FieldError } from '../../../platform/errors.js';
import { CsrfField, ErrorSummary, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { formatBytes } from './parts.js';

/** The workstation check the law asks for: a trial upload, hashed and dropped. */
export function WorkstationPage({
  ctx,
  result,
  errors = [],
  testReference,
}: {
  ctx: PageContext;
  /** the permanent test tender, where a company rehearses a complete submission */
  testReference?: string | undefined;
  result?: { size: number; ms: number; sha256: string };
  errors?: FieldError[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.workstation.title')}>
      <h1>{t('submissions.workstation.title')}</h1>
      <p>{t('submissions.workstation.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {result ? (
        <Notice kind="success">
          {t('submissions.workstation.ok', {
            size: formatBytes(result.size, locale),
            ms: result.ms,
            sha256: result.sha256,
          })}
        </Notice>
      ) : null}
      <form method="post" action="/depot-test" enctype="multipart/form-data" class="upload-form">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="champ-file">{t('submissions.workstation.file')}</label>
          <input id="champ-file" type="file" name="file" required />
        </div>
        <progress class="upload-progress" max="100" value="0" hidden aria-label={t('submissions.deposit.progress')} />
        <div class="actions">
          <button type="submit">{t('submissions.workstation.submit')}</button>
        </div>
      </form>
      {testReference ? (
        <section>
          <h2>{t('submissions.workstation.test_tender')}</h2>
          <p>{t('submissions.workstation.test_link_intro')}</p>
          <p>
            <a href={`/consultations/${testReference}/depot`}>{t('submissions.workstation.test_link')}</a>
          </p>
        </section>
      ) : null}
      <script type="module" src="/static/submission-upload.js" />
    </Layout>
  );
}
