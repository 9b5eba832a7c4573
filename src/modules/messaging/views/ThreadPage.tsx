import type { FieldError } from '../../../platform/errors.js';
import { Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { ThreadHead, ThreadMessage } from '../repo.js';
import { MessageForm, MessageList } from './parts.js';

/** One thread, as the company or the buyer reads it, with the form to answer at the bottom. */
export function ThreadPage({
  ctx,
  side,
  thread,
  messages,
  back,
  action,
  attachmentHref,
  errors = [],
  values,
  notice,
  maxFileBytes,
}: {
  ctx: PageContext;
  side: 'buyer' | 'company';
  thread: ThreadHead;
  messages: ThreadMessage[];
  back: string;
  action: string;
  attachmentHref: (attachmentId: string) => string;
  errors?: FieldError[];
  values?: Record<string, string> | undefined;
  notice?: string | undefined;
  maxFileBytes: number;
}) {
  const { t } = ctx;
  const other = side === 'buyer' ? thread.companyName : thread.buyerName;
  const heading = t('messaging.thread.heading', { other, reference: thread.tenderReference });
  const last = messages.at(-1)?.subject ?? '';
  const prefix = t('messaging.form.reply_prefix');
  const replySubject = (last.startsWith(prefix) ? last : `${prefix}${last}`).slice(0, 200);
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={back}>{t(side === 'buyer' ? 'messaging.thread.back.buyer' : 'messaging.thread.back.company')}</a>
      </p>
      <h1>{heading}</h1>
      <p>{t('messaging.thread.tender', { title: thread.tenderTitle })}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <MessageList ctx={ctx} thread={thread} messages={messages} attachmentHref={attachmentHref} />
      <MessageForm
        ctx={ctx}
        action={action}
        title={t('messaging.form.reply')}
        errors={errors}
        values={values ?? { subject: replySubject, body: '' }}
        maxFileBytes={maxFileBytes}
      />
    </Layout>
  );
}
