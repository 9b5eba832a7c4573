import type { Locale } from '../../platform/i18n/translator.js';
import { formatDateTime } from '../../platform/i18n/translator.js';
import type { MailMessage } from '../../platform/mail/outbox.js';
import { translatorFor } from '../../web/i18n.js';
import { renderMailHtml } from './views/MailBody.js';

/** The mails of the identity module, in the recipient's preferred language. */
interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

export function verificationMail(user: Recipient, link: string): MailMessage {
  const t = translatorFor(user.locale);
  return {
    to: user.email,
    template: 'identity.verify_email',
    subject: t('identity.mail.verify.subject'),
    text: t('identity.mail.verify.text', { name: user.name, link }),
    html: renderMailHtml({
      lang: user.locale,
      title: t('identity.mail.verify.subject'),
      paragraphs: [t('identity.mail.hello', { name: user.name }), t('identity.mail.verify.html.intro')],
      action: { label: t('identity.mail.verify.html.action'), href: link },
      fallback: t('identity.mail.fallback'),
      footer: t('identity.mail.ignore'),
    }),
  };
}

export function passwordResetMail(user: Recipient, link: string, expiresAt: Date): MailMessage {
  const t = translatorFor(user.locale);
  const expiry = formatDateTime(expiresAt, user.locale);
  return {
    to: user.email,
    template: 'identity.reset_password',
    subject: t('identity.mail.reset.subject'),
    text: t('identity.mail.reset.text', { name: user.name, link, expiry }),
    html: renderMailHtml({
      lang: user.locale,
      title: t('identity.mail.reset.subject'),
      paragraphs: [t('identity.mail.hello', { name: user.name }), t('identity.mail.reset.html.intro', { expiry })],
      action: { label: t('identity.mail.reset.html.action'), href: link },
      fallback: t('identity.mail.fallback'),
      footer: t('identity.mail.ignore'),
    }),
  };
}

/** Tells the owner that the password changed, so a takeover does not go unnoticed. */
export function passwordChangedMail(user: Recipient, at: Date, forgotLink: string): MailMessage {
  const t = translatorFor(user.locale);
  return {
    to: user.email,
    template: 'identity.password_changed',
    subject: t('identity.mail.changed.subject'),
    text: t('identity.mail.changed.text', { name: user.name, date: formatDateTime(at, user.locale), link: forgotLink }),
  };
}
