import type { FieldError } from '../../../platform/errors.js';
import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import { CsrfField, ErrorSummary, Form, Notice, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { Fingerprint, formatBytes } from './parts.js';

export interface DepositView {
  tender: {
    reference: string;
    title: string;
    deadline: Date | null;
    maxFileBytes: number;
    open: boolean;
    backupCopyAllowed: boolean;
    /** the permanent test tender: bids are sealed like real ones but nobody can ever open them */
    isTest: boolean;
  };
  lots: { number: number; title: string }[];
  draft: {
    lots: number[];
    consortium: { lead: string; members: { name: string; siret: string | null }[] } | null;
    files: {
      id: string;
      name: string;
      kind: 'candidature' | 'offer';
      lot: number | null;
      sizeBytes: number;
      sha256: string;
    }[];
  } | null;
  backupDeclaredAt: Date | null;
  /** the company's vault, attachable in one click */
  vault: {
    id: string;
    title: string;
    fileName: string;
    sizeBytes: number;
    validUntil: string | null;
    expired: boolean;
  }[];
}

/** A calendar day ('2026-12-31') as people read it. */
function formatDay(day: string, locale: PageContext['locale']): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

export function DepositPage({
  ctx,
  view,
  errors = [],
  flash,
}: {
  ctx: PageContext;
  view: DepositView;
  errors?: FieldError[];
  flash?: string | undefined;
}) {
  const { t, locale } = ctx;
  const { tender, lots, draft } = view;
  const base = `/consultations/${tender.reference}/depot`;
  const chosen = draft?.lots ?? (lots.length === 1 ? [lots[0]?.number ?? 1] : []);
  const members = (draft?.consortium?.members ?? []).map((m) => `${m.name} ; ${m.siret ?? ''}`).join('\n');
  return (
    <Layout ctx={ctx} title={t('submissions.deposit.title')}>
      <p>
        <a href={`/consultations/${tender.reference}`}>
          {tender.reference} — {tender.title}
        </a>
      </p>
      <h1>{t('submissions.deposit.title')}</h1>
      {tender.isTest ? <Notice kind="info">{t('submissions.test_tender.notice')}</Notice> : null}
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('submissions.deposit.intro')}</p>
      {tender.deadline ? (
        <p>{t('submissions.deposit.deadline', { date: formatParisDateTime(tender.deadline, locale) })}</p>
      ) : null}
      <p>
        <strong>{t('submissions.deposit.max_size', { size: formatBytes(tender.maxFileBytes, locale) })}</strong>
      </p>
      {!tender.open ? <Notice kind="info">{t('submissions.deposit.closed')}</Notice> : null}

      <h2>{t('submissions.deposit.step.details')}</h2>
      <Form ctx={ctx} action={`${base}/details`}>
        <fieldset>
          <legend>{t('submissions.deposit.lots')}</legend>
          {lots.map((lot) => (
            <div class="field field-checkbox" key={lot.number}>
              <input
                id={`lot-${lot.number}`}
                type="checkbox"
                name="lots"
                value={String(lot.number)}
                checked={chosen.includes(lot.number)}
              />
              <label for={`lot-${lot.number}`}>
                {t('submissions.deposit.lot', { number: lot.number, title: lot.title })}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('submissions.deposit.consortium')}</legend>
          <TextField
            ctx={ctx}
            name="consortium_lead"
            label={t('submissions.deposit.consortium_lead')}
            value={draft?.consortium?.lead ?? ''}
            errors={errors}
            maxLength={300}
          />
          <TextAreaField
            ctx={ctx}
            name="consortium_members"
            label={t('submissions.deposit.consortium_members')}
            value={members}
            errors={errors}
          />
        </fieldset>
        <div class="actions">
          <button type="submit" class="button-secondary">
            {t('submissions.deposit.save_details')}
          </button>
        </div>
      </Form>

      <h2>{t('submissions.deposit.step.files')}</h2>
      {draft && draft.files.length > 0 ? (
        <table>
          <caption>{t('submissions.deposit.files_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('submissions.deposit.col.name')}</th>
              <th scope="col">{t('submissions.deposit.col.kind')}</th>
              <th scope="col">{t('submissions.deposit.col.size')}</th>
              <th scope="col">{t('submissions.deposit.col.sha256')}</th>
              <th scope="col">{t('submissions.deposit.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.files.map((f) => (
              <tr key={f.id}>
                <td>{f.name}</td>
                <td>
                  {f.kind === 'offer'
                    ? t('submissions.deposit.kind.offer', { number: f.lot ?? 0 })
                    : t('submissions.deposit.kind.candidature')}
                </td>
                <td>{formatBytes(f.sizeBytes, locale)}</td>
                <td>
                  <Fingerprint value={f.sha256} />
                </td>
                <td>
                  <Form ctx={ctx} action={`${base}/fichiers/${f.id}/retirer`}>
                    <button type="submit" class="button-secondary">
                      {t('submissions.deposit.remove')}
                      <span class="visually-hidden"> {f.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('submissions.deposit.no_files')}</p>
      )}
      {tender.open ? (
        <form
          method="post"
          action={`${base}/fichiers`}
          enctype="multipart/form-data"
          class="upload-form"
          data-max-bytes={String(tender.maxFileBytes)}
        >
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="champ-kind">{t('submissions.deposit.kind')}</label>
            <select id="champ-kind" name="kind">
              <option value="candidature">{t('submissions.deposit.kind.candidature')}</option>
              {lots.map((lot) => (
                <option key={lot.number} value={`offer:${lot.number}`}>
                  {t('submissions.deposit.kind.offer', { number: lot.number })}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="champ-file">{t('submissions.deposit.file')}</label>
            <input id="champ-file" type="file" name="file" required />
          </div>
          <progress class="upload-progress" max="100" value="0" hidden aria-label={t('submissions.deposit.progress')} />
          <div class="actions">
            <button type="submit">{t('submissions.deposit.upload')}</button>
          </div>
        </form>
      ) : null}

      {tender.open ? (
        <section aria-labelledby="coffre-titre">
          <h3 id="coffre-titre">{t('submissions.vault.title')}</h3>
          <p>{t('submissions.vault.intro')}</p>
          {view.vault.length === 0 ? (
            <p>{t('submissions.vault.none')}</p>
          ) : (
            <ul class="vault-attach">
              {view.vault.map((d) => (
                <li key={d.id}>
                  <Form ctx={ctx} action={`${base}/coffre`} class="inline-form">
                    <input type="hidden" name="document" value={d.id} />
                    {d.title} ({d.fileName}, {formatBytes(d.sizeBytes, locale)}
                    {d.validUntil
                      ? `, ${t('submissions.vault.valid_until', { date: formatDay(d.validUntil, locale) })}`
                      : ''}
                    ){d.expired ? <strong> — {t('submissions.vault.expired')}</strong> : null}{' '}
                    <button type="submit" class="button-secondary">
                      {t('submissions.vault.attach')}
                      <span class="visually-hidden"> {d.title}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/mon-espace/coffre-fort">{t('submissions.vault.manage')}</a>
          </p>
        </section>
      ) : null}

      <h2>{t('submissions.deposit.step.seal')}</h2>
      <p>{t('submissions.deposit.seal_warning')}</p>
      <Form ctx={ctx} action={`${base}/sceller`}>
        <div class="actions">
          <button type="submit">{t('submissions.deposit.seal')}</button>
        </div>
      </Form>

      {tender.backupCopyAllowed ? (
        <section aria-labelledby="copie-sauvegarde">
          <h2 id="copie-sauvegarde">{t('submissions.deposit.backup_title')}</h2>
          <p>{t('submissions.deposit.backup_intro')}</p>
          {view.backupDeclaredAt ? (
            <p>
              {t('submissions.deposit.backup_declared', { date: formatParisDateTime(view.backupDeclaredAt, locale) })}
            </p>
          ) : null}
          <Form ctx={ctx} action={`${base}/copie-de-sauvegarde`}>
            <TextField
              ctx={ctx}
              name="medium"
              label={t('submissions.deposit.backup_medium')}
              errors={errors}
              maxLength={500}
              required
            />
            <div class="actions">
              <button type="submit" class="button-secondary">
                {t('submissions.deposit.backup_submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <p>
        <a href="/mon-espace/depots">{t('submissions.mine.link')}</a>
      </p>
      <script type="module" src="/static/submission-upload.js" />
    </Layout>
  );
}
