/** Strings of the company profile and of the sign-up from a SIRET. */
export const registryMessages = {
  'registry.start.title': {
    fr: 'Inscrire mon entreprise à partir de son SIRET',
    en: 'Register my company from its SIRET',
  },
  'registry.start.intro': {
    fr: 'Saisissez le SIRET de votre établissement : nous remplissons la raison sociale, l’adresse, l’activité et la taille depuis le répertoire des entreprises. Vous pourrez tout corriger.',
    en: 'Enter the SIRET of your establishment: we fill in the name, address, activity and size from the company register. You can correct everything.',
  },
  'registry.start.submit': { fr: 'Rechercher mon entreprise', en: 'Find my company' },
  'registry.start.manual': { fr: 'Remplir le formulaire à la main', en: 'Fill in the form by hand' },
  'registry.found': {
    fr: 'Nous avons trouvé votre entreprise dans le répertoire : vérifiez les informations ci-dessous.',
    en: 'We found your company in the register: check the information below.',
  },
  'registry.unknown': {
    fr: 'Ce SIRET n’est pas dans le répertoire des entreprises : saisissez les informations vous-même.',
    en: 'This SIRET is not in the company register: enter the information yourself.',
  },
  'registry.unavailable': {
    fr: 'Le répertoire des entreprises ne répond pas pour le moment : saisissez les informations vous-même.',
    en: 'The company register does not answer at the moment: enter the information yourself.',
  },
  'registry.join.title': { fr: 'Votre entreprise est déjà inscrite', en: 'Your company is already registered' },
  'registry.join.intro': {
    fr: 'Une entreprise avec ce SIRET a déjà un compte sur la plateforme. Demandez à la rejoindre : ses administrateurs recevront votre demande par courriel et pourront vous inviter.',
    en: 'A company with this SIRET already has an account on the platform. Ask to join it: its administrators will receive your request by e-mail and can invite you.',
  },
  'registry.join.submit': { fr: 'Demander à rejoindre l’entreprise', en: 'Ask to join the company' },
  'registry.join.message': { fr: 'Message aux administrateurs', en: 'Message to the administrators' },
  'registry.join.sent': {
    fr: 'Votre demande a été transmise aux administrateurs de l’entreprise. Vous recevrez une invitation par courriel s’ils l’acceptent.',
    en: 'Your request was sent to the company’s administrators. You will receive an invitation by e-mail if they accept it.',
  },
  'registry.join.mail.subject': {
    fr: '{name} demande à rejoindre votre entreprise sur Halle',
    en: '{name} asks to join your company on Halle',
  },
  'registry.join.mail.text': {
    fr: 'Bonjour,\n\n{name} ({email}) demande à rejoindre votre entreprise (SIRET {siret}) sur Halle.\n\nMessage : {message}\n\nSi vous connaissez cette personne, invitez-la depuis la page de votre organisation : {url}\nSinon, ignorez ce courriel.',
    en: 'Hello,\n\n{name} ({email}) asks to join your company (SIRET {siret}) on Halle.\n\nMessage: {message}\n\nIf you know this person, invite them from your organisation page: {url}\nOtherwise, ignore this e-mail.',
  },
  'registry.message.too_long': {
    fr: 'Le message ne peut dépasser 1 000 caractères.',
    en: 'The message cannot exceed 1,000 characters.',
  },
  'registry.profile.title': { fr: 'Profil de l’entreprise', en: 'Company profile' },
  'registry.profile.intro': {
    fr: 'Ces informations servent à vos réponses (DUME) et, si vous le souhaitez, à l’annuaire des fournisseurs consulté par les acheteurs.',
    en: 'This information is used in your answers (ESPD) and, if you wish, in the supplier directory that buyers search.',
  },
  'registry.profile.lookup': {
    fr: 'Compléter depuis le répertoire des entreprises',
    en: 'Complete from the company register',
  },
  'registry.profile.save': { fr: 'Enregistrer le profil', en: 'Save the profile' },
  'registry.profile.saved': { fr: 'Le profil a été enregistré.', en: 'The profile was saved.' },
  'registry.profile.read_only': {
    fr: 'Seuls les administrateurs de l’entreprise peuvent modifier son profil.',
    en: 'Only the company’s administrators can change its profile.',
  },
  'registry.profile.identity': { fr: 'Identité', en: 'Identity' },
  'registry.profile.presentation': { fr: 'Présentation', en: 'Presentation' },
  'registry.field.address': { fr: 'Adresse (numéro et voie)', en: 'Address (number and street)' },
  'registry.field.postal_code': { fr: 'Code postal', en: 'Postal code' },
  'registry.field.city': { fr: 'Commune', en: 'Town' },
  'registry.field.legal_category': {
    fr: 'Catégorie juridique (code INSEE à 4 chiffres)',
    en: 'Legal category (4-digit INSEE code)',
  },
  'registry.field.head_office': {
    fr: 'Cet établissement est le siège social',
    en: 'This establishment is the head office',
  },
  'registry.field.description': { fr: 'Présentation de l’entreprise', en: 'Company presentation' },
  'registry.field.keywords': { fr: 'Savoir-faire (mots-clés)', en: 'Skills (keywords)' },
  'registry.field.cpv_codes': { fr: 'Codes CPV de vos activités', en: 'CPV codes of your activities' },
  'registry.field.cpv_codes.hint': {
    fr: 'Codes à 8 chiffres séparés par des virgules, par exemple 45210000, 45410000.',
    en: '8-digit codes separated by commas, e.g. 45210000, 45410000.',
  },
  'registry.address.too_long': {
    fr: 'L’adresse ne peut dépasser 300 caractères.',
    en: 'The address cannot exceed 300 characters.',
  },
  'registry.postal_code.invalid': { fr: 'Le code postal comporte 5 chiffres.', en: 'The postal code has 5 digits.' },
  'registry.legal_category.invalid': {
    fr: 'La catégorie juridique est un code de 4 chiffres.',
    en: 'The legal category is a 4-digit code.',
  },
  'registry.description.too_long': {
    fr: 'La présentation ne peut dépasser 4 000 caractères.',
    en: 'The presentation cannot exceed 4,000 characters.',
  },
  'registry.keywords.too_long': {
    fr: 'Les mots-clés ne peuvent dépasser 500 caractères.',
    en: 'The keywords cannot exceed 500 characters.',
  },
  'registry.cpv.invalid': {
    fr: 'Saisissez au plus 20 codes CPV de 8 chiffres.',
    en: 'Enter at most 20 CPV codes of 8 digits.',
  },
  'registry.profile.directory': {
    fr: 'Présence dans l’annuaire des fournisseurs',
    en: 'Listing in the supplier directory',
  },
  'registry.nav': { fr: 'Profil de l’entreprise', en: 'Company profile' },
} as const;
