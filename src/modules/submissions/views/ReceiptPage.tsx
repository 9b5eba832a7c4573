import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { SignedReceipt } from '../domain/receipt.js';
import { Fingerprint, formatBytes } from './parts.js';

export function ReceiptPage({ ctx, receipt, fresh }: { ctx: PageContext; receipt: SignedReceipt; fresh: boolean }) {
  const { t, locale } = ctx;
  const b = receipt.body;
  const base = `/mon-espace/depots/${b.submissionId}`;
  return (
    <Layout ctx={ctx} title={t('submissions.receipt.title')} wide>
      <h1>{t('submissions.receipt.title')}</h1>
      <div class={`alert ${b.late ? 'alert-error' : 'alert-success'}`} role={fresh ? 'status' : undefined}>
        <p>{t('submissions.receipt.sealed', { date: b.sealedAt })}</p>
        {b.late ? <p>{t('submissions.receipt.late')}</p> : null}
      </div>
      <dl class="facts">
        <dt>{t('submissions.receipt.tender')}</dt>
        <dd>
          {b.tender.reference} — {b.tender.title}
        </dd>
        <dt>{t('submissions.receipt.buyer')}</dt>
        <dd>{b.buyer.name}</dd>
        <dt>{t('submissions.receipt.company')}</dt>
        <dd>
          {b.company.name}
          {b.company.siret ? ` (SIRET ${b.company.siret})` : ''}
        </dd>
        {b.consortium ? (
          <>
            <dt>{t('submissions.receipt.consortium')}</dt>
            <dd>
              {b.consortium.lead}
              {b.consortium.members.map((m) => ` ; ${m.name}${m.siret ? ` (${m.siret})` : ''}`).join('')}
            </dd>
          </>
        ) : null}
        <dt>{t('submissions.receipt.time')}</dt>
        <dd class="mono">{b.sealedAt}</dd>
        <dt>{t('submissions.receipt.lots')}</dt>
        <dd>{b.lots.join(', ')}</dd>
        <dt>{t('submissions.receipt.register')}</dt>
        <dd>
          {t('submissions.receipt.register_value', { position: b.register.position, hash: '' })}
          <Fingerprint value={b.register.entryHash} />
        </dd>
        <dt>{t('submissions.receipt.signature', { keyId: receipt.signature.keyId })}</dt>
        <dd>
          <Fingerprint value={receipt.signature.value} />
        </dd>
      </dl>
      <table>
        <caption>{t('submissions.receipt.files_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('submissions.deposit.col.name')}</th>
            <th scope="col">{t('submissions.deposit.col.kind')}</th>
            <th scope="col">{t('submissions.deposit.col.size')}</th>
            <th scope="col">{t('submissions.deposit.col.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {b.files.map((f) => (
            <tr key={`${f.name}-${f.sha256}`}>
              <td>{f.name}</td>
              <td>
                {f.kind === 'offer'
                  ? t('submissions.deposit.kind.offer', { number: f.lot ?? 0 })
                  : t('submissions.deposit.kind.candidature')}
              </td>
              <td>
                {formatBytes(f.sizeBytes, locale)} ({f.sizeBytes})
              </td>
              <td>
                <Fingerprint value={f.sha256} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`${base}/accuse.pdf`}>{t('submissions.receipt.pdf')}</a> ·{' '}
        <a href={`${base}/accuse.json`}>{t('submissions.receipt.json')}</a>
      </p>
      <p>{t('submissions.receipt.verify')}</p>
      <p>
        <a href="/mon-espace/depots">{t('submissions.mine.link')}</a>
      </p>
    </Layout>
  );
}

export interface MySubmission {
  id: string;
  reference: string;
  title: string;
  sealedAt: string;
  late: boolean;
  files: number;
}

export function MySubmissionsPage({ ctx, items }: { ctx: PageContext; items: MySubmission[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.mine.title')}>
      <h1>{t('submissions.mine.title')}</h1>
      <p>
        <a href="/depot-test">{t('submissions.workstation.title')}</a>
      </p>
      {items.length === 0 ? (
        <p>{t('submissions.mine.empty')}</p>
      ) : (
        <table>
          <caption>{t('submissions.mine.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('submissions.col.tender')}</th>
              <th scope="col">{t('submissions.col.sealed_at')}</th>
              <th scope="col">{t('submissions.col.status')}</th>
              <th scope="col">{t('submissions.col.files')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/mon-espace/depots/${s.id}`}>
                    {s.reference} — {s.title}
                  </a>
                </td>
                <td class="mono">{s.sealedAt}</td>
                <td>{t(s.late ? 'submissions.status.late' : 'submissions.status.on_time')}</td>
                <td>{s.files}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
