/** Strings of the partnering exchange (bourse à la cotraitance et à la sous-traitance). */
export const partneringMessages = {
  'partnering.title': {
    fr: 'Bourse à la cotraitance et à la sous-traitance',
    en: 'Partnering exchange (joint bids and subcontracting)',
  },
  'partnering.intro': {
    fr: 'Les entreprises qui cherchent des partenaires pour répondre ensemble à cette consultation. Déclarez-vous pour les voir vous contacter, et contactez-les : votre message leur est transmis par courriel, leurs adresses ne sont pas affichées.',
    en: 'Companies looking for partners to answer this tender together. Declare yourself so they can contact you, and contact them: your message is sent to them by e-mail, their addresses are not shown.',
  },
  'partnering.slot.count': {
    fr: 'Bourse à la cotraitance : {count} entreprise(s) déclarée(s)',
    en: 'Partnering exchange: {count} company(ies) declared',
  },
  'partnering.slot.link': { fr: 'Voir la bourse à la cotraitance', en: 'See the partnering exchange' },
  'partnering.role.lead': { fr: 'Mandataire possible', en: 'Possible lead' },
  'partnering.role.cocontractor': { fr: 'Cotraitant', en: 'Co-contractor' },
  'partnering.role.subcontractor': { fr: 'Sous-traitant', en: 'Subcontractor' },
  'partnering.field.role': { fr: 'Je me propose comme', en: 'I offer to be' },
  'partnering.field.skills': { fr: 'Compétences apportées', en: 'Skills brought' },
  'partnering.field.note': { fr: 'Message aux autres entreprises', en: 'Note to the other companies' },
  'partnering.declare.title': { fr: 'Déclarer mon entreprise', en: 'Declare my company' },
  'partnering.declare.update': { fr: 'Modifier ma déclaration', en: 'Update my declaration' },
  'partnering.declare.submit': { fr: 'Rejoindre la bourse', en: 'Join the exchange' },
  'partnering.declare.save': { fr: 'Enregistrer', en: 'Save' },
  'partnering.declare.done': {
    fr: 'Votre entreprise figure dans la bourse de cette consultation.',
    en: 'Your company is on this tender’s exchange.',
  },
  'partnering.withdraw': { fr: 'Retirer mon entreprise de la bourse', en: 'Take my company off the exchange' },
  'partnering.withdrawn': {
    fr: 'Votre entreprise a été retirée de la bourse.',
    en: 'Your company was taken off the exchange.',
  },
  'partnering.list.title': { fr: 'Entreprises déclarées', en: 'Declared companies' },
  'partnering.list.empty': {
    fr: 'Aucune entreprise ne s’est encore déclarée.',
    en: 'No company has declared itself yet.',
  },
  'partnering.list.you': { fr: '(votre entreprise)', en: '(your company)' },
  'partnering.contact.label': { fr: 'Écrire à {name}', en: 'Write to {name}' },
  'partnering.contact.message': { fr: 'Votre message à {name}', en: 'Your message to {name}' },
  'partnering.contact.submit': { fr: 'Envoyer', en: 'Send' },
  'partnering.contact.sent': {
    fr: 'Votre message a été transmis. L’entreprise vous répondra à votre adresse si elle le souhaite.',
    en: 'Your message was sent. The company will answer to your address if it wishes.',
  },
  'partnering.closed': {
    fr: 'La consultation n’est plus ouverte : la bourse est en lecture seule.',
    en: 'The tender is no longer open: the exchange is read-only.',
  },
  'partnering.error.closed': {
    fr: 'La consultation n’est plus ouverte aux réponses.',
    en: 'The tender is no longer open for answers.',
  },
  'partnering.error.declare_first': {
    fr: 'Déclarez d’abord votre entreprise dans la bourse : l’entreprise contactée saura ainsi qui lui écrit.',
    en: 'Declare your company on the exchange first: the company you contact will know who writes.',
  },
  'partnering.error.role': { fr: 'Choisissez votre rôle.', en: 'Choose your role.' },
  'partnering.error.note': {
    fr: 'Le message ne peut dépasser 2 000 caractères.',
    en: 'The note cannot exceed 2,000 characters.',
  },
  'partnering.error.skills': {
    fr: 'Les compétences ne peuvent dépasser 500 caractères.',
    en: 'The skills cannot exceed 500 characters.',
  },
  'partnering.error.message': {
    fr: 'Écrivez votre message (4 000 caractères au plus).',
    en: 'Write your message (4,000 characters at most).',
  },
  'partnering.mail.subject': {
    fr: '{company} vous contacte pour la consultation {reference}',
    en: '{company} contacts you about tender {reference}',
  },
  'partnering.mail.text': {
    fr: 'Bonjour,\n\n{name}, de l’entreprise {company} ({role}), vous écrit depuis la bourse à la cotraitance de la consultation {reference} — {title} :\n\n{message}\n\nPour répondre, écrivez à {email}.\nLa bourse : {url}',
    en: 'Hello,\n\n{name}, of {company} ({role}), writes to you from the partnering exchange of tender {reference} — {title}:\n\n{message}\n\nTo answer, write to {email}.\nThe exchange: {url}',
  },
} as const;
