import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { OpeningReport } from '../openSubmissions.js';
import { Fingerprint, formatBytes } from './parts.js';

export function OpeningPage({
  ctx,
  tender,
  threshold,
  given,
  isHolder,
  refusal,
  errors = [],
  flash,
}: {
  ctx: PageContext;
  tender: { reference: string; title: string };
  threshold: number;
  given: number;
  isHolder: boolean;
  refusal: string | null;
  errors?: FieldError[];
  flash?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/mon-espace/consultations/${tender.reference}/ouverture`;
  return (
    <Layout ctx={ctx} title={t('submissions.opening.title')}>
      <p>
        <a href={`/consultations/${tender.reference}`}>
          {tender.reference} — {tender.title}
        </a>
      </p>
      <h1>{t('submissions.opening.title')}</h1>
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('submissions.opening.intro', { k: threshold })}</p>
      {refusal ? (
        <Notice kind="info">{t(refusal as 'submissions.opening.before_deadline')}</Notice>
      ) : (
        <>
          <p>{t('submissions.opening.given', { given, k: threshold })}</p>
          {isHolder ? (
            <Form ctx={ctx} action={`${base}/part`}>
              <TextField
                ctx={ctx}
                name="passphrase"
                type="password"
                label={t('submissions.opening.passphrase')}
                errors={errors}
                required
                autocomplete="off"
              />
              <div class="actions">
                <button type="submit" class="button-secondary">
                  {t('submissions.opening.give')}
                </button>
              </div>
            </Form>
          ) : null}
          {given >= threshold ? (
            <Form ctx={ctx} action={`${base}/ouvrir`}>
              <div class="actions">
                <button type="submit">{t('submissions.opening.open')}</button>
              </div>
            </Form>
          ) : null}
        </>
      )}
    </Layout>
  );
}

const standingKey = {
  counts: 'submissions.status.counts',
  superseded: 'submissions.status.superseded',
  late: 'submissions.status.late',
} as const;

export function ReportPage({ ctx, report }: { ctx: PageContext; report: OpeningReport }) {
  const { t, locale } = ctx;
  const base = `/mon-espace/consultations/${report.tender.reference}`;
  return (
    <Layout ctx={ctx} title={t('submissions.opening.report')} wide>
      <p>
        <a href={`/consultations/${report.tender.reference}`}>
          {report.tender.reference} — {report.tender.title}
        </a>
      </p>
      <h1>{t('submissions.opening.report')}</h1>
      <p>{t('submissions.opening.opened_at', { date: report.openedAt, name: report.openedBy })}</p>
      <p>{t('submissions.opening.holders', { names: report.holders.join(', ') })}</p>
      <div class={`alert ${report.register.valid ? 'alert-success' : 'alert-error'}`}>
        {report.register.valid
          ? t('submissions.register.chain_ok')
          : `${t('submissions.register.chain_broken', { position: 0 })} ${report.register.problem ?? ''}`}
      </div>
      <p>
        <a href={`${base}/proces-verbal.pdf`}>{t('submissions.opening.report_pdf')}</a>
      </p>
      {report.submissions.map((s) => (
        <section key={s.submissionId} class="card" aria-labelledby={`pli-${s.position}`}>
          <h2 id={`pli-${s.position}`}>
            {s.position}. {s.company} — {t(standingKey[s.standing])}
          </h2>
          <p class="mono">
            {s.sealedAt} {s.siret ? `· SIRET ${s.siret}` : ''} · {t('submissions.receipt.lots')} {s.lots.join(', ')}
          </p>
          <table>
            <caption>{t('submissions.receipt.files_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('submissions.deposit.col.name')}</th>
                <th scope="col">{t('submissions.deposit.col.size')}</th>
                <th scope="col">{t('submissions.deposit.col.sha256')}</th>
                <th scope="col">{t('submissions.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {s.files.map((f) => (
                <tr key={f.id}>
                  <td>{f.intact ? <a href={`${base}/plis/${f.id}`}>{f.name}</a> : f.name}</td>
                  <td>{formatBytes(f.sizeBytes, locale)}</td>
                  <td>
                    <Fingerprint value={f.sha256} />
                  </td>
                  <td>
                    {f.intact === null
                      ? t('submissions.opening.not_opened')
                      : t(f.intact ? 'submissions.opening.intact' : 'submissions.opening.corrupt')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}
