import { formatParisDateTime } from '../../platform/i18n/paris-time.js';
import type { Locale } from '../../platform/i18n/translator.js';
import type { MailMessage } from '../../platform/mail/outbox.js';
import { translatorFor } from '../../web/i18n.js';
import type { MatchableDocument } from './matchDocument.js';
import { renderAlertMail } from './views/MailBody.js';

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

function absolute(publicUrl: string, link: string): string {
  return /^https?:\/\//.test(link) ? link : `${publicUrl}${link}`;
}

function facts(doc: MatchableDocument, locale: Locale): string[] {
  const t = translatorFor(locale);
  return [
    t('alerts.mail.fact.reference', { reference: doc.reference }),
    t('alerts.mail.fact.buyer', { buyer: doc.buyerName }),
    doc.submissionDeadline
      ? t('alerts.mail.fact.deadline', { date: formatParisDateTime(doc.submissionDeadline, locale) })
      : t('alerts.mail.fact.no_deadline'),
    ...(doc.department ? [t('alerts.mail.fact.department', { department: doc.department })] : []),
  ];
}

/**
 * A tender matched an alert set to immediate mail. One-click unsubscribe (RFC 8058): the headers
 * name an HTTPS (signed) address that a mail client may POST to without the person signing in.
 */
export function alertMatchMail(
  recipient: Recipient,
  doc: MatchableDocument,
  alertName: string,
  urls: { publicUrl: string; unsubscribe: string; manage: string },
): MailMessage {
  const t = translatorFor(recipient.locale);
  const link = absolute(urls.publicUrl, doc.link);
  const subject = t('alerts.mail.match.subject', { name: alertName, title: doc.title.slice(0, 120) });
  const intro = t('alerts.mail.match.intro', { name: alertName });
  const list = facts(doc, recipient.locale);
  const footer = [
    t('alerts.mail.footer.manage', { url: urls.manage }),
    t('alerts.mail.footer.unsubscribe', { url: urls.unsubscribe }),
  ];
  return {
    to: recipient.email,
    template: 'alerts.match',
    subject,
    text: `${t('alerts.mail.hello', { name: recipient.name })}\n\n${intro}\n\n${doc.title}\n${list.map((f) => `- ${f}`).join('\n')}\n${link}\n\n${footer.join('\n')}\n`,
    html: renderAlertMail({
      lang: recipient.locale,
      title: subject,
      intro,
      items: [{ title: doc.title, href: link, facts: list }],
      footer,
    }),
    headers: {
      'List-Unsubscribe': `<${urls.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** "Corrigendum no. 2", "Answer to question no. 3": from the notification's kind and discriminator. */
export function followUpLabel(locale: Locale, kind: 'corrigendum' | 'answer', number: string): string {
  return translatorFor(locale)(kind === 'corrigendum' ? 'alerts.followup.corrigendum' : 'alerts.followup.answer', {
    number,
  });
}

/** A corrigendum or an answer on a tender the person watches (retrievers are mailed by tenders). */
export function followUpMail(
  recipient: Recipient,
  news: { title: string; reference: string; discriminator: string; link: string; kind: 'corrigendum' | 'answer' },
  publicUrl: string,
): MailMessage {
  const t = translatorFor(recipient.locale);
  const item = { ...news, detail: followUpLabel(recipient.locale, news.kind, news.discriminator) };
  const link = absolute(publicUrl, item.link);
  const subject =
    item.kind === 'corrigendum'
      ? t('alerts.mail.corrigendum.subject', { reference: item.reference })
      : t('alerts.mail.answer.subject', { reference: item.reference });
  return {
    to: recipient.email,
    template: `alerts.${item.kind}`,
    subject,
    text: `${t('alerts.mail.hello', { name: recipient.name })}\n\n${item.title}\n${item.detail}\n${link}\n\n${t('alerts.mail.footer.watchlist')}\n`,
    html: renderAlertMail({
      lang: recipient.locale,
      title: subject,
      intro: item.detail,
      items: [{ title: item.title, href: link, facts: [item.reference] }],
      footer: [t('alerts.mail.footer.watchlist')],
    }),
  };
}

/** The daily digest: every pending match of one person, in one mail. */
export function digestMail(
  recipient: Recipient,
  items: { title: string; reference: string; detail: string; link: string }[],
  urls: { publicUrl: string; manage: string },
): MailMessage {
  const t = translatorFor(recipient.locale);
  const subject = t('alerts.mail.digest.subject', { count: items.length });
  const intro = t('alerts.mail.digest.intro', { count: items.length });
  const footer = [t('alerts.mail.footer.manage', { url: urls.manage })];
  return {
    to: recipient.email,
    template: 'alerts.digest',
    subject,
    text: `${t('alerts.mail.hello', { name: recipient.name })}\n\n${intro}\n\n${items
      .map((i) => `${i.title}\n- ${i.reference} · ${i.detail}\n${absolute(urls.publicUrl, i.link)}`)
      .join('\n\n')}\n\n${footer.join('\n')}\n`,
    html: renderAlertMail({
      lang: recipient.locale,
      title: subject,
      intro,
      items: items.map((i) => ({
        title: i.title,
        href: absolute(urls.publicUrl, i.link),
        facts: [i.reference, i.detail],
      })),
      footer,
    }),
  };
}
