/** Strings of tenders / drafting: creating and editing a draft tender, step by step. */
export const draftingMessages = {
  // common
  'drafting.yes': { fr: 'Oui', en: 'Yes' },
  'drafting.no': { fr: 'Non', en: 'No' },
  'drafting.and': { fr: 'et', en: 'and' },
  'drafting.none': { fr: 'Non renseigné', en: 'Not given' },
  'drafting.choose': { fr: '— Choisir —', en: '— Choose —' },
  'drafting.cancel': { fr: 'Annuler', en: 'Cancel' },
  'drafting.continue': { fr: 'Continuer', en: 'Continue' },
  'drafting.actions': { fr: 'Actions', en: 'Actions' },
  'drafting.save_continue': { fr: 'Enregistrer et continuer', en: 'Save and continue' },
  'drafting.back_to_tender': { fr: 'Retour à la consultation {reference}', en: 'Back to tender {reference}' },
  'drafting.title.error_prefix': { fr: 'Erreur :', en: 'Error:' },
  'drafting.not_draft': {
    fr: 'Cette consultation n’est plus un brouillon : modifiez-la par un avis rectificatif.',
    en: 'This tender is no longer a draft: change it with a corrigendum.',
  },
  'drafting.notice.created': {
    fr: 'Le brouillon est créé. Complétez maintenant les étapes.',
    en: 'The draft is created. Now complete the steps.',
  },
  'drafting.notice.saved': { fr: 'Les informations sont enregistrées.', en: 'The information is saved.' },
  'drafting.notice.lot_added': { fr: 'Le lot est ajouté.', en: 'The lot is added.' },
  'drafting.notice.lot_updated': { fr: 'Le lot est modifié.', en: 'The lot is updated.' },
  'drafting.notice.lot_removed': {
    fr: 'Le lot est supprimé ; les lots suivants sont renumérotés.',
    en: 'The lot is removed; the following lots are renumbered.',
  },

  // steps
  'drafting.steps.label': { fr: 'Étapes de la consultation', en: 'Steps of the tender' },
  'drafting.step.general': { fr: 'Informations générales', en: 'General information' },
  'drafting.step.lots': { fr: 'Lots', en: 'Lots' },
  'drafting.step.clauses': { fr: 'Clauses sociales et environnementales', en: 'Social and environmental clauses' },
  'drafting.step.criteria': { fr: 'Critères d’attribution', en: 'Award criteria' },
  'drafting.step.deadlines': { fr: 'Dates limites', en: 'Deadlines' },
  'drafting.step.contact': { fr: 'Contact et modalités de dépôt', en: 'Contact and submission rules' },
  'drafting.step.resume': { fr: 'Récapitulatif', en: 'Summary' },

  // new draft
  'drafting.new.title': { fr: 'Nouvelle consultation', en: 'New tender' },
  'drafting.new.intro': {
    fr: 'Commencez par l’essentiel : un brouillon est créé, que vous complétez ensuite étape par étape. Rien n’est publié avant votre confirmation.',
    en: 'Start with the essentials: a draft is created, which you then complete step by step. Nothing is published before you confirm.',
  },
  'drafting.new.submit': { fr: 'Créer le brouillon', en: 'Create the draft' },

  // general step
  'drafting.general.object': { fr: 'Objet de la consultation', en: 'Object of the tender' },
  'drafting.general.value_place': { fr: 'Montant, lieu et durée', en: 'Value, place and duration' },
  'drafting.general.variants_options': { fr: 'Variantes et options', en: 'Variants and options' },
  'drafting.field.title': { fr: 'Intitulé de la consultation', en: 'Title of the tender' },
  'drafting.field.title.hint': {
    fr: 'Tel qu’il apparaîtra dans l’avis, par exemple « Rénovation énergétique du groupe scolaire Jules-Ferry ».',
    en: 'As it will appear in the notice, e.g. "Energy renovation of the Jules-Ferry school".',
  },
  'drafting.field.internal_reference': { fr: 'Référence interne', en: 'Internal reference' },
  'drafting.field.internal_reference.hint': {
    fr: 'Votre numéro de marché ou de dossier (facultatif).',
    en: 'Your own contract or file number (optional).',
  },
  'drafting.field.description': { fr: 'Description', en: 'Description' },
  'drafting.field.description.hint': {
    fr: 'Ce que les entreprises doivent savoir pour décider de répondre.',
    en: 'What companies need to know to decide whether to bid.',
  },
  'drafting.field.procedure': { fr: 'Procédure', en: 'Procedure' },
  'drafting.field.category': { fr: 'Catégorie principale', en: 'Main category' },
  'drafting.field.estimated_value': { fr: 'Montant estimé (€ HT)', en: 'Estimated value (€ excl. VAT)' },
  'drafting.field.estimated_value.hint': {
    fr: 'En euros hors taxes, par exemple 1 850 000 ou 12 500,50.',
    en: 'In euros excluding VAT, e.g. 1850000 or 12500.50.',
  },
  'drafting.field.department': { fr: 'Département d’exécution', en: 'Department of performance' },
  'drafting.field.nuts': { fr: 'Code NUTS', en: 'NUTS code' },
  'drafting.field.nuts.from_department': { fr: '— Déduit du département —', en: '— From the department —' },
  'drafting.field.place': { fr: 'Lieu d’exécution', en: 'Place of performance' },
  'drafting.field.duration': { fr: 'Durée du marché (en mois)', en: 'Duration of the contract (months)' },
  'drafting.duration.months': { fr: '{months} mois', en: '{months} months' },
  'drafting.field.variants': { fr: 'Variantes autorisées', en: 'Variants allowed' },
  'drafting.field.options': { fr: 'Le marché comporte des options', en: 'The contract has options' },
  'drafting.field.options_description': { fr: 'Description des options', en: 'Description of the options' },
  'drafting.field.options_description.hint': {
    fr: 'Obligatoire si le marché comporte des options.',
    en: 'Required when the contract has options.',
  },
  'drafting.procedure.adapted': { fr: 'Procédure adaptée (MAPA)', en: 'Adapted procedure (below EU thresholds)' },
  'drafting.procedure.open': { fr: 'Appel d’offres ouvert', en: 'Open procedure' },
  'drafting.procedure.restricted': { fr: 'Appel d’offres restreint', en: 'Restricted procedure' },
  'drafting.procedure.competitive_negotiation': {
    fr: 'Procédure avec négociation',
    en: 'Competitive procedure with negotiation',
  },
  'drafting.procedure.competitive_dialogue': { fr: 'Dialogue compétitif', en: 'Competitive dialogue' },
  'drafting.procedure.negotiated_without_notice': {
    fr: 'Marché négocié sans publicité ni mise en concurrence préalables',
    en: 'Negotiated procedure without prior publication',
  },
  'drafting.procedure.design_contest': { fr: 'Concours', en: 'Design contest' },
  'drafting.category.works': { fr: 'Travaux', en: 'Works' },
  'drafting.category.goods': { fr: 'Fournitures', en: 'Supplies' },
  'drafting.category.services': { fr: 'Services', en: 'Services' },

  // general validation
  'drafting.title.required': { fr: 'Indiquez l’intitulé.', en: 'Enter the title.' },
  'drafting.title.too_long': {
    fr: 'L’intitulé ne doit pas dépasser 300 caractères.',
    en: 'The title must not exceed 300 characters.',
  },
  'drafting.internal_reference.too_long': {
    fr: 'La référence interne ne doit pas dépasser 100 caractères.',
    en: 'The internal reference must not exceed 100 characters.',
  },
  'drafting.description.too_long': {
    fr: 'La description ne doit pas dépasser 20 000 caractères.',
    en: 'The description must not exceed 20,000 characters.',
  },
  'drafting.procedure.required': { fr: 'Choisissez la procédure.', en: 'Choose the procedure.' },
  'drafting.category.required': { fr: 'Choisissez la catégorie principale.', en: 'Choose the main category.' },
  'drafting.value.invalid': {
    fr: 'Indiquez un montant en euros, par exemple 1 850 000 ou 12 500,50.',
    en: 'Enter an amount in euros, e.g. 1850000 or 12500.50.',
  },
  'drafting.department.invalid': {
    fr: 'Choisissez un département de la liste.',
    en: 'Choose a department from the list.',
  },
  'drafting.nuts.invalid': { fr: 'Choisissez un code NUTS de la liste.', en: 'Choose a NUTS code from the list.' },
  'drafting.duration.invalid': {
    fr: 'Indiquez une durée en mois, entre 1 et 600.',
    en: 'Enter a duration in months, between 1 and 600.',
  },
  'drafting.options_description.required': {
    fr: 'Décrivez les options, ou décochez « Le marché comporte des options ».',
    en: 'Describe the options, or untick "The contract has options".',
  },
  'drafting.options_description.too_long': {
    fr: 'La description des options ne doit pas dépasser 5 000 caractères.',
    en: 'The description of the options must not exceed 5,000 characters.',
  },

  // CPV
  'drafting.cpv.label': { fr: 'Codes CPV', en: 'CPV codes' },
  'drafting.cpv.hint': {
    fr: 'Un ou plusieurs codes de la nomenclature CPV, séparés par des virgules, par exemple « 45000000-7, 45210000-2 ». Le premier est le code principal.',
    en: 'One or more codes of the CPV nomenclature, separated by commas, e.g. "45000000-7, 45210000-2". The first one is the main code.',
  },
  'drafting.cpv.search_link': {
    fr: 'Rechercher un code CPV (nouvel onglet)',
    en: 'Search for a CPV code (new tab)',
  },
  'drafting.cpv.format': {
    fr: 'Un code CPV s’écrit avec 8 chiffres, suivis ou non d’un tiret et de la clé de contrôle : 45000000-7.',
    en: 'A CPV code has 8 digits, optionally followed by a hyphen and the check digit: 45000000-7.',
  },
  'drafting.cpv.unknown': {
    fr: 'Un des codes CPV n’existe pas dans la nomenclature CPV 2008.',
    en: 'One of the CPV codes does not exist in the CPV 2008 nomenclature.',
  },
  'drafting.cpv.check_digit': {
    fr: 'La clé de contrôle d’un des codes CPV est incorrecte (le chiffre après le tiret).',
    en: 'The check digit of one of the CPV codes is wrong (the digit after the hyphen).',
  },
  'drafting.cpv.too_many': { fr: 'Indiquez au plus 20 codes CPV.', en: 'Give at most 20 CPV codes.' },
  'drafting.cpv.picker.label': { fr: 'Rechercher un code CPV', en: 'Search for a CPV code' },
  'drafting.cpv.picker.add': { fr: 'Ajouter', en: 'Add' },
  'drafting.cpv.picker.added': { fr: 'Code ajouté : {code}', en: 'Code added: {code}' },
  'drafting.cpv.picker.none': { fr: 'Aucun code ne correspond.', en: 'No code matches.' },
  'drafting.cpv.picker.results': { fr: '{count} résultat(s)', en: '{count} result(s)' },
  'drafting.cpv.page.title': { fr: 'Rechercher un code CPV', en: 'Search for a CPV code' },
  'drafting.cpv.page.title_query': { fr: 'Codes CPV pour « {query} »', en: 'CPV codes for "{query}"' },
  'drafting.cpv.page.intro': {
    fr: 'Tapez le début d’un code (4521) ou des mots du libellé (isolation thermique), sans vous soucier des accents. Copiez ensuite le code, avec sa clé, dans le formulaire de la consultation.',
    en: 'Type the start of a code (4521) or words of the label (thermal insulation), accents do not matter. Then copy the code, with its check digit, into the tender form.',
  },
  'drafting.cpv.page.query': { fr: 'Code ou mots', en: 'Code or words' },
  'drafting.cpv.page.submit': { fr: 'Rechercher', en: 'Search' },
  'drafting.cpv.page.caption': {
    fr: 'Codes CPV correspondant à « {query} » ({count} au plus 20 affichés)',
    en: 'CPV codes matching "{query}" ({count}, at most 20 shown)',
  },
  'drafting.cpv.page.code': { fr: 'Code', en: 'Code' },
  'drafting.cpv.page.label': { fr: 'Libellé', en: 'Label' },

  // lots
  'drafting.lots.not_divided': {
    fr: 'La consultation n’est pas allotie : son lot unique reprend l’objet de la consultation. Ajoutez un lot pour la diviser en lots.',
    en: 'The tender is not divided: its single lot is the tender itself. Add a lot to divide it into lots.',
  },
  'drafting.lots.divided': { fr: 'Consultation allotie en {count} lots', en: 'Tender divided into {count} lots' },
  'drafting.lots.caption': { fr: 'Lots de la consultation', en: 'Lots of the tender' },
  'drafting.lots.number': { fr: 'N°', en: 'No.' },
  'drafting.lots.edit': { fr: 'Modifier le lot {number}', en: 'Edit lot {number}' },
  'drafting.lots.save': { fr: 'Enregistrer le lot', en: 'Save the lot' },
  'drafting.lots.add.title': { fr: 'Ajouter un lot', en: 'Add a lot' },
  'drafting.lots.add.hint_single': {
    fr: 'Ajouter un lot divise la consultation : le lot 1 reprend l’objet actuel, donnez-lui son propre intitulé.',
    en: 'Adding a lot divides the tender: lot 1 keeps the current object; give it its own title.',
  },
  'drafting.lots.add.hint_divided': {
    fr: 'Le lot est ajouté à la fin de la liste.',
    en: 'The lot is added at the end of the list.',
  },
  'drafting.lots.add.submit': { fr: 'Ajouter le lot', en: 'Add the lot' },
  'drafting.lots.first_lot_title': { fr: 'Intitulé du lot 1', en: 'Title of lot 1' },
  'drafting.lots.first_lot_title.hint': {
    fr: 'Facultatif : sinon le lot 1 garde l’intitulé de la consultation.',
    en: 'Optional: otherwise lot 1 keeps the title of the tender.',
  },
  'drafting.lots.remove.title': { fr: 'Supprimer ce lot', en: 'Remove this lot' },
  'drafting.lots.remove.text': {
    fr: 'Le lot et ses critères propres sont supprimés ; les lots suivants sont renumérotés.',
    en: 'The lot and its own criteria are removed; the following lots are renumbered.',
  },
  'drafting.lots.remove.submit': { fr: 'Supprimer le lot {number}', en: 'Remove lot {number}' },
  'drafting.lots.last': {
    fr: 'Une consultation a toujours au moins un lot : le dernier ne peut pas être supprimé.',
    en: 'A tender always has at least one lot: the last one cannot be removed.',
  },
  'drafting.lots.too_many': { fr: 'Une consultation compte au plus 200 lots.', en: 'A tender has at most 200 lots.' },
  'drafting.lot.title': { fr: 'Intitulé du lot', en: 'Title of the lot' },
  'drafting.lot.title.required': { fr: 'Indiquez l’intitulé du lot.', en: 'Enter the title of the lot.' },
  'drafting.lot.description': { fr: 'Description du lot', en: 'Description of the lot' },

  // clauses
  'drafting.clauses.intro': {
    fr: 'Indiquez les marchés réservés et les considérations sociales et environnementales : elles figurent dans l’avis et permettent aux entreprises concernées de trouver la consultation.',
    en: 'State reserved contracts and social and environmental considerations: they appear in the notice and help the companies concerned find the tender.',
  },
  'drafting.clauses.tender': { fr: 'Consultation', en: 'Tender' },
  'drafting.clauses.tender_level': { fr: 'Toute la consultation', en: 'Whole tender' },
  'drafting.clauses.lot': { fr: 'Lot {number} : {title}', en: 'Lot {number}: {title}' },
  'drafting.clauses.reserved': { fr: 'Marché réservé', en: 'Reserved contract' },
  'drafting.clauses.reserved.none': { fr: 'Non réservé', en: 'Not reserved' },
  'drafting.clauses.reserved.siae': {
    fr: 'Réservé aux structures d’insertion par l’activité économique (SIAE, article L2113-13)',
    en: 'Reserved for work integration social enterprises (SIAE, article L2113-13)',
  },
  'drafting.clauses.reserved.ea_esat': {
    fr: 'Réservé aux entreprises adaptées et ESAT (article L2113-12)',
    en: 'Reserved for sheltered workshops (EA and ESAT, article L2113-12)',
  },
  'drafting.clauses.reserved.invalid': {
    fr: 'Choisissez une valeur de la liste.',
    en: 'Choose a value from the list.',
  },
  'drafting.clauses.social_insertion': {
    fr: 'Clause sociale d’insertion par l’activité économique',
    en: 'Social clause: employment of people far from work',
  },
  'drafting.clauses.social_other': { fr: 'Autre considération sociale', en: 'Other social consideration' },
  'drafting.clauses.environmental_clause': {
    fr: 'Clause environnementale (conditions d’exécution)',
    en: 'Environmental clause (performance conditions)',
  },
  'drafting.clauses.environmental_criterion': {
    fr: 'Critère environnemental d’attribution',
    en: 'Environmental award criterion',
  },
  'drafting.clauses.none': { fr: 'Aucune clause', en: 'No clause' },
  'drafting.clauses.tender_summary': { fr: 'Toute la consultation : {clauses}', en: 'Whole tender: {clauses}' },

  // criteria
  'drafting.criteria.intro': {
    fr: 'Donnez chaque critère avec sa pondération en pourcentage (décimales acceptées, par exemple 12,5). Le total doit faire exactement 100 %. Les lignes laissées vides sont ignorées.',
    en: 'Give each criterion with its weight as a percentage (decimals allowed, e.g. 12.5). The total must be exactly 100 %. Empty rows are ignored.',
  },
  'drafting.criteria.scope': { fr: 'Critères d’attribution', en: 'Award criteria' },
  'drafting.criteria.common_scope': { fr: 'Critères communs à tous les lots', en: 'Criteria common to every lot' },
  'drafting.criteria.common_hint': {
    fr: 'Ils s’appliquent à chaque lot qui n’a pas de critères propres.',
    en: 'They apply to every lot that has no criteria of its own.',
  },
  'drafting.criteria.lot_scope': {
    fr: 'Critères propres au lot {number} : {title}',
    en: 'Criteria of lot {number}: {title}',
  },
  'drafting.criteria.lot_hint': {
    fr: 'Ces critères remplacent les critères communs pour ce lot. Videz toutes les lignes pour revenir aux critères communs.',
    en: 'These criteria replace the common criteria for this lot. Empty every row to go back to the common criteria.',
  },
  'drafting.criteria.per_lot': { fr: 'Critères propres à un lot', en: 'Criteria of one lot' },
  'drafting.criteria.lot_own': {
    fr: '{count} critère(s) propre(s), total {sum} %',
    en: '{count} own criteria, total {sum} %',
  },
  'drafting.criteria.lot_common': { fr: 'critères communs', en: 'common criteria' },
  'drafting.criteria.row': { fr: 'Critère {number}', en: 'Criterion {number}' },
  'drafting.criteria.label': { fr: 'Libellé du critère', en: 'Criterion' },
  'drafting.criteria.kind': { fr: 'Nature', en: 'Kind' },
  'drafting.criteria.kind.price': { fr: 'Prix', en: 'Price' },
  'drafting.criteria.kind.quality': { fr: 'Valeur technique / qualité', en: 'Technical merit / quality' },
  'drafting.criteria.kind.environmental': { fr: 'Environnemental', en: 'Environmental' },
  'drafting.criteria.kind.social': { fr: 'Social', en: 'Social' },
  'drafting.criteria.kind.other': { fr: 'Autre', en: 'Other' },
  'drafting.criteria.weight': { fr: 'Pondération (%)', en: 'Weight (%)' },
  'drafting.criteria.weight.hint': { fr: 'Par exemple 60 ou 12,5.', en: 'For example 60 or 12.5.' },
  'drafting.criteria.submit': { fr: 'Enregistrer les critères', en: 'Save the criteria' },
  'drafting.criteria.none': { fr: 'Aucun critère pour l’instant.', en: 'No criteria yet.' },
  'drafting.criteria.label.required': { fr: 'Indiquez le libellé du critère.', en: 'Enter the criterion.' },
  'drafting.criteria.weight.invalid': {
    fr: 'Indiquez une pondération entre 0,01 et 100, avec au plus deux décimales.',
    en: 'Enter a weight between 0.01 and 100, with at most two decimals.',
  },
  'drafting.criteria.sum': {
    fr: 'La somme des pondérations est de {sum} % : elle doit être exactement de 100 %.',
    en: 'The weights add up to {sum} %: they must add up to exactly 100 %.',
  },
  'drafting.criteria.too_many': { fr: 'Indiquez au plus 20 critères.', en: 'Give at most 20 criteria.' },

  // deadlines
  'drafting.deadlines.intro': {
    fr: 'Les dates et heures sont celles de Paris (heure légale française, changements d’heure compris).',
    en: 'Dates and times are Paris time (French legal time, daylight saving included).',
  },
  'drafting.deadlines.procedure': { fr: 'Procédure : {procedure}.', en: 'Procedure: {procedure}.' },
  'drafting.deadlines.rule.adapted': {
    fr: 'Pas de délai minimal fixé : le délai doit être raisonnable (articles R2143-1 et R2151-1 du code de la commande publique).',
    en: 'No fixed minimum: the time limit must be reasonable (articles R2143-1 and R2151-1 of the public procurement code).',
  },
  'drafting.deadlines.rule.formal': {
    fr: 'Les délais minimaux légaux sont vérifiés (articles {articles} du code de la commande publique).',
    en: 'The legal minimum time limits are checked (articles {articles} of the public procurement code).',
  },
  'drafting.deadlines.rule.none': {
    fr: 'Pas de délai minimal fixé pour cette procédure.',
    en: 'No fixed minimum for this procedure.',
  },
  'drafting.deadline.submission': { fr: 'Date limite de remise des offres', en: 'Deadline for submitting offers' },
  'drafting.deadline.candidature': {
    fr: 'Date limite de remise des candidatures',
    en: 'Deadline for submitting applications',
  },
  'drafting.deadline.questions': { fr: 'Date limite des questions', en: 'Deadline for questions' },
  'drafting.deadline.questions.hint': {
    fr: 'Facultative ; elle doit précéder la date limite de remise des offres.',
    en: 'Optional; it must come before the deadline for offers.',
  },
  'drafting.deadline.date': { fr: 'Date (jj/mm/aaaa)', en: 'Date (dd/mm/yyyy)' },
  'drafting.deadline.time': { fr: 'Heure de Paris (hh:mm)', en: 'Paris time (hh:mm)' },
  'drafting.deadline.time.hint': { fr: 'Par exemple 12:00.', en: 'For example 12:00.' },
  'drafting.deadline.none': { fr: 'Non fixée', en: 'Not set' },
  'drafting.deadline.submission.required': {
    fr: 'Indiquez la date limite de remise des offres.',
    en: 'Enter the deadline for offers.',
  },
  'drafting.deadline.candidature.required': {
    fr: 'Cette procédure se déroule en deux temps : indiquez la date limite de remise des candidatures.',
    en: 'This procedure has two stages: enter the deadline for applications.',
  },
  'drafting.deadline.date.required': { fr: 'Indiquez la date.', en: 'Enter the date.' },
  'drafting.deadline.time.required': { fr: 'Indiquez l’heure.', en: 'Enter the time.' },
  'drafting.deadline.date.invalid': {
    fr: 'Cette date n’existe pas ; écrivez-la sous la forme jj/mm/aaaa.',
    en: 'This date does not exist; write it as dd/mm/yyyy.',
  },
  'drafting.deadline.time.invalid': {
    fr: 'Écrivez l’heure sous la forme hh:mm, par exemple 12:00.',
    en: 'Write the time as hh:mm, e.g. 12:00.',
  },
  'drafting.deadline.time.nonexistent': {
    fr: 'Cette heure n’existe pas ce jour-là à Paris (passage à l’heure d’été, de 2 h à 3 h) : choisissez une autre heure.',
    en: 'This time does not exist that day in Paris (clocks go forward from 2:00 to 3:00): choose another time.',
  },
  'drafting.deadline.past': { fr: 'Cette date est déjà passée.', en: 'This date has already passed.' },
  'drafting.deadline.candidature.after_submission': {
    fr: 'La date limite des candidatures doit précéder celle des offres.',
    en: 'The deadline for applications must come before the deadline for offers.',
  },
  'drafting.deadline.questions.after_submission': {
    fr: 'La date limite des questions doit précéder celle des offres.',
    en: 'The deadline for questions must come before the deadline for offers.',
  },
  'drafting.delay.title': { fr: 'Délais à vérifier', en: 'Time limits to check' },
  'drafting.delay.offers_short': {
    fr: 'Le délai de remise des offres est de {days} jours à compter d’aujourd’hui, sous le minimum légal de {minimum} jours (articles {articles}). Il n’est permis qu’en cas d’urgence dûment justifiée ou d’avis de préinformation.',
    en: 'The time limit for offers is {days} days from today, below the legal minimum of {minimum} days (articles {articles}). It is only allowed in a duly justified urgency or after a prior information notice.',
  },
  'drafting.delay.candidatures_short': {
    fr: 'Le délai de remise des candidatures est de {days} jours à compter d’aujourd’hui, sous le minimum légal de {minimum} jours (articles {articles}).',
    en: 'The time limit for applications is {days} days from today, below the legal minimum of {minimum} days (articles {articles}).',
  },
  'drafting.delay.offers_after_candidatures_short': {
    fr: 'Il reste {days} jours entre la date limite des candidatures et celle des offres : l’invitation à soumissionner ne pouvant partir qu’après les candidatures, le minimum légal de {minimum} jours (articles {articles}) ne sera pas respecté.',
    en: 'There are {days} days between the application deadline and the offer deadline: as the invitation to tender can only be sent after the applications, the legal minimum of {minimum} days (articles {articles}) will not be met.',
  },
  'drafting.delay.adapted_short': {
    fr: 'Le délai de remise des offres n’est que de {days} jours. En procédure adaptée il doit rester raisonnable au regard de la complexité du marché (articles {articles}) ; moins de {minimum} jours est rarement suffisant.',
    en: 'The time limit for offers is only {days} days. In an adapted procedure it must remain reasonable given the complexity of the contract (articles {articles}); under {minimum} days is rarely enough.',
  },
  'drafting.delay.acknowledge': {
    fr: 'Je maintiens ce délai inférieur au minimum légal et j’en assume la justification (urgence, avis de préinformation).',
    en: 'I keep this time limit below the legal minimum and take responsibility for its justification (urgency, prior information notice).',
  },
  'drafting.delay.acknowledge_required': {
    fr: 'Le délai est inférieur au minimum légal : allongez-le ou cochez la case pour confirmer votre choix.',
    en: 'The time limit is below the legal minimum: lengthen it or tick the box to confirm your choice.',
  },

  // countdown
  'drafting.countdown.left': { fr: 'Il reste {time}.', en: '{time} left.' },
  'drafting.countdown.day': { fr: '{n} jour', en: '{n} day' },
  'drafting.countdown.days': { fr: '{n} jours', en: '{n} days' },
  'drafting.countdown.hour': { fr: '{n} heure', en: '{n} hour' },
  'drafting.countdown.hours': { fr: '{n} heures', en: '{n} hours' },
  'drafting.countdown.minutes': {
    fr: 'il reste moins d’une heure ({minutes} min)',
    en: 'less than an hour left ({minutes} min)',
  },
  'drafting.countdown.passed': { fr: 'La date limite est dépassée.', en: 'The deadline has passed.' },

  // contact
  'drafting.contact.legend': { fr: 'Contact', en: 'Contact' },
  'drafting.contact.name': { fr: 'Service ou personne à contacter', en: 'Department or person to contact' },
  'drafting.contact.name.hint': {
    fr: 'Par exemple « Service de la commande publique ».',
    en: 'For example "Procurement department".',
  },
  'drafting.contact.email': { fr: 'Adresse électronique de contact', en: 'Contact e-mail address' },
  'drafting.contact.phone': { fr: 'Téléphone', en: 'Telephone' },
  'drafting.contact.submission_legend': { fr: 'Modalités de dépôt des plis', en: 'Submission rules' },
  'drafting.contact.signature': { fr: 'Signature électronique exigée', en: 'Electronic signature required' },
  'drafting.contact.backup': { fr: 'Copie de sauvegarde acceptée', en: 'Backup copy accepted' },
  'drafting.contact.max_size': { fr: 'Taille maximale d’un pli (en Mo)', en: 'Maximum size of a bid (MB)' },
  'drafting.contact.max_size.hint': {
    fr: 'Annoncée aux entreprises avant leur dépôt ; entre 1 et 2 000 Mo.',
    en: 'Stated to companies before they submit; between 1 and 2,000 MB.',
  },
  'drafting.contact.max_size.value': { fr: '{mb} Mo', en: '{mb} MB' },
  'drafting.contact.name.required': {
    fr: 'Indiquez le service ou la personne à contacter.',
    en: 'Enter the department or person to contact.',
  },
  'drafting.contact.name.too_long': {
    fr: 'Ce nom ne doit pas dépasser 200 caractères.',
    en: 'This name must not exceed 200 characters.',
  },
  'drafting.contact.email.required': {
    fr: 'Indiquez l’adresse électronique de contact.',
    en: 'Enter the contact e-mail address.',
  },
  'drafting.contact.email.invalid': {
    fr: 'Indiquez une adresse électronique valide, par exemple marches@ville.fr.',
    en: 'Enter a valid e-mail address, e.g. procurement@city.example.',
  },
  'drafting.contact.phone.invalid': {
    fr: 'Indiquez un numéro de téléphone (chiffres, espaces, +, points).',
    en: 'Enter a telephone number (digits, spaces, +, dots).',
  },
  'drafting.contact.max_size.invalid': {
    fr: 'Indiquez une taille en Mo entre 1 et 2 000.',
    en: 'Enter a size in MB between 1 and 2,000.',
  },

  // summary and readiness
  'drafting.resume.edit': { fr: 'Modifier : {section}', en: 'Edit: {section}' },
  'drafting.resume.problems': { fr: 'Ce qui manque avant de publier', en: 'What is missing before publishing' },
  'drafting.resume.ready': {
    fr: 'La consultation est complète : vous pouvez la publier.',
    en: 'The tender is complete: you can publish it.',
  },
  'drafting.resume.next': { fr: 'Et ensuite', en: 'Next' },
  'drafting.readiness.cpv_missing': {
    fr: 'Indiquez au moins un code CPV (informations générales).',
    en: 'Give at least one CPV code (general information).',
  },
  'drafting.readiness.options_description_missing': {
    fr: 'Décrivez les options du marché (informations générales).',
    en: 'Describe the options of the contract (general information).',
  },
  'drafting.readiness.no_lot': {
    fr: 'La consultation doit compter au moins un lot.',
    en: 'The tender needs at least one lot.',
  },
  'drafting.readiness.criteria_missing': {
    fr: 'Chaque lot doit avoir des critères d’attribution : les siens ou les critères communs.',
    en: 'Every lot needs award criteria: its own or the common ones.',
  },
  'drafting.readiness.weights_not_100': {
    fr: 'La somme des pondérations des critères doit faire exactement 100 %.',
    en: 'The criteria weights must add up to exactly 100 %.',
  },
  'drafting.readiness.deadline_missing': {
    fr: 'Fixez la date limite de remise des offres.',
    en: 'Set the deadline for offers.',
  },
  'drafting.readiness.deadline_past': {
    fr: 'La date limite de remise des offres est passée : fixez-en une nouvelle.',
    en: 'The deadline for offers has passed: set a new one.',
  },
  'drafting.readiness.candidature_deadline_missing': {
    fr: 'Fixez la date limite de remise des candidatures.',
    en: 'Set the deadline for applications.',
  },
  'drafting.readiness.candidature_deadline_past': {
    fr: 'La date limite de remise des candidatures est passée : fixez-en une nouvelle.',
    en: 'The deadline for applications has passed: set a new one.',
  },
  'drafting.readiness.candidature_after_submission': {
    fr: 'La date limite des candidatures doit précéder celle des offres.',
    en: 'The application deadline must come before the offer deadline.',
  },
  'drafting.readiness.questions_after_submission': {
    fr: 'La date limite des questions doit précéder celle des offres.',
    en: 'The questions deadline must come before the offer deadline.',
  },
  'drafting.readiness.contact_missing': {
    fr: 'Indiquez le contact de la consultation (nom et adresse électronique).',
    en: 'Give the contact of the tender (name and e-mail address).',
  },
  'drafting.readiness.no_document': {
    fr: 'Ajoutez au moins un document au dossier de consultation (DCE).',
    en: 'Add at least one document to the tender documents.',
  },

  // management page
  'drafting.manage.back': { fr: 'Toutes mes consultations', en: 'All my tenders' },
  'drafting.manage.reference': { fr: 'Référence {reference}', en: 'Reference {reference}' },
  'drafting.manage.actions': { fr: 'Que faire maintenant', en: 'What to do now' },
  'drafting.manage.facts': { fr: 'L’essentiel', en: 'Key facts' },
  'drafting.link.edit': { fr: 'Modifier le brouillon', en: 'Edit the draft' },
  'drafting.link.resume': { fr: 'Récapitulatif avant publication', en: 'Summary before publication' },
  'drafting.link.documents': { fr: 'Documents de la consultation ({count})', en: 'Tender documents ({count})' },
  'drafting.link.publish': { fr: 'Publier la consultation', en: 'Publish the tender' },
  'drafting.link.corrigendum': { fr: 'Publier un avis rectificatif', en: 'Publish a corrigendum' },
  'drafting.link.abandon': { fr: 'Déclarer sans suite ou infructueuse', en: 'Cancel or declare unsuccessful' },
  'drafting.link.notice': { fr: 'Voir l’avis public', en: 'See the public notice' },
  'drafting.link.questions': { fr: 'Questions des entreprises', en: 'Questions from companies' },
  'drafting.link.registers': { fr: 'Registres', en: 'Registers' },
  'drafting.locked.title': { fr: 'Consultation publiée', en: 'Published tender' },
  'drafting.locked.text': {
    fr: 'La consultation « {title} » a le statut « {status} » : elle ne se modifie plus ici. Toute modification passe par un avis rectificatif, visible des entreprises.',
    en: 'The tender "{title}" has the status "{status}": it is no longer edited here. Any change goes through a corrigendum, visible to companies.',
  },
  'drafting.status.draft': { fr: 'Brouillon', en: 'Draft' },
  'drafting.status.published': { fr: 'En cours', en: 'Open' },
  'drafting.status.closed': { fr: 'Clôturée', en: 'Closed' },
  'drafting.status.opened': { fr: 'Plis ouverts', en: 'Bids opened' },
  'drafting.status.evaluation': { fr: 'En analyse', en: 'Under evaluation' },
  'drafting.status.awarded': { fr: 'Attribuée', en: 'Awarded' },
  'drafting.status.unsuccessful': { fr: 'Infructueuse', en: 'Unsuccessful' },
  'drafting.status.cancelled': { fr: 'Sans suite', en: 'Cancelled' },
} as const;
