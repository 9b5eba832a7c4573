import type { FieldError } from '../../../platform/errors.js';
import { csrfFieldName } from '../../../platform/http/csrf.js';
import { formatDateTime, type Locale } from '../../../platform/i18n/translator.js';
import { ErrorSummary, fieldId, TextAreaField, TextField } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey, T } from '../../../web/i18n.js';
import type { ThreadHead, ThreadMessage } from '../repo.js';

/** A size as people read it: "1,2 Mo", "830 Ko", "12 octets" (decimal units). */
export function formatSize(bytes: number, t: T, locale: Locale): string {
  const number = (n: number) =>
    new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: n < 100 ? 1 : 0 }).format(n);
  if (bytes < 1000) return t('messaging.size.bytes', { n: number(bytes) });
  if (bytes < 1e6) return t('messaging.size.kb', { n: number(bytes / 1e3) });
  return t('messaging.size.mb', { n: number(bytes / 1e6) });
}

export function categoryKey(category: string): MessageKey {
  return `messaging.category.${category}` as MessageKey;
}

/** The messages of a thread, oldest first, each with its receipts as the two sides see them. */
export function MessageList({
  ctx,
  thread,
  messages,
  attachmentHref,
}: {
  ctx: PageContext;
  thread: ThreadHead;
  messages: ThreadMessage[];
  attachmentHref: (attachmentId: string) => string;
}) {
  const { t, locale } = ctx;
  return (
    <ol class="message-list" aria-label={t('messaging.thread.caption')}>
      {messages.map((m) => {
        const organisation = m.side === 'buyer' ? thread.buyerName : thread.companyName;
        return (
          <li key={m.id} id={`message-${m.id}`} class="card">
            <article aria-labelledby={`objet-${m.id}`}>
              <h2 id={`objet-${m.id}`}>{m.subject}</h2>
              <p>
                <span class="chip">{t(m.side === 'buyer' ? 'messaging.from.buyer' : 'messaging.from.company')}</span>{' '}
                {m.category !== 'message' ? <span class="chip">{t(categoryKey(m.category))}</span> : null}
              </p>
              <p class="muted">
                {m.senderName
                  ? t('messaging.sender.person', { name: m.senderName, organisation })
                  : t('messaging.sender.automatic', { organisation })}
                {' · '}
                {t('messaging.message.sent', { date: formatDateTime(m.createdAt, locale) })}
              </p>
              {/* the receipts belong to the message's header, not under its attachments */}
              <ul class="muted receipts" aria-label={t('messaging.receipt.label')}>
                <li>
                  {m.deliveredAt
                    ? t('messaging.receipt.delivered', { date: formatDateTime(m.deliveredAt, locale) })
                    : null}
                </li>
                <li>
                  {m.readAt
                    ? t('messaging.receipt.read', { date: formatDateTime(m.readAt, locale) })
                    : t('messaging.receipt.unread')}
                </li>
              </ul>
              {m.replyBy ? (
                <p>
                  <strong>{t('messaging.message.reply_by', { date: formatDateTime(m.replyBy, locale) })}</strong>
                </p>
              ) : null}
              <div class="message-body">{m.body}</div>
              {m.attachments.length > 0 ? (
                <>
                  <h3>{t('messaging.attachments.label')}</h3>
                  <ul>
                    {m.attachments.map((a) => (
                      <li key={a.id}>
                        <a href={attachmentHref(a.id)} download>
                          {t('messaging.attachment.download', {
                            name: a.fileName,
                            size: formatSize(a.sizeBytes, t, locale),
                          })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** A multipart form (CSRF token first, then the fields, the file last) to write a message. */
export function MessageForm({
  ctx,
  action,
  title,
  errors,
  values,
  maxFileBytes,
  children,
}: {
  ctx: PageContext;
  action: string;
  title: string;
  errors: FieldError[];
  values: Record<string, string>;
  maxFileBytes: number;
  children?: preact.ComponentChildren;
}) {
  const { t, locale } = ctx;
  const fileErrors = errors.filter((e) => e.field === 'attachments');
  const fileId = fieldId('attachments');
  return (
    <section aria-labelledby="ecrire">
      <h2 id="ecrire">{title}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name={csrfFieldName} value={ctx.csrfToken} />
        {children}
        <TextField
          ctx={ctx}
          name="subject"
          label={t('messaging.form.subject')}
          value={values.subject}
          errors={errors}
          required
          maxLength={200}
        />
        <TextAreaField
          ctx={ctx}
          name="body"
          label={t('messaging.form.body')}
          hint={t('messaging.form.body.hint')}
          value={values.body}
          errors={errors}
          required
          rows={8}
        />
        <div class={fileErrors.length ? 'field field-error' : 'field'}>
          <label for={fileId}>{t('messaging.form.attachment')}</label>
          <p class="hint" id={`${fileId}-aide`}>
            {t('messaging.form.attachment.hint', { size: formatSize(maxFileBytes, t, locale) })}
          </p>
          {fileErrors.length ? (
            <p class="error-message" id={`${fileId}-erreur`}>
              {fileErrors.map((e) => t(e.message as MessageKey)).join(' ')}
            </p>
          ) : null}
          <input
            id={fileId}
            type="file"
            name="attachments"
            aria-invalid={fileErrors.length ? 'true' : undefined}
            aria-describedby={fileErrors.length ? `${fileId}-aide ${fileId}-erreur` : `${fileId}-aide`}
          />
        </div>
        <p>
          <button type="submit" class="button">
            {t('messaging.form.send')}
          </button>
        </p>
      </form>
    </section>
  );
}
