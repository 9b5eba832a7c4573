/** Strings of tenders / clarifications: questions, answers and the registers. */
export const clarificationsMessages = {
  // public section of the notice page
  'clarifications.section.title': { fr: 'Questions et réponses', en: 'Questions and answers' },
  'clarifications.section.none': {
    fr: 'Aucune réponse publiée pour le moment.',
    en: 'No answer published yet.',
  },
  'clarifications.section.intro': {
    fr: 'Les réponses sont publiées pour tous, sans le nom de l’entreprise ni de la personne qui a posé la question.',
    en: 'Answers are published for everyone, without the name of the company or person who asked.',
  },
  'clarifications.answer.question': { fr: 'Question n° {number}', en: 'Question no. {number}' },
  'clarifications.answer.asked': { fr: 'Posée le {date}', en: 'Asked on {date}' },
  'clarifications.answer.answered': { fr: 'Réponse publiée le {date}', en: 'Answer published on {date}' },
  'clarifications.answer.label': { fr: 'Réponse de l’acheteur', en: 'Buyer’s answer' },
  'clarifications.own.title': { fr: 'Vos questions', en: 'Your questions' },
  'clarifications.own.caption': {
    fr: 'Questions posées par votre entreprise sur cette consultation',
    en: 'Questions asked by your company about this tender',
  },
  'clarifications.own.number': { fr: 'N°', en: 'No.' },
  'clarifications.own.question': { fr: 'Question', en: 'Question' },
  'clarifications.own.asked': { fr: 'Posée le', en: 'Asked on' },
  'clarifications.own.status': { fr: 'Statut', en: 'Status' },
  'clarifications.own.pending': { fr: 'En attente de réponse', en: 'Awaiting an answer' },
  'clarifications.own.answered': { fr: 'Répondue le {date}', en: 'Answered on {date}' },
  'clarifications.ask.title': { fr: 'Poser une question', en: 'Ask a question' },
  'clarifications.ask.deadline': {
    fr: 'Questions acceptées jusqu’au {date}.',
    en: 'Questions accepted until {date}.',
  },
  'clarifications.ask.label': { fr: 'Votre question', en: 'Your question' },
  'clarifications.ask.hint': {
    fr: 'Entre 10 et 5 000 caractères. La réponse sera publiée pour toutes les entreprises, sans votre nom.',
    en: 'Between 10 and 5,000 characters. The answer will be published for every company, without your name.',
  },
  'clarifications.ask.submit': { fr: 'Envoyer la question', en: 'Send the question' },
  'clarifications.ask.sent': {
    fr: 'Votre question n° {number} a été transmise à l’acheteur. Vous serez prévenu par courriel de sa réponse.',
    en: 'Your question no. {number} was sent to the buyer. You will be told of the answer by e-mail.',
  },
  'clarifications.ask.signin': {
    fr: 'Connectez-vous avec le compte de votre entreprise pour poser une question',
    en: 'Sign in with your company account to ask a question',
  },
  'clarifications.ask.buyer': {
    fr: 'Les questions sont posées par les entreprises ; l’acheteur y répond depuis son espace.',
    en: 'Questions are asked by companies; the buyer answers them from its own space.',
  },
  'clarifications.ask.manage': { fr: 'Répondre aux questions', en: 'Answer the questions' },
  'clarifications.ask.closed.deadline': {
    fr: 'La date limite de remise des questions est dépassée depuis le {date}.',
    en: 'The question deadline passed on {date}.',
  },
  'clarifications.ask.closed.status': {
    fr: 'Cette consultation n’accepte plus de questions.',
    en: 'This tender no longer accepts questions.',
  },
  'clarifications.ask.not_sent': {
    fr: 'Votre question n’a pas été envoyée ; la voici pour que vous la conserviez :',
    en: 'Your question was not sent; here it is so you can keep it:',
  },
  'clarifications.ask.page.title': { fr: 'Questions — {title}', en: 'Questions — {title}' },
  'clarifications.ask.back': { fr: 'Retour à l’avis de la consultation', en: 'Back to the tender notice' },
  'clarifications.question.required': { fr: 'Saisissez votre question.', en: 'Enter your question.' },
  'clarifications.question.too_short': {
    fr: 'La question doit contenir au moins 10 caractères.',
    en: 'The question must be at least 10 characters long.',
  },
  'clarifications.question.too_long': {
    fr: 'La question ne peut dépasser 5 000 caractères.',
    en: 'The question cannot exceed 5,000 characters.',
  },
  'clarifications.error.company_only': {
    fr: 'Seul le membre d’une entreprise peut poser une question sur une consultation.',
    en: 'Only a member of a company can ask a question about a tender.',
  },

  // buyer: questions page
  'clarifications.buyer.title': { fr: 'Questions des entreprises', en: 'Questions from companies' },
  'clarifications.buyer.back': { fr: 'Retour à la consultation', en: 'Back to the tender' },
  'clarifications.buyer.none': {
    fr: 'Aucune question n’a été posée sur cette consultation.',
    en: 'No question was asked about this tender.',
  },
  'clarifications.buyer.summary': {
    fr: '{total} question(s), dont {pending} en attente de réponse.',
    en: '{total} question(s), {pending} awaiting an answer.',
  },
  'clarifications.buyer.asked_by': {
    fr: 'Posée le {date} par {person} ({email}), {company}',
    en: 'Asked on {date} by {person} ({email}), {company}',
  },
  'clarifications.buyer.unknown': { fr: 'inconnu', en: 'unknown' },
  'clarifications.buyer.private': {
    fr: 'L’identité de l’entreprise n’est visible que par vous : elle n’est jamais publiée.',
    en: 'The company’s identity is visible only to you: it is never published.',
  },
  'clarifications.buyer.answer.label': {
    fr: 'Réponse à la question n° {number}',
    en: 'Answer to question no. {number}',
  },
  'clarifications.buyer.answer.hint': {
    fr: 'La réponse est publiée sur l’avis avec la question, sans le nom de l’entreprise, et envoyée par courriel à toutes les entreprises identifiées ayant retiré le dossier. Elle ne pourra plus être modifiée.',
    en: 'The answer is published on the notice with the question, without the company’s name, and e-mailed to every identified company that retrieved the documents. It cannot be changed afterwards.',
  },
  'clarifications.buyer.answer.submit': { fr: 'Publier la réponse', en: 'Publish the answer' },
  'clarifications.buyer.answered': {
    fr: 'Réponse publiée le {date} par {person}.',
    en: 'Answer published on {date} by {person}.',
  },
  'clarifications.buyer.locked': {
    fr: 'Une réponse publiée ne peut plus être modifiée : pour la compléter, publiez un avis rectificatif.',
    en: 'A published answer cannot be changed: to complete it, publish a corrigendum.',
  },
  'clarifications.buyer.published': {
    fr: 'La réponse à la question n° {number} est publiée ; {count} courriel(s) envoyé(s).',
    en: 'The answer to question no. {number} is published; {count} e-mail(s) sent.',
  },
  'clarifications.buyer.not_answerable': {
    fr: 'Cette consultation n’est plus en cours de publication : les questions ne peuvent plus recevoir de réponse.',
    en: 'This tender is no longer published: questions can no longer be answered.',
  },
  'clarifications.answer.required': { fr: 'Saisissez la réponse.', en: 'Enter the answer.' },
  'clarifications.answer.too_long': {
    fr: 'La réponse ne peut dépasser 10 000 caractères.',
    en: 'The answer cannot exceed 10,000 characters.',
  },
  'clarifications.answer.already': {
    fr: 'Cette question a déjà reçu une réponse publiée, qui ne peut plus être modifiée.',
    en: 'This question already has a published answer, which cannot be changed.',
  },

  // registers
  'clarifications.registers.title': { fr: 'Registres de la consultation', en: 'Registers of the tender' },
  'clarifications.registers.retrievals': { fr: 'Registre des retraits', en: 'Retrievals register' },
  'clarifications.registers.retrievals.caption': {
    fr: 'Téléchargements identifiés, du plus récent au plus ancien',
    en: 'Identified downloads, newest first',
  },
  'clarifications.registers.retrievals.none': {
    fr: 'Aucun téléchargement identifié.',
    en: 'No identified download.',
  },
  'clarifications.registers.retrievals.truncated': {
    fr: 'Seuls les {shown} téléchargements les plus récents sont affichés sur {total} : l’export contient tout le registre.',
    en: 'Only the {shown} most recent downloads of {total} are shown: the export holds the whole register.',
  },
  'clarifications.registers.anonymous': { fr: 'Téléchargements anonymes', en: 'Anonymous downloads' },
  'clarifications.registers.anonymous.caption': {
    fr: 'Téléchargements sans compte, comptés par version du dossier',
    en: 'Downloads without an account, counted by version of the documents',
  },
  'clarifications.registers.anonymous.intro': {
    fr: 'Les téléchargements sans compte ne sont que comptés : aucune donnée personnelle n’est conservée.',
    en: 'Downloads without an account are only counted: no personal data is kept.',
  },
  'clarifications.registers.anonymous.none': { fr: 'Aucun téléchargement anonyme.', en: 'No anonymous download.' },
  'clarifications.registers.anonymous.count': { fr: 'Téléchargements', en: 'Downloads' },
  'clarifications.registers.questions': { fr: 'Registre des questions', en: 'Questions register' },
  'clarifications.registers.questions.caption': {
    fr: 'Questions posées, par ordre d’arrivée',
    en: 'Questions asked, in order of arrival',
  },
  'clarifications.registers.questions.none': { fr: 'Aucune question.', en: 'No question.' },
  'clarifications.registers.deposits': { fr: 'Registre des dépôts', en: 'Submissions register' },
  'clarifications.registers.deposits.later': {
    fr: 'Disponible avec le dépôt électronique des offres.',
    en: 'Available with electronic submissions.',
  },
  'clarifications.registers.export': { fr: 'Exporter :', en: 'Export:' },
  'clarifications.registers.export.csv': { fr: 'CSV', en: 'CSV' },
  'clarifications.registers.export.xlsx': { fr: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  'clarifications.registers.export.label': {
    fr: '{format} — {register}',
    en: '{format} — {register}',
  },
  'clarifications.registers.not_answered': { fr: 'Sans réponse', en: 'Not answered' },
  'clarifications.registers.zip': { fr: 'dossier complet (ZIP)', en: 'complete documents (ZIP)' },
  'clarifications.col.date': { fr: 'Date et heure (Paris)', en: 'Date and time (Paris)' },
  'clarifications.col.company': { fr: 'Entreprise', en: 'Company' },
  'clarifications.col.siret': { fr: 'SIRET', en: 'SIRET' },
  'clarifications.col.person': { fr: 'Personne', en: 'Person' },
  'clarifications.col.email': { fr: 'Courriel', en: 'E-mail' },
  'clarifications.col.version': { fr: 'Version du DCE', en: 'DCE version' },
  'clarifications.col.document': { fr: 'Document', en: 'Document' },
  'clarifications.col.number': { fr: 'N°', en: 'No.' },
  'clarifications.col.asked_at': { fr: 'Posée le (Paris)', en: 'Asked on (Paris)' },
  'clarifications.col.question': { fr: 'Question', en: 'Question' },
  'clarifications.col.answered_at': { fr: 'Répondue le (Paris)', en: 'Answered on (Paris)' },
  'clarifications.sheet.retrievals': { fr: 'Retraits', en: 'Retrievals' },
  'clarifications.sheet.anonymous': { fr: 'Retraits anonymes', en: 'Anonymous retrievals' },
  'clarifications.sheet.questions': { fr: 'Questions', en: 'Questions' },
  'clarifications.csv.anonymous': {
    fr: 'anonymes (total, version {version})',
    en: 'anonymous (total, version {version})',
  },

  // mails
  'clarifications.mail.asked.subject': {
    fr: 'Nouvelle question n° {number} sur la consultation {reference}',
    en: 'New question no. {number} about tender {reference}',
  },
  'clarifications.mail.asked.intro': {
    fr: 'Une entreprise a posé la question n° {number} sur la consultation {reference} « {title} » :',
    en: 'A company asked question no. {number} about tender {reference} “{title}”:',
  },
  'clarifications.mail.asked.action': { fr: 'Répondre à la question', en: 'Answer the question' },
  'clarifications.mail.answered.subject': {
    fr: 'Réponse publiée sur la consultation {reference}',
    en: 'Answer published on tender {reference}',
  },
  'clarifications.mail.answered.intro': {
    fr: 'L’acheteur {buyer} a publié une réponse sur la consultation {reference} « {title} », dont vous avez retiré le dossier ou sur laquelle vous avez posé une question.',
    en: 'The buyer {buyer} published an answer on tender {reference} “{title}”, whose documents you retrieved or about which you asked a question.',
  },
  'clarifications.mail.answered.question': { fr: 'Question n° {number} :', en: 'Question no. {number}:' },
  'clarifications.mail.answered.answer': { fr: 'Réponse :', en: 'Answer:' },
  'clarifications.mail.answered.action': { fr: 'Voir l’avis de la consultation', en: 'See the tender notice' },
  'clarifications.mail.hello': { fr: 'Bonjour {name},', en: 'Hello {name},' },
  'clarifications.mail.fallback': {
    fr: 'Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur :',
    en: 'If the link does not open, copy this address into your browser:',
  },
} as const;
