/** Strings of the identity module: sign-in, sign-out, passwords, sessions, e-mail checks. */
export const identityMessages = {
  'identity.signin.title': { fr: 'Se connecter', en: 'Sign in' },
  'identity.signin.email': { fr: 'Adresse électronique', en: 'E-mail address' },
  'identity.signin.password': { fr: 'Mot de passe', en: 'Password' },
  'identity.signin.submit': { fr: 'Se connecter', en: 'Sign in' },
  'identity.signin.forgot': { fr: 'Mot de passe oublié ?', en: 'Forgot your password?' },
  'identity.signin.noaccount': {
    fr: "Votre entreprise n'a pas encore de compte ?",
    en: 'Your company has no account yet?',
  },
  'identity.signin.invalid': {
    fr: 'Adresse électronique ou mot de passe incorrect.',
    en: 'Wrong e-mail address or password.',
  },
  'identity.signin.locked': {
    fr: 'Trop de tentatives échouées : ce compte est verrouillé pendant quelques minutes. Patientez ou réinitialisez votre mot de passe.',
    en: 'Too many failed attempts: this account is locked for a few minutes. Wait or reset your password.',
  },
  'identity.signout.done': { fr: 'Vous êtes déconnecté.', en: 'You are signed out.' },
  'identity.email.required': { fr: 'Saisissez votre adresse électronique.', en: 'Enter your e-mail address.' },
  'identity.email.invalid': {
    fr: 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.',
    en: 'Enter a valid e-mail address, for example name@example.com.',
  },
  'identity.password.required': { fr: 'Saisissez votre mot de passe.', en: 'Enter your password.' },
  'identity.password.too_short': {
    fr: 'Le mot de passe doit contenir au moins 12 caractères.',
    en: 'The password must be at least 12 characters long.',
  },
  'identity.password.too_long': {
    fr: 'Le mot de passe ne peut dépasser 256 caractères.',
    en: 'The password cannot exceed 256 characters.',
  },
  'identity.password.too_simple': {
    fr: 'Le mot de passe doit mélanger au moins trois types de caractères (minuscules, majuscules, chiffres, symboles).',
    en: 'The password must mix at least three kinds of characters (lower case, upper case, digits, symbols).',
  },
  'identity.password.common': {
    fr: 'Ce mot de passe est trop courant ou reprend votre adresse : choisissez-en un autre.',
    en: 'This password is too common or contains your address: choose another one.',
  },
  'identity.password.hint': {
    fr: 'Au moins 12 caractères, mêlant minuscules, majuscules, chiffres ou symboles.',
    en: 'At least 12 characters, mixing lower case, upper case, digits or symbols.',
  },
  'identity.mail.verify.subject': { fr: 'Confirmez votre adresse électronique', en: 'Confirm your e-mail address' },
  'identity.mail.verify.text': {
    fr: 'Bonjour {name},\n\nPour confirmer votre adresse électronique sur Halle, ouvrez ce lien (valable 48 heures) :\n{link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
    en: 'Hello {name},\n\nTo confirm your e-mail address on Halle, open this link (valid for 48 hours):\n{link}\n\nIf you did not ask for this, ignore this message.',
  },
} as const;
