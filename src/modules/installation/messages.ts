/** Strings of the installation module: the one-time link that creates the first administrator. */
export const installationMessages = {
  'installation.title': { fr: 'Créer le premier administrateur', en: 'Create the first administrator' },
  'installation.intro': {
    fr: 'Cette plateforme n’a pas encore d’administrateur. Ce lien à usage unique vous permet de créer le compte qui administrera la plateforme : il ne fonctionnera plus ensuite.',
    en: 'This platform has no administrator yet. This one-time link lets you create the account that will administer the platform: it will stop working afterwards.',
  },
  'installation.name': { fr: 'Prénom et nom', en: 'First and last name' },
  'installation.email': { fr: 'Adresse électronique', en: 'E-mail address' },
  'installation.password': { fr: 'Mot de passe', en: 'Password' },
  'installation.password_confirmation': { fr: 'Confirmez le mot de passe', en: 'Confirm the password' },
  'installation.submit': { fr: 'Créer le compte administrateur', en: 'Create the administrator account' },
  'installation.name.required': { fr: 'Saisissez votre prénom et votre nom.', en: 'Enter your first and last name.' },
  'installation.name.too_long': {
    fr: 'Le nom ne peut dépasser 200 caractères.',
    en: 'The name cannot exceed 200 characters.',
  },
  'installation.email.taken': {
    fr: 'Un compte utilise déjà cette adresse électronique.',
    en: 'An account already uses this e-mail address.',
  },
  'installation.password.mismatch': {
    fr: 'Les deux mots de passe ne sont pas identiques.',
    en: 'The two passwords do not match.',
  },
  'installation.link.gone': {
    fr: 'Ce lien d’installation n’est plus valable : il a déjà servi, il a expiré ou il est inconnu. Un administrateur peut être créé avec la commande « halle admin:create », ou un nouveau lien obtenu avec « halle admin:setup-link ».',
    en: 'This installation link is no longer valid: it was already used, it expired or it is unknown. An administrator can be created with the command “halle admin:create”, or a new link obtained with “halle admin:setup-link”.',
  },
  'installation.done.title': { fr: 'Compte administrateur créé', en: 'Administrator account created' },
  'installation.done.text': {
    fr: 'Le compte administrateur de la plateforme est créé et le lien d’installation est désactivé. Connectez-vous avec l’adresse et le mot de passe choisis.',
    en: 'The platform administrator account is created and the installation link is disabled. Sign in with the address and password you chose.',
  },
  'installation.done.signin': { fr: 'Se connecter', en: 'Sign in' },
} as const;
