/** Strings of the watchlist module: the panier, its calendar feed and the search feeds. */
export const watchlistMessages = {
  'watchlist.nav': { fr: 'Mon panier', en: 'My watchlist' },
  'watchlist.button.add': { fr: 'Ajouter à mon panier', en: 'Add to my watchlist' },
  'watchlist.button.remove': { fr: 'Retirer de mon panier', en: 'Remove from my watchlist' },
  'watchlist.button.label': { fr: 'Mon panier', en: 'My watchlist' },
  'watchlist.button.watched': {
    fr: 'Cette consultation est dans votre panier.',
    en: 'This tender is in your watchlist.',
  },
  'watchlist.page.title': { fr: 'Mon panier de consultations', en: 'My watchlist of tenders' },
  'watchlist.page.intro': {
    fr: 'Les consultations que vous suivez, de la date limite la plus proche à la plus lointaine. Votre panier est personnel : vos collègues ne le voient pas.',
    en: 'The tenders you follow, nearest deadline first. Your watchlist is personal: your colleagues do not see it.',
  },
  'watchlist.page.empty': {
    fr: 'Votre panier est vide. Ajoutez-y des consultations depuis leur avis ou depuis la recherche.',
    en: 'Your watchlist is empty. Add tenders to it from their notice or from the search.',
  },
  'watchlist.page.find': { fr: 'Rechercher des consultations', en: 'Search tenders' },
  'watchlist.page.caption': {
    fr: 'Consultations suivies, triées par date limite de remise',
    en: 'Followed tenders, sorted by submission deadline',
  },
  'watchlist.col.tender': { fr: 'Consultation', en: 'Tender' },
  'watchlist.col.status': { fr: 'Statut', en: 'Status' },
  'watchlist.col.deadline': { fr: 'Date limite de remise', en: 'Submission deadline' },
  'watchlist.col.changes': { fr: 'Dernières évolutions', en: 'Latest changes' },
  'watchlist.col.actions': { fr: 'Actions', en: 'Actions' },
  'watchlist.buyer': { fr: 'Acheteur : {name}', en: 'Buyer: {name}' },
  'watchlist.changes.corrigendum': {
    fr: 'Rectificatif n° {number} du {date} : {reason}',
    en: 'Corrigendum no. {number} of {date}: {reason}',
  },
  'watchlist.changes.no_corrigendum': { fr: 'Aucun rectificatif', en: 'No corrigendum' },
  'watchlist.changes.answers': {
    fr: 'Réponses publiées aux questions : {count}',
    en: 'Published answers to questions: {count}',
  },
  'watchlist.changes.dce': { fr: 'Version du DCE : {version}', en: 'Tender documents version: {version}' },
  'watchlist.remove.label': { fr: 'Retirer {reference} de mon panier', en: 'Remove {reference} from my watchlist' },
  'watchlist.flash.added': { fr: 'La consultation a été ajoutée à votre panier.', en: 'The tender was added.' },
  'watchlist.flash.removed': {
    fr: 'La consultation a été retirée de votre panier.',
    en: 'The tender was removed from your watchlist.',
  },
  'watchlist.calendar.link': { fr: 'Calendrier des dates limites (ICS)', en: 'Deadline calendar (ICS)' },
  'watchlist.calendar.title': { fr: 'Calendrier de mon panier', en: 'Calendar of my watchlist' },
  'watchlist.calendar.intro': {
    fr: 'Abonnez votre agenda (Outlook, Thunderbird, Google Agenda, Calendrier d’Apple…) à cette adresse : les dates limites de remise des offres et de dépôt des questions des consultations de votre panier y apparaissent et se mettent à jour.',
    en: 'Subscribe your calendar (Outlook, Thunderbird, Google Calendar, Apple Calendar…) to this address: the submission and question deadlines of the tenders in your watchlist appear in it and stay up to date.',
  },
  'watchlist.calendar.secret': {
    fr: 'Cette adresse est secrète et personnelle : quiconque la connaît voit votre panier. Elle n’est affichée qu’une fois ; en créer une nouvelle désactive la précédente.',
    en: 'This address is secret and personal: anyone who knows it sees your watchlist. It is shown only once; creating a new one disables the previous one.',
  },
  'watchlist.calendar.none': {
    fr: 'Vous n’avez pas encore d’adresse de calendrier.',
    en: 'You have no calendar address yet.',
  },
  'watchlist.calendar.exists': {
    fr: 'Une adresse de calendrier existe déjà. Pour des raisons de sécurité, elle ne peut pas être affichée de nouveau : créez-en une nouvelle si vous l’avez perdue.',
    en: 'A calendar address already exists. For security it cannot be shown again: create a new one if you lost it.',
  },
  'watchlist.calendar.url': { fr: 'Adresse de votre calendrier', en: 'Address of your calendar' },
  'watchlist.calendar.create': { fr: 'Créer l’adresse du calendrier', en: 'Create the calendar address' },
  'watchlist.calendar.regenerate': {
    fr: 'Créer une nouvelle adresse (l’ancienne cessera de fonctionner)',
    en: 'Create a new address (the old one will stop working)',
  },
  'watchlist.calendar.back': { fr: 'Retour à mon panier', en: 'Back to my watchlist' },
  'watchlist.ics.name': { fr: 'Halle — mon panier', en: 'Halle — my watchlist' },
  'watchlist.ics.submission': {
    fr: 'Date limite de remise — {reference} — {title}',
    en: 'Submission deadline — {reference} — {title}',
  },
  'watchlist.ics.questions': {
    fr: 'Date limite des questions — {reference} — {title}',
    en: 'Question deadline — {reference} — {title}',
  },
  'watchlist.ics.description': {
    fr: 'Acheteur : {buyer}\nConsultation {reference} : {title}\nAvis : {url}',
    en: 'Buyer: {buyer}\nTender {reference}: {title}\nNotice: {url}',
  },
  'watchlist.atom.title': { fr: 'Halle — consultations', en: 'Halle — tenders' },
  'watchlist.atom.title_query': { fr: 'Halle — recherche « {query} »', en: 'Halle — search “{query}”' },
  'watchlist.atom.summary': {
    fr: 'Acheteur : {buyer}. Date limite de remise : {deadline}.',
    en: 'Buyer: {buyer}. Submission deadline: {deadline}.',
  },
  'watchlist.atom.no_deadline': { fr: 'non précisée', en: 'not given' },
  'watchlist.atom.link': { fr: 'Suivre cette recherche (flux Atom)', en: 'Follow this search (Atom feed)' },
} as const;
