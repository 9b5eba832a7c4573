import type { Locale } from '../../platform/i18n/translator.js';
import type { MailMessage } from '../../platform/mail/outbox.js';
import { translatorFor } from '../../web/i18n.js';
import { renderMessageMail } from './views/MailBody.js';

/**
 * To each user of the receiving side: a message arrived. Secure messaging: the mail carries the
 * subject and a link, never the body nor the attachments (reading them requires signing in).
 */
export function messageArrivedMail(
  recipient: { email: string; name: string; locale: Locale },
  message: { subject: string; tenderReference: string; tenderTitle: string; fromName: string },
  link: string,
): MailMessage {
  const t = translatorFor(recipient.locale);
  const subject = t('messaging.mail.subject', { reference: message.tenderReference });
  const hello = t('messaging.mail.hello', { name: recipient.name });
  const intro = t('messaging.mail.intro', {
    from: message.fromName,
    reference: message.tenderReference,
    title: message.tenderTitle,
  });
  const subjectLine = t('messaging.mail.message_subject', { subject: message.subject });
  const secure = t('messaging.mail.secure');
  const action = t('messaging.mail.action');
  return {
    to: recipient.email,
    template: 'messaging.message_arrived',
    subject,
    text: [hello, '', intro, subjectLine, '', secure, '', `${action} : ${link}`, ''].join('\n'),
    html: renderMessageMail({
      lang: recipient.locale,
      title: subject,
      paragraphs: [hello, intro, subjectLine, secure],
      action: { label: action, href: link },
    }),
  };
}
