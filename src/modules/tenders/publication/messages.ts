/** Strings of tenders / publication: publishing, notices, corrigenda, closing, abandon, dashboard. */
export const publicationMessages = {
  // statuses, as chips
  'publication.status.draft': { fr: 'Brouillon', en: 'Draft' },
  'publication.status.published': { fr: 'En cours', en: 'Open' },
  'publication.status.closed': { fr: 'Clôturée', en: 'Closed' },
  'publication.status.opened': { fr: 'Plis ouverts', en: 'Bids opened' },
  'publication.status.evaluation': { fr: 'En analyse', en: 'Under evaluation' },
  'publication.status.awarded': { fr: 'Attribuée', en: 'Awarded' },
  'publication.status.unsuccessful': { fr: 'Infructueuse', en: 'Unsuccessful' },
  'publication.status.cancelled': { fr: 'Sans suite', en: 'Cancelled' },
  'publication.status.label': { fr: 'Statut', en: 'Status' },

  'publication.procedure.adapted': { fr: 'Procédure adaptée (MAPA)', en: 'Adapted procedure' },
  'publication.procedure.open': { fr: "Appel d'offres ouvert", en: 'Open call for tenders' },
  'publication.procedure.restricted': { fr: "Appel d'offres restreint", en: 'Restricted call for tenders' },
  'publication.procedure.competitive_negotiation': {
    fr: 'Procédure concurrentielle avec négociation',
    en: 'Competitive procedure with negotiation',
  },
  'publication.procedure.competitive_dialogue': { fr: 'Dialogue compétitif', en: 'Competitive dialogue' },
  'publication.procedure.negotiated_without_notice': {
    fr: 'Marché négocié sans publicité ni mise en concurrence',
    en: 'Negotiated without prior publication',
  },
  'publication.procedure.design_contest': { fr: 'Concours', en: 'Design contest' },
  'publication.category.works': { fr: 'Travaux', en: 'Works' },
  'publication.category.goods': { fr: 'Fournitures', en: 'Goods' },
  'publication.category.services': { fr: 'Services', en: 'Services' },
  'publication.reserved.siae': {
    fr: "Marché réservé aux structures d'insertion par l'activité économique (SIAE)",
    en: 'Reserved for work integration social enterprises (SIAE)',
  },
  'publication.reserved.ea_esat': {
    fr: 'Marché réservé aux entreprises adaptées et ESAT',
    en: 'Reserved for sheltered workshops (EA/ESAT)',
  },
  'publication.criterion.price': { fr: 'Prix', en: 'Price' },
  'publication.criterion.quality': { fr: 'Qualité', en: 'Quality' },
  'publication.criterion.environmental': { fr: 'Environnemental', en: 'Environmental' },
  'publication.criterion.social': { fr: 'Social', en: 'Social' },
  'publication.criterion.other': { fr: 'Autre', en: 'Other' },

  // values
  'publication.value.none': { fr: 'non renseigné', en: 'not given' },
  'publication.value.yes': { fr: 'Oui', en: 'Yes' },
  'publication.value.no': { fr: 'Non', en: 'No' },
  'publication.value.months': { fr: '{months} mois', en: '{months} months' },
  'publication.value.excl_vat': { fr: '{amount} HT', en: '{amount} excl. VAT' },
  'publication.countdown.days': { fr: 'encore {days} j {hours} h', en: '{days} d {hours} h left' },
  'publication.countdown.hours': { fr: 'encore {hours} h {minutes} min', en: '{hours} h {minutes} min left' },
  'publication.countdown.minutes': { fr: 'encore {minutes} min', en: '{minutes} min left' },
  'publication.countdown.over': { fr: 'date limite dépassée', en: 'deadline passed' },

  // fields a corrigendum can change
  'publication.field.title': { fr: 'Objet de la consultation', en: 'Title' },
  'publication.field.description': { fr: 'Description', en: 'Description' },
  'publication.field.submission_deadline': {
    fr: 'Date limite de remise des offres',
    en: 'Submission deadline',
  },
  'publication.field.candidature_deadline': {
    fr: 'Date limite de remise des candidatures',
    en: 'Candidature deadline',
  },
  'publication.field.questions_deadline': { fr: 'Date limite des questions', en: 'Questions deadline' },
  'publication.field.contact_name': { fr: 'Contact', en: 'Contact' },
  'publication.field.contact_email': { fr: 'Adresse électronique du contact', en: 'Contact e-mail' },
  'publication.field.contact_phone': { fr: 'Téléphone du contact', en: 'Contact phone' },
  'publication.field.max_file_size_bytes': {
    fr: 'Taille maximale d’un fichier déposé',
    en: 'Maximum size of an uploaded file',
  },
  'publication.change.line': { fr: '{field} : {before} → {after}', en: '{field}: {before} → {after}' },

  // notice page
  'publication.notice.reference': { fr: 'Référence', en: 'Reference' },
  'publication.notice.internal_reference': { fr: 'Référence interne de l’acheteur', en: 'Buyer’s internal reference' },
  'publication.notice.buyer': { fr: 'Acheteur', en: 'Buyer' },
  'publication.notice.buyer.colon': { fr: 'Acheteur :', en: 'Buyer:' },
  'publication.notice.procedure': { fr: 'Procédure', en: 'Procedure' },
  'publication.notice.category': { fr: 'Catégorie principale', en: 'Main category' },
  'publication.notice.cpv': { fr: 'Codes CPV', en: 'CPV codes' },
  'publication.notice.place': { fr: 'Lieu d’exécution', en: 'Place of performance' },
  'publication.notice.value': { fr: 'Valeur estimée', en: 'Estimated value' },
  'publication.notice.duration': { fr: 'Durée du marché', en: 'Contract duration' },
  'publication.notice.variants': { fr: 'Variantes autorisées', en: 'Variants allowed' },
  'publication.notice.options': { fr: 'Options', en: 'Options' },
  'publication.notice.reserved': { fr: 'Marché réservé', en: 'Reserved contract' },
  'publication.notice.clauses': { fr: 'Clauses sociales et environnementales', en: 'Social and environmental clauses' },
  'publication.clause.social_insertion': { fr: 'Clause sociale d’insertion', en: 'Social insertion clause' },
  'publication.clause.social_other': { fr: 'Autre clause sociale', en: 'Other social clause' },
  'publication.clause.environmental_clause': { fr: 'Clause environnementale', en: 'Environmental clause' },
  'publication.clause.environmental_criterion': { fr: 'Critère environnemental', en: 'Environmental criterion' },
  'publication.notice.description': { fr: 'Description', en: 'Description' },
  'publication.notice.deadlines': { fr: 'Dates limites', en: 'Deadlines' },
  'publication.notice.published_at': { fr: 'Publiée le', en: 'Published on' },
  'publication.notice.closed_at': { fr: 'Clôturée le', en: 'Closed on' },
  'publication.notice.status_reason': { fr: 'Motif', en: 'Reason' },
  'publication.notice.lots': { fr: 'Lots', en: 'Lots' },
  'publication.notice.lots.caption': { fr: 'Lots de la consultation', en: 'Lots of the tender' },
  'publication.notice.lot.number': { fr: 'N°', en: 'No.' },
  'publication.notice.lot.title': { fr: 'Intitulé', en: 'Title' },
  'publication.notice.lot.cpv': { fr: 'CPV', en: 'CPV' },
  'publication.notice.lot.value': { fr: 'Valeur estimée', en: 'Estimated value' },
  'publication.notice.lot.clauses': { fr: 'Clauses', en: 'Clauses' },
  'publication.notice.criteria': { fr: 'Critères d’attribution', en: 'Award criteria' },
  'publication.notice.criteria.all_lots': { fr: 'Critères applicables à tous les lots', en: 'Criteria for every lot' },
  'publication.notice.criteria.lot': {
    fr: 'Critères du lot {number} : {title}',
    en: 'Criteria of lot {number}: {title}',
  },
  'publication.notice.criteria.label': { fr: 'Critère', en: 'Criterion' },
  'publication.notice.criteria.kind': { fr: 'Nature', en: 'Kind' },
  'publication.notice.criteria.weight': { fr: 'Pondération', en: 'Weight' },
  'publication.notice.criteria.none': { fr: 'Aucun critère publié.', en: 'No criteria published.' },
  'publication.notice.submission': { fr: 'Conditions de remise des plis', en: 'How to submit' },
  'publication.notice.signature': {
    fr: 'Signature électronique exigée',
    en: 'Electronic signature required',
  },
  'publication.notice.max_file_size': {
    fr: 'Taille maximale d’un fichier déposé',
    en: 'Maximum size of an uploaded file',
  },
  'publication.notice.backup_copy': {
    fr: 'Copie de sauvegarde acceptée',
    en: 'Backup copy accepted',
  },
  'publication.notice.dce_version': { fr: 'Version du DCE', en: 'Tender documents version' },
  'publication.notice.contact': { fr: 'Contact', en: 'Contact' },
  'publication.notice.corrigenda': { fr: 'Avis rectificatifs', en: 'Corrigenda' },
  'publication.notice.corrigenda.none': {
    fr: 'Aucun avis rectificatif n’a été publié.',
    en: 'No corrigendum has been published.',
  },
  'publication.notice.corrigendum.title': {
    fr: 'Rectificatif n° {number} du {date}',
    en: 'Corrigendum no. {number} of {date}',
  },
  'publication.notice.corrigendum.reason': { fr: 'Motif : {reason}', en: 'Reason: {reason}' },
  'publication.notice.corrigendum.changes': { fr: 'Modifications', en: 'Changes' },
  'publication.notice.corrigendum.field': { fr: 'Information', en: 'Information' },
  'publication.notice.corrigendum.before': { fr: 'Avant', en: 'Before' },
  'publication.notice.corrigendum.after': { fr: 'Après', en: 'After' },
  'publication.notice.corrigendum.documents': {
    fr: 'Nouvelle version du DCE : version {version}.',
    en: 'New version of the tender documents: version {version}.',
  },
  'publication.notice.draft_preview': {
    fr: 'Aperçu : cette consultation est un brouillon, visible seulement par votre organisation.',
    en: 'Preview: this tender is a draft, visible only to your organisation.',
  },
  'publication.notice.manage': { fr: 'Gérer cette consultation', en: 'Manage this tender' },
  'publication.notice.cancelled': {
    fr: 'Cette consultation a été déclarée sans suite.',
    en: 'This tender was cancelled.',
  },
  'publication.notice.unsuccessful': {
    fr: 'Cette consultation a été déclarée infructueuse.',
    en: 'This tender was declared unsuccessful.',
  },
  'publication.notice.closed': {
    fr: 'La date limite de remise des offres est passée : plus aucun pli ne peut être déposé.',
    en: 'The submission deadline has passed: no more bids can be submitted.',
  },

  // public list
  'publication.list.title': { fr: 'Consultations publiées', en: 'Published tenders' },
  'publication.list.intro': {
    fr: 'Les consultations des acheteurs publics, les plus récentes d’abord. L’accès aux avis et aux documents est libre et gratuit.',
    en: 'Tenders of public buyers, newest first. Notices and documents are free to access.',
  },
  'publication.list.filter.status': { fr: 'Consultations', en: 'Tenders' },
  'publication.list.filter.all': { fr: 'Toutes', en: 'All' },
  'publication.list.filter.open': { fr: 'En cours', en: 'Open' },
  'publication.list.filter.closed': { fr: 'Clôturées ou terminées', en: 'Closed or finished' },
  'publication.list.filter.submit': { fr: 'Filtrer', en: 'Filter' },
  'publication.list.caption': { fr: 'Consultations, page {page} sur {pages}', en: 'Tenders, page {page} of {pages}' },
  'publication.list.col.tender': { fr: 'Consultation', en: 'Tender' },
  'publication.list.col.buyer': { fr: 'Acheteur', en: 'Buyer' },
  'publication.list.col.deadline': { fr: 'Date limite', en: 'Deadline' },
  'publication.list.col.status': { fr: 'Statut', en: 'Status' },
  'publication.list.empty': { fr: 'Aucune consultation ne correspond.', en: 'No tender matches.' },
  'publication.pagination.label': { fr: 'Pagination', en: 'Pagination' },
  'publication.pagination.status': {
    fr: 'Page {page} sur {pages} ({total} consultations)',
    en: 'Page {page} of {pages} ({total} tenders)',
  },
  'publication.pagination.previous': { fr: 'Page précédente', en: 'Previous page' },
  'publication.pagination.next': { fr: 'Page suivante', en: 'Next page' },

  // publish
  'publication.publish.title': { fr: 'Publier la consultation {reference}', en: 'Publish tender {reference}' },
  'publication.publish.summary': { fr: 'Récapitulatif', en: 'Summary' },
  'publication.publish.lots_count': { fr: 'Nombre de lots', en: 'Number of lots' },
  'publication.publish.criteria_count': { fr: 'Critères d’attribution', en: 'Award criteria' },
  'publication.publish.documents_count': { fr: 'Documents du DCE', en: 'Tender documents' },
  'publication.publish.problems': {
    fr: 'La consultation ne peut pas encore être publiée',
    en: 'The tender cannot be published yet',
  },
  'publication.publish.problems.fix': { fr: 'Compléter la consultation', en: 'Complete the tender' },
  'publication.publish.warning': {
    fr: 'La publication est définitive : l’avis devient public à l’adresse ci-dessous, les entreprises peuvent télécharger le DCE, et toute modification passera par un avis rectificatif motivé. La consultation sera clôturée automatiquement à la date limite de remise des offres.',
    en: 'Publishing is final: the notice becomes public at the address below, companies can download the documents, and every change will need a corrigendum with a reason. The tender closes by itself at the submission deadline.',
  },
  'publication.publish.url': { fr: 'Adresse publique de l’avis', en: 'Public address of the notice' },
  'publication.publish.submit': { fr: 'Publier la consultation', en: 'Publish the tender' },
  'publication.publish.cancel': { fr: 'Revenir à la consultation', en: 'Back to the tender' },
  'publication.publish.done': {
    fr: 'La consultation est publiée. Elle sera clôturée automatiquement le {deadline}.',
    en: 'The tender is published. It will close by itself on {deadline}.',
  },
  'publication.publish.not_draft': {
    fr: 'Cette consultation est déjà publiée.',
    en: 'This tender is already published.',
  },
  'publication.publish.already': {
    fr: 'Cette consultation a été publiée le {date}.',
    en: 'This tender was published on {date}.',
  },
  'publication.publish.no_deadline': {
    fr: 'Indiquez la date limite de remise des offres.',
    en: 'Enter the submission deadline.',
  },

  // corrigendum
  'publication.corrigendum.title': {
    fr: 'Publier un avis rectificatif — {reference}',
    en: 'Publish a corrigendum — {reference}',
  },
  'publication.corrigendum.intro': {
    fr: 'Modifiez les informations à rectifier et indiquez le motif. Les entreprises identifiées ayant retiré le DCE seront prévenues par courriel, et le rectificatif apparaîtra dans l’historique de l’avis. Les dates limites ne peuvent qu’être reportées.',
    en: 'Change the information to correct and give the reason. Identified companies that downloaded the documents will be e-mailed, and the corrigendum will appear in the notice’s history. Deadlines can only be postponed.',
  },
  'publication.corrigendum.reason': { fr: 'Motif du rectificatif', en: 'Reason for the corrigendum' },
  'publication.corrigendum.reason.hint': {
    fr: 'Ce motif est publié sur l’avis et envoyé aux entreprises.',
    en: 'This reason is published on the notice and sent to companies.',
  },
  'publication.corrigendum.content': { fr: 'Objet et description', en: 'Title and description' },
  'publication.corrigendum.deadlines': { fr: 'Dates limites (heure de Paris)', en: 'Deadlines (Paris time)' },
  'publication.corrigendum.contact': { fr: 'Contact', en: 'Contact' },
  'publication.corrigendum.conditions': { fr: 'Conditions de dépôt', en: 'Submission conditions' },
  'publication.corrigendum.date': { fr: '{field} — date', en: '{field} — date' },
  'publication.corrigendum.time': { fr: '{field} — heure', en: '{field} — time' },
  'publication.corrigendum.time.hint': { fr: 'Au format HH:MM, par exemple 12:00.', en: 'As HH:MM, e.g. 12:00.' },
  'publication.corrigendum.max_file_size': {
    fr: 'Taille maximale d’un fichier déposé (en Mo)',
    en: 'Maximum size of an uploaded file (in MB)',
  },
  'publication.corrigendum.documents': { fr: 'Documents', en: 'Documents' },
  'publication.corrigendum.include_documents': {
    fr: 'Publier les {count} modifications de documents en attente (nouvelle version {version} du DCE)',
    en: 'Publish the {count} pending document changes (new version {version} of the documents)',
  },
  'publication.corrigendum.no_pending_documents': {
    fr: 'Aucune modification de documents en attente. Pour modifier le DCE, ajoutez ou retirez d’abord des documents.',
    en: 'No pending document change. To change the documents, add or remove documents first.',
  },
  'publication.corrigendum.manage_documents': { fr: 'Gérer les documents', en: 'Manage documents' },
  'publication.corrigendum.submit': { fr: 'Publier le rectificatif', en: 'Publish the corrigendum' },
  'publication.corrigendum.done': {
    fr: 'Le rectificatif n° {number} est publié ; les entreprises identifiées vont être prévenues.',
    en: 'Corrigendum no. {number} is published; identified companies will be notified.',
  },
  'publication.corrigendum.not_published': {
    fr: 'Un avis rectificatif ne peut être publié que pour une consultation en cours.',
    en: 'A corrigendum can only be published for an open tender.',
  },
  'publication.corrigendum.deadline_passed': {
    fr: 'La date limite de remise des offres est passée : la consultation ne peut plus être rectifiée.',
    en: 'The submission deadline has passed: the tender can no longer be corrected.',
  },
  'publication.corrigendum.locked': {
    fr: 'Cette information ne peut plus être modifiée.',
    en: 'This information can no longer be changed.',
  },
  'publication.corrigendum.empty': {
    fr: 'Le rectificatif ne change rien : modifiez au moins une information ou publiez des documents.',
    en: 'The corrigendum changes nothing: change at least one piece of information or publish documents.',
  },
  'publication.corrigendum.no_staged_documents': {
    fr: 'Aucune modification de documents n’est en attente de publication.',
    en: 'No document change is waiting to be published.',
  },
  'publication.corrigendum.reason.required': {
    fr: 'Indiquez le motif du rectificatif.',
    en: 'Give the reason for the corrigendum.',
  },
  'publication.corrigendum.reason.too_long': {
    fr: 'Le motif ne doit pas dépasser 5 000 caractères.',
    en: 'The reason must not exceed 5,000 characters.',
  },
  'publication.corrigendum.title.required': { fr: 'Indiquez l’objet de la consultation.', en: 'Enter the title.' },
  'publication.corrigendum.title.too_long': {
    fr: 'L’objet ne doit pas dépasser 300 caractères.',
    en: 'The title must not exceed 300 characters.',
  },
  'publication.corrigendum.description.too_long': {
    fr: 'La description ne doit pas dépasser 20 000 caractères.',
    en: 'The description must not exceed 20,000 characters.',
  },
  'publication.corrigendum.submission_deadline.required': {
    fr: 'Indiquez la date limite de remise des offres.',
    en: 'Enter the submission deadline.',
  },
  'publication.corrigendum.submission_deadline.earlier': {
    fr: 'La date limite de remise des offres ne peut qu’être reportée, pas avancée.',
    en: 'The submission deadline can only be postponed, not brought forward.',
  },
  'publication.corrigendum.submission_deadline.past': {
    fr: 'La date limite de remise des offres doit être dans le futur.',
    en: 'The submission deadline must be in the future.',
  },
  'publication.corrigendum.candidature_deadline.required': {
    fr: 'Indiquez la date limite de remise des candidatures.',
    en: 'Enter the candidature deadline.',
  },
  'publication.corrigendum.candidature_deadline.earlier': {
    fr: 'La date limite de remise des candidatures ne peut qu’être reportée, pas avancée.',
    en: 'The candidature deadline can only be postponed, not brought forward.',
  },
  'publication.corrigendum.candidature_deadline.past': {
    fr: 'La date limite de remise des candidatures doit être dans le futur.',
    en: 'The candidature deadline must be in the future.',
  },
  'publication.corrigendum.candidature_deadline.after_submission': {
    fr: 'La date limite des candidatures doit précéder celle des offres.',
    en: 'The candidature deadline must come before the submission deadline.',
  },
  'publication.corrigendum.questions_deadline.required': {
    fr: 'Indiquez la date limite des questions.',
    en: 'Enter the questions deadline.',
  },
  'publication.corrigendum.questions_deadline.earlier': {
    fr: 'La date limite des questions ne peut qu’être reportée, pas avancée.',
    en: 'The questions deadline can only be postponed, not brought forward.',
  },
  'publication.corrigendum.questions_deadline.past': {
    fr: 'La date limite des questions doit être dans le futur.',
    en: 'The questions deadline must be in the future.',
  },
  'publication.corrigendum.questions_deadline.after_submission': {
    fr: 'La date limite des questions doit précéder celle de remise des offres.',
    en: 'The questions deadline must come before the submission deadline.',
  },
  'publication.corrigendum.date.invalid': {
    fr: 'Indiquez une date valide (jj/mm/aaaa).',
    en: 'Enter a valid date.',
  },
  'publication.corrigendum.time.invalid': {
    fr: 'Indiquez une heure valide au format HH:MM.',
    en: 'Enter a valid time as HH:MM.',
  },
  'publication.corrigendum.time.nonexistent': {
    fr: 'Cette heure n’existe pas ce jour-là à Paris (passage à l’heure d’été) : choisissez-en une autre.',
    en: 'This time does not exist that day in Paris (clocks go forward): choose another.',
  },
  'publication.corrigendum.contact_email.invalid': {
    fr: 'Indiquez une adresse électronique valide.',
    en: 'Enter a valid e-mail address.',
  },
  'publication.corrigendum.contact.too_long': {
    fr: 'Cette information ne doit pas dépasser 200 caractères.',
    en: 'This must not exceed 200 characters.',
  },
  'publication.corrigendum.max_file_size.invalid': {
    fr: 'Indiquez une taille entière entre 1 et 100 000 Mo.',
    en: 'Enter a whole size between 1 and 100,000 MB.',
  },

  // abandon (sans suite / infructueux)
  'publication.abandon.title': {
    fr: 'Déclarer la consultation sans suite ou infructueuse — {reference}',
    en: 'Cancel the tender or declare it unsuccessful — {reference}',
  },
  'publication.abandon.intro': {
    fr: 'Cette décision est définitive : la consultation prend fin sans attribution. Le motif est publié sur l’avis.',
    en: 'This decision is final: the tender ends without award. The reason is published on the notice.',
  },
  'publication.abandon.choice': { fr: 'Décision', en: 'Decision' },
  'publication.abandon.choice.cancel': {
    fr: 'Sans suite (l’acheteur renonce à conclure le marché)',
    en: 'Cancelled (the buyer gives up awarding the contract)',
  },
  'publication.abandon.choice.declareUnsuccessful': {
    fr: 'Infructueuse (aucune offre recevable ou acceptable)',
    en: 'Unsuccessful (no admissible or acceptable bid)',
  },
  'publication.abandon.choice.required': { fr: 'Choisissez une décision.', en: 'Choose a decision.' },
  'publication.abandon.reason': { fr: 'Motif de la décision', en: 'Reason for the decision' },
  'publication.abandon.reason.required': { fr: 'Indiquez le motif de la décision.', en: 'Give the reason.' },
  'publication.abandon.reason.too_long': {
    fr: 'Le motif ne doit pas dépasser 5 000 caractères.',
    en: 'The reason must not exceed 5,000 characters.',
  },
  'publication.abandon.submit': { fr: 'Confirmer la décision', en: 'Confirm the decision' },
  'publication.abandon.not_allowed': {
    fr: 'Cette consultation ne peut pas être déclarée sans suite ou infructueuse dans son état actuel.',
    en: 'This tender cannot be cancelled or declared unsuccessful in its current state.',
  },
  'publication.abandon.proof.title': {
    fr: 'Décision : consultation {reference}',
    en: 'Decision: tender {reference}',
  },
  'publication.abandon.proof.decision': { fr: 'Décision', en: 'Decision' },
  'publication.abandon.proof.date': { fr: 'Date de la décision', en: 'Date of the decision' },
  'publication.abandon.proof.by': { fr: 'Enregistrée par', en: 'Recorded by' },
  'publication.abandon.proof.print': {
    fr: 'Cette page peut être imprimée comme justificatif.',
    en: 'This page can be printed as a record.',
  },

  // buyer dashboard
  'publication.dashboard.title': { fr: 'Mes consultations', en: 'My tenders' },
  'publication.dashboard.new': { fr: 'Créer une consultation', en: 'Create a tender' },
  'publication.dashboard.counts': { fr: 'Consultations par statut', en: 'Tenders by status' },
  'publication.dashboard.coming': {
    fr: 'Dates limites des 30 prochains jours',
    en: 'Deadlines in the next 30 days',
  },
  'publication.dashboard.coming.none': {
    fr: 'Aucune date limite dans les 30 prochains jours.',
    en: 'No deadline in the next 30 days.',
  },
  'publication.dashboard.group.caption': { fr: '{status} ({count})', en: '{status} ({count})' },
  'publication.dashboard.group.more': {
    fr: 'Seules les {shown} consultations modifiées le plus récemment sont affichées.',
    en: 'Only the {shown} most recently changed tenders are shown.',
  },
  'publication.dashboard.col.updated': { fr: 'Modifiée le', en: 'Changed on' },
  'publication.dashboard.empty': {
    fr: 'Votre organisation n’a encore aucune consultation.',
    en: 'Your organisation has no tender yet.',
  },

  // main navigation (src/web/layout.tsx)
  'publication.nav.tenders': { fr: 'Consultations', en: 'Tenders' },
  'publication.nav.dashboard': { fr: 'Mes consultations', en: 'My tenders' },

  // management links (publication's actions)
  'publication.actions.notice': { fr: 'Voir l’avis public', en: 'See the public notice' },

  // mails
  'publication.mail.hello': { fr: 'Bonjour {name},', en: 'Hello {name},' },
  'publication.mail.corrigendum.subject': {
    fr: 'Avis rectificatif n° {number} — consultation {reference} : {title}',
    en: 'Corrigendum no. {number} — tender {reference}: {title}',
  },
  'publication.mail.corrigendum.intro': {
    fr: 'L’acheteur a publié l’avis rectificatif n° {number} de la consultation {reference} « {title} », dont vous avez retiré le dossier.',
    en: 'The buyer published corrigendum no. {number} of tender {reference} “{title}”, whose documents you downloaded.',
  },
  'publication.mail.corrigendum.reason': { fr: 'Motif : {reason}', en: 'Reason: {reason}' },
  'publication.mail.corrigendum.changes': { fr: 'Modifications :', en: 'Changes:' },
  'publication.mail.corrigendum.documents': {
    fr: 'Nouvelle version du DCE : version {version}. Téléchargez-la avant de déposer votre offre.',
    en: 'New version of the tender documents: version {version}. Download it before submitting your bid.',
  },
  'publication.mail.corrigendum.link': { fr: 'L’avis à jour : {link}', en: 'The updated notice: {link}' },
  'publication.mail.corrigendum.why': {
    fr: 'Vous recevez ce message parce que vous avez téléchargé le dossier de cette consultation en étant connecté.',
    en: 'You receive this message because you downloaded this tender’s documents while signed in.',
  },

  // API
  'publication.api.not_found': {
    fr: 'Aucune consultation publiée avec cet identifiant.',
    en: 'No published tender with this identifier.',
  },
} as const;
