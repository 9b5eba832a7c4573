import type { Locale } from '../../../platform/i18n/translator.js';
import type { MailMessage } from '../../../platform/mail/outbox.js';
import { translatorFor } from '../../../web/i18n.js';
import type { FieldChange } from '../domain/corrigendum.js';
import { describeChange } from './format.js';

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Tells a company that downloaded the DCE what a corrigendum changes: the tender, the reason,
 * each change with its old and new value, a new DCE version if any, and the notice's link.
 */
export function corrigendumMail(
  to: Recipient,
  corrigendum: {
    reference: string;
    title: string;
    number: number;
    reason: string;
    changes: FieldChange[];
    newDceVersion: number | null;
    link: string;
  },
): MailMessage {
  const t = translatorFor(to.locale);
  const lines = corrigendum.changes.map((c) => `- ${describeChange(c, t, to.locale)}`);
  if (corrigendum.newDceVersion !== null) {
    lines.push(`- ${t('publication.mail.corrigendum.documents', { version: corrigendum.newDceVersion })}`);
  }
  const params = { number: corrigendum.number, reference: corrigendum.reference, title: corrigendum.title };
  return {
    to: to.email,
    template: 'tenders.corrigendum',
    subject: t('publication.mail.corrigendum.subject', params),
    text: [
      t('publication.mail.hello', { name: to.name }),
      t('publication.mail.corrigendum.intro', params),
      t('publication.mail.corrigendum.reason', { reason: corrigendum.reason }),
      `${t('publication.mail.corrigendum.changes')}\n${lines.join('\n')}`,
      t('publication.mail.corrigendum.link', { link: corrigendum.link }),
      t('publication.mail.corrigendum.why'),
    ].join('\n\n'),
  };
}
