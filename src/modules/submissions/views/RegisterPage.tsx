import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { ChainCheck } from '../domain/register.js';
import { Fingerprint, formatBytes } from './parts.js';

export interface RegisterRow {
  position: number;
  company: string;
  sealedAt: string;
  late: boolean;
  files: number;
  bytes: number;
  entryHash: string;
}

export function RegisterPage({
  ctx,
  tender,
  rows,
  chain,
}: {
  ctx: PageContext;
  tender: { reference: string; title: string };
  rows: RegisterRow[];
  chain: ChainCheck;
}) {
  const { t, locale } = ctx;
  const base = `/mon-espace/consultations/${tender.reference}`;
  return (
    <Layout ctx={ctx} title={t('submissions.register.title')} wide>
      <p>
        <a href={`/consultations/${tender.reference}`}>
          {tender.reference} — {tender.title}
        </a>
      </p>
      <h1>{t('submissions.register.title')}</h1>
      <p>{t('submissions.register.intro')}</p>
      <div class={`alert ${chain.valid ? 'alert-success' : 'alert-error'}`} role={chain.valid ? 'status' : 'alert'}>
        {chain.valid
          ? t('submissions.register.chain_ok')
          : t('submissions.register.chain_broken', { position: chain.position })}
      </div>
      {rows.length === 0 ? (
        <p>{t('submissions.register.empty')}</p>
      ) : (
        <table>
          <caption>{t('submissions.register.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('submissions.col.position')}</th>
              <th scope="col">{t('submissions.col.company')}</th>
              <th scope="col">{t('submissions.col.sealed_at')}</th>
              <th scope="col">{t('submissions.col.status')}</th>
              <th scope="col">{t('submissions.col.files')}</th>
              <th scope="col">{t('submissions.col.bytes')}</th>
              <th scope="col">{t('submissions.col.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.position}>
                <td>{r.position}</td>
                <td>{r.company}</td>
                <td class="mono">{r.sealedAt}</td>
                <td>{t(r.late ? 'submissions.status.late' : 'submissions.status.on_time')}</td>
                <td>{r.files}</td>
                <td>{formatBytes(r.bytes, locale)}</td>
                <td>
                  <Fingerprint value={r.entryHash} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`${base}/depots.csv`}>{t('submissions.register.csv')}</a> ·{' '}
        <a href={`${base}/ouverture`}>{t('submissions.opening.link')}</a>
      </p>
    </Layout>
  );
}
