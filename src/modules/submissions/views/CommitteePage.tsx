import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Form, Notice, SelectField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

export interface CommitteeView {
  threshold: number;
  keyed: boolean;
  holders: { name: string; email: string; role: 'member' | 'backup'; passphraseSet: boolean }[];
}

export function CommitteePage({
  ctx,
  tender,
  agents,
  committee,
  errors = [],
  flash,
}: {
  ctx: PageContext;
  tender: { reference: string; title: string; status: string };
  agents: { id: string; name: string; email: string }[];
  committee: CommitteeView | null;
  errors?: FieldError[];
  flash?: string | undefined;
}) {
  const { t } = ctx;
  const action = `/mon-espace/consultations/${tender.reference}/commission`;
  return (
    <Layout ctx={ctx} title={t('submissions.committee.title')}>
      <p>
        <a href={`/consultations/${tender.reference}`}>
          {tender.reference} — {tender.title}
        </a>
      </p>
      <h1>{t('submissions.committee.title')}</h1>
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('submissions.committee.intro')}</p>
      {committee ? (
        <section aria-labelledby="commission-actuelle">
          <h2 id="commission-actuelle">{t('submissions.committee.current')}</h2>
          <p>{t('submissions.committee.threshold_is', { k: committee.threshold, n: committee.holders.length })}</p>
          <Notice kind={committee.keyed ? 'success' : 'info'}>
            {t(committee.keyed ? 'submissions.committee.keyed' : 'submissions.committee.waiting')}
          </Notice>
          <table>
            <caption>{t('submissions.committee.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('submissions.committee.col.holder')}</th>
                <th scope="col">{t('submissions.committee.col.role')}</th>
                <th scope="col">{t('submissions.committee.col.passphrase')}</th>
              </tr>
            </thead>
            <tbody>
              {committee.holders.map((h) => (
                <tr key={h.email}>
                  <td>
                    {h.name} ({h.email})
                  </td>
                  <td>{t(`submissions.committee.role.${h.role}`)}</td>
                  <td>
                    {t(
                      h.passphraseSet
                        ? 'submissions.committee.passphrase_set'
                        : 'submissions.committee.passphrase_missing',
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {tender.status === 'draft' ? (
        <Form ctx={ctx} action={action}>
          <fieldset>
            <legend>{t('submissions.committee.holders')}</legend>
            {agents.map((a) => (
              <div class="field field-checkbox" key={a.id}>
                <input id={`membre-${a.id}`} type="checkbox" name="holders" value={a.id} />
                <label for={`membre-${a.id}`}>
                  {a.name} ({a.email})
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            ctx={ctx}
            name="threshold"
            type="number"
            label={t('submissions.committee.threshold')}
            value="2"
            errors={errors}
            required
          />
          <SelectField
            ctx={ctx}
            name="backup"
            label={t('submissions.committee.backup')}
            options={[
              { value: '', label: '—' },
              ...agents.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })),
            ]}
            errors={errors}
            required
          />
          <div class="actions">
            <button type="submit">{t('submissions.committee.submit')}</button>
          </div>
        </Form>
      ) : null}
    </Layout>
  );
}

export function HolderPage({
  ctx,
  holderId,
  tender,
  done,
  errors = [],
}: {
  ctx: PageContext;
  holderId: string;
  tender: { reference: string; title: string };
  done: boolean;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.holder.title')}>
      <h1>{t('submissions.holder.title')}</h1>
      <p>{t('submissions.holder.intro', { reference: tender.reference, title: tender.title })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {done ? (
        <Notice kind="success">{t('submissions.holder.done')}</Notice>
      ) : (
        <Form ctx={ctx} action={`/mon-espace/cles/${holderId}`}>
          <TextField
            ctx={ctx}
            name="passphrase"
            type="password"
            label={t('submissions.holder.passphrase')}
            errors={errors}
            required
            autocomplete="new-password"
          />
          <TextField
            ctx={ctx}
            name="confirmation"
            type="password"
            label={t('submissions.holder.confirmation')}
            errors={errors}
            required
            autocomplete="new-password"
          />
          <div class="actions">
            <button type="submit">{t('submissions.holder.submit')}</button>
          </div>
        </Form>
      )}
    </Layout>
  );
}

/** The key holder's own list: the committees they belong to, with the passphrase still to set. */
export function MyKeysPage({
  ctx,
  items,
}: {
  ctx: PageContext;
  items: { id: string; reference: string; title: string; passphraseSet: boolean }[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.keys.title')}>
      <h1>{t('submissions.keys.title')}</h1>
      {items.length === 0 ? (
        <p>{t('submissions.keys.empty')}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <a href={`/mon-espace/cles/${i.id}`}>
                {i.reference} — {i.title}
              </a>{' '}
              (
              {t(i.passphraseSet ? 'submissions.committee.passphrase_set' : 'submissions.committee.passphrase_missing')}
              )
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
