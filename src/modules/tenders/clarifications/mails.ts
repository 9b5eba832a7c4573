import type { Locale } from '../../../platform/i18n/translator.js';
import type { MailMessage } from '../../../platform/mail/outbox.js';
import { translatorFor } from '../../../web/i18n.js';
import { renderClarificationMail } from './views/MailBody.js';

interface TenderInfo {
  reference: string;
  title: string;
  buyerName: string;
}

function indent(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** To the tender's contact address: a company asked a question (the buyer sees who in its space). */
export function questionAskedMail(
  to: string,
  tender: TenderInfo,
  question: { number: number; text: string },
  link: string,
): MailMessage {
  // the contact address is the buyer's service: French, the language of the notice
  const locale: Locale = 'fr';
  const t = translatorFor(locale);
  const params = { number: question.number, reference: tender.reference, title: tender.title };
  const intro = t('clarifications.mail.asked.intro', params);
  return {
    to,
    template: 'tender.question_asked',
    subject: t('clarifications.mail.asked.subject', params),
    text: `${intro}\n\n${indent(question.text)}\n\n${t('clarifications.mail.asked.action')} : ${link}\n`,
    html: renderClarificationMail({
      lang: locale,
      title: t('clarifications.mail.asked.subject', params),
      blocks: [{ text: intro }, { quote: question.text }],
      action: { label: t('clarifications.mail.asked.action'), href: link },
      fallback: t('clarifications.mail.fallback'),
    }),
  };
}

/**
 * To every identified retriever and to the person who asked: the question (without who asked
 * it: the same mail goes to competitors) and its answer.
 */
export function answerPublishedMail(
  recipient: { email: string; name: string; locale: Locale },
  tender: TenderInfo,
  clarification: { number: number; question: string; answer: string },
  link: string,
): MailMessage {
  const t = translatorFor(recipient.locale);
  const subject = t('clarifications.mail.answered.subject', { reference: tender.reference });
  const hello = t('clarifications.mail.hello', { name: recipient.name });
  const intro = t('clarifications.mail.answered.intro', {
    buyer: tender.buyerName,
    reference: tender.reference,
    title: tender.title,
  });
  const questionLabel = t('clarifications.mail.answered.question', { number: clarification.number });
  const answerLabel = t('clarifications.mail.answered.answer');
  return {
    to: recipient.email,
    template: 'tenders.answer_published',
    subject,
    text: [
      hello,
      '',
      intro,
      '',
      questionLabel,
      indent(clarification.question),
      '',
      answerLabel,
      indent(clarification.answer),
      '',
      `${t('clarifications.mail.answered.action')} : ${link}`,
      '',
    ].join('\n'),
    html: renderClarificationMail({
      lang: recipient.locale,
      title: subject,
      blocks: [
        { text: hello },
        { text: intro },
        { text: questionLabel },
        { quote: clarification.question },
        { text: answerLabel },
        { quote: clarification.answer },
      ],
      action: { label: t('clarifications.mail.answered.action'), href: link },
      fallback: t('clarifications.mail.fallback'),
    }),
  };
}
