/** Strings of secure messaging (messagerie sécurisée). */
export const messagingMessages = {
  'messaging.error.category': { fr: 'Catégorie de message inconnue.', en: 'Unknown kind of message.' },
  'messaging.error.subject_required': { fr: 'Indiquez l’objet du message.', en: 'Enter the subject of the message.' },
  'messaging.error.subject_too_long': {
    fr: 'L’objet ne doit pas dépasser 200 caractères.',
    en: 'The subject must not exceed 200 characters.',
  },
  'messaging.error.body_required': { fr: 'Écrivez votre message.', en: 'Write your message.' },
  'messaging.error.body_too_long': {
    fr: 'Le message ne doit pas dépasser 20 000 caractères.',
    en: 'The message must not exceed 20,000 characters.',
  },
  'messaging.error.reply_by': {
    fr: 'La date de réponse attendue n’est pas valide.',
    en: 'The reply-by date is not valid.',
  },
  'messaging.error.too_many_files': {
    fr: 'Joignez au plus 10 fichiers à un message.',
    en: 'Attach at most 10 files to a message.',
  },
  'messaging.error.file_name': {
    fr: 'Le nom du fichier n’est pas accepté (caractères de contrôle, chemin ou nom vide) : renommez-le.',
    en: 'The file name is not accepted (control characters, path or empty name): rename it.',
  },
  'messaging.error.file_empty': { fr: 'Le fichier joint est vide.', en: 'The attached file is empty.' },
  'messaging.error.file_too_large': {
    fr: 'Le fichier joint dépasse la taille maximale de 20 Mo.',
    en: 'The attached file exceeds the maximum size of 20 MB.',
  },
  'messaging.error.sender': {
    fr: 'Cet utilisateur ne peut pas écrire au nom de cette organisation.',
    en: 'This user cannot write on behalf of this organisation.',
  },
  'messaging.mail.subject': {
    fr: 'Nouveau message sécurisé — consultation {reference}',
    en: 'New secure message — tender {reference}',
  },
  'messaging.mail.hello': { fr: 'Bonjour {name},', en: 'Hello {name},' },
  'messaging.mail.intro': {
    fr: '{from} vous a écrit au sujet de la consultation {reference} « {title} ».',
    en: '{from} wrote to you about tender {reference} “{title}”.',
  },
  'messaging.mail.message_subject': { fr: 'Objet : {subject}', en: 'Subject: {subject}' },
  'messaging.mail.secure': {
    fr: 'Par sécurité, le message et ses pièces jointes ne sont lisibles que sur la plateforme, après connexion.',
    en: 'For security, the message and its attachments can only be read on the platform, once signed in.',
  },
  'messaging.mail.action': { fr: 'Lire le message', en: 'Read the message' },
} as const;
