/** Strings of the identity module: sign-in, sign-out, passwords, sessions, e-mail checks, account pages. */
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
  'identity.mail.verify.html.intro': {
    fr: 'Pour confirmer votre adresse électronique sur Halle, cliquez sur le bouton ci-dessous. Ce lien est valable 48 heures.',
    en: 'To confirm your e-mail address on Halle, click the button below. This link is valid for 48 hours.',
  },
  'identity.mail.verify.html.action': { fr: 'Confirmer mon adresse', en: 'Confirm my address' },
  'identity.mail.hello': { fr: 'Bonjour {name},', en: 'Hello {name},' },
  'identity.mail.ignore': {
    fr: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera modifié.',
    en: 'If you did not ask for this, ignore this message: nothing will change.',
  },
  'identity.mail.fallback': {
    fr: 'Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur :',
    en: 'If the link does not open, copy this address into your browser:',
  },
  'identity.mail.reset.subject': { fr: 'Réinitialisation de votre mot de passe', en: 'Resetting your password' },
  'identity.mail.reset.text': {
    fr: 'Bonjour {name},\n\nNous avons reçu une demande de réinitialisation du mot de passe de votre compte Halle. Pour choisir un nouveau mot de passe, ouvrez ce lien, valable 1 heure et utilisable une seule fois (jusqu’au {expiry}, heure de Paris) :\n{link}\n\nUne fois le mot de passe changé, toutes vos sessions ouvertes seront fermées.\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
    en: 'Hello {name},\n\nWe received a request to reset the password of your Halle account. To choose a new password, open this link, valid for 1 hour and usable only once (until {expiry}, Paris time):\n{link}\n\nOnce the password is changed, all your open sessions will be closed.\n\nIf you did not ask for this, ignore this message: your current password remains valid.',
  },
  'identity.mail.reset.html.intro': {
    fr: 'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Halle. Ce lien est valable 1 heure (jusqu’au {expiry}, heure de Paris) et ne peut servir qu’une fois.',
    en: 'We received a request to reset the password of your Halle account. This link is valid for 1 hour (until {expiry}, Paris time) and can be used only once.',
  },
  'identity.mail.reset.html.action': { fr: 'Choisir un nouveau mot de passe', en: 'Choose a new password' },
  'identity.mail.changed.subject': { fr: 'Votre mot de passe a été modifié', en: 'Your password was changed' },
  'identity.mail.changed.text': {
    fr: 'Bonjour {name},\n\nLe mot de passe de votre compte Halle a été modifié le {date} (heure de Paris). Vos autres sessions ont été fermées.\n\nSi vous n’êtes pas à l’origine de ce changement, réinitialisez immédiatement votre mot de passe :\n{link}',
    en: 'Hello {name},\n\nThe password of your Halle account was changed on {date} (Paris time). Your other sessions were closed.\n\nIf you did not make this change, reset your password at once:\n{link}',
  },

  'identity.verify.title.done': { fr: 'Adresse électronique confirmée', en: 'E-mail address confirmed' },
  'identity.verify.done': {
    fr: 'Merci : votre adresse électronique est confirmée.',
    en: 'Thank you: your e-mail address is confirmed.',
  },
  'identity.verify.continue.signedin': { fr: 'Aller à mon compte', en: 'Go to my account' },
  'identity.verify.continue.anonymous': { fr: 'Se connecter', en: 'Sign in' },
  'identity.verify.title.invalid': { fr: 'Lien de confirmation invalide', en: 'Invalid confirmation link' },
  'identity.verify.expired': {
    fr: 'Ce lien de confirmation a expiré : il n’était valable que 48 heures. Connectez-vous puis demandez un nouveau lien depuis la page « Mon compte ».',
    en: 'This confirmation link has expired: it was valid for 48 hours only. Sign in, then ask for a new link from the “My account” page.',
  },
  'identity.verify.used': {
    fr: 'Ce lien de confirmation a déjà été utilisé. Si votre adresse est confirmée, vous n’avez rien d’autre à faire ; sinon, demandez un nouveau lien depuis la page « Mon compte ».',
    en: 'This confirmation link has already been used. If your address is confirmed, there is nothing else to do; otherwise, ask for a new link from the “My account” page.',
  },
  'identity.verify.unknown': {
    fr: 'Ce lien de confirmation n’existe pas. Vérifiez que vous avez copié l’adresse complète reçue par courriel.',
    en: 'This confirmation link does not exist. Check that you copied the whole address received by e-mail.',
  },
  'identity.verify.notice.title': { fr: 'Confirmez votre adresse électronique', en: 'Confirm your e-mail address' },
  'identity.verify.notice.text': {
    fr: 'Votre adresse {email} n’est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé par courriel. Vous ne l’avez pas reçu ? Vérifiez vos indésirables ou demandez-en un nouveau.',
    en: 'Your address {email} is not confirmed yet. Open the link we sent you by e-mail. Did not receive it? Check your spam folder or ask for a new one.',
  },
  'identity.verify.resend': { fr: 'Renvoyer le lien de confirmation', en: 'Send the confirmation link again' },
  'identity.verify.resent': {
    fr: 'Un nouveau lien de confirmation vous a été envoyé. Il est valable 48 heures.',
    en: 'A new confirmation link was sent to you. It is valid for 48 hours.',
  },
  'identity.verify.wait': {
    fr: 'Un lien vous a été envoyé il y a moins de 5 minutes. Patientez quelques minutes avant d’en demander un autre.',
    en: 'A link was sent to you less than 5 minutes ago. Wait a few minutes before asking for another one.',
  },
  'identity.verify.already': {
    fr: 'Votre adresse électronique est déjà confirmée.',
    en: 'Your e-mail address is already confirmed.',
  },

  'identity.forgot.title': { fr: 'Mot de passe oublié', en: 'Forgotten password' },
  'identity.forgot.intro': {
    fr: 'Saisissez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    en: 'Enter the e-mail address of your account: we will send you a link to choose a new password.',
  },
  'identity.forgot.submit': { fr: 'Recevoir le lien', en: 'Send me the link' },
  'identity.forgot.sent': {
    fr: 'Si un compte existe pour cette adresse, un courriel contenant un lien de réinitialisation vient de lui être envoyé. Ce lien est valable 1 heure. Pensez à vérifier vos indésirables.',
    en: 'If an account exists for this address, an e-mail with a reset link has just been sent to it. The link is valid for 1 hour. Remember to check your spam folder.',
  },
  'identity.forgot.back': { fr: 'Retour à la connexion', en: 'Back to sign-in' },

  'identity.reset.title': { fr: 'Choisir un nouveau mot de passe', en: 'Choose a new password' },
  'identity.reset.intro': {
    fr: 'Choisissez le nouveau mot de passe de votre compte. Toutes vos sessions ouvertes seront fermées.',
    en: 'Choose the new password of your account. All your open sessions will be closed.',
  },
  'identity.reset.password': { fr: 'Nouveau mot de passe', en: 'New password' },
  'identity.reset.confirmation': { fr: 'Confirmez le nouveau mot de passe', en: 'Confirm the new password' },
  'identity.reset.submit': { fr: 'Enregistrer le mot de passe', en: 'Save the password' },
  'identity.reset.done': {
    fr: 'Votre mot de passe a été modifié et toutes vos sessions ont été fermées. Connectez-vous avec votre nouveau mot de passe.',
    en: 'Your password was changed and all your sessions were closed. Sign in with your new password.',
  },
  'identity.reset.title.invalid': { fr: 'Lien de réinitialisation invalide', en: 'Invalid reset link' },
  'identity.reset.expired': {
    fr: 'Ce lien de réinitialisation a expiré : il n’était valable qu’une heure. Aucun changement n’a été fait ; demandez un nouveau lien.',
    en: 'This reset link has expired: it was valid for one hour only. Nothing was changed; ask for a new link.',
  },
  'identity.reset.used': {
    fr: 'Ce lien de réinitialisation a déjà été utilisé ou a été remplacé par un plus récent. Aucun changement n’a été fait ; demandez un nouveau lien si besoin.',
    en: 'This reset link has already been used or was replaced by a newer one. Nothing was changed; ask for a new link if needed.',
  },
  'identity.reset.unknown': {
    fr: 'Ce lien de réinitialisation n’existe pas. Vérifiez que vous avez copié l’adresse complète reçue par courriel.',
    en: 'This reset link does not exist. Check that you copied the whole address received by e-mail.',
  },
  'identity.reset.again': { fr: 'Demander un nouveau lien', en: 'Ask for a new link' },
  'identity.password.confirmation.required': {
    fr: 'Saisissez une seconde fois le nouveau mot de passe.',
    en: 'Enter the new password a second time.',
  },
  'identity.password.new.required': { fr: 'Saisissez un nouveau mot de passe.', en: 'Enter a new password.' },
  'identity.password.mismatch': {
    fr: 'Les deux mots de passe saisis ne sont pas identiques.',
    en: 'The two passwords entered are not the same.',
  },
  'identity.password.current.required': {
    fr: 'Saisissez votre mot de passe actuel.',
    en: 'Enter your current password.',
  },
  'identity.password.current.wrong': {
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is wrong.',
  },

  'identity.account.title': { fr: 'Mon compte', en: 'My account' },
  'identity.account.identity': { fr: 'Mes informations', en: 'My details' },
  'identity.account.name': { fr: 'Nom et prénom', en: 'Full name' },
  'identity.account.email': { fr: 'Adresse électronique', en: 'E-mail address' },
  'identity.account.email.verified': { fr: 'confirmée', en: 'confirmed' },
  'identity.account.email.unverified': { fr: 'non confirmée', en: 'not confirmed' },
  'identity.account.locale': { fr: 'Langue préférée', en: 'Preferred language' },
  'identity.account.locale.hint': {
    fr: 'Langue des pages et des courriels que nous vous envoyons.',
    en: 'Language of the pages and of the e-mails we send you.',
  },
  'identity.account.locale.fr': { fr: 'Français', en: 'French' },
  'identity.account.locale.en': { fr: 'Anglais', en: 'English' },
  'identity.account.profile.title': { fr: 'Modifier mes informations', en: 'Edit my details' },
  'identity.account.profile.submit': { fr: 'Enregistrer', en: 'Save' },
  'identity.account.profile.saved': { fr: 'Vos informations ont été enregistrées.', en: 'Your details were saved.' },
  'identity.account.name.required': { fr: 'Saisissez votre nom.', en: 'Enter your name.' },
  'identity.account.name.too_long': {
    fr: 'Le nom ne peut dépasser 200 caractères.',
    en: 'The name cannot exceed 200 characters.',
  },
  'identity.account.locale.invalid': {
    fr: 'Choisissez une langue de la liste.',
    en: 'Choose a language from the list.',
  },
  'identity.account.password.title': { fr: 'Changer mon mot de passe', en: 'Change my password' },
  'identity.account.password.intro': {
    fr: 'Vos autres sessions seront fermées ; celle-ci reste ouverte.',
    en: 'Your other sessions will be closed; this one stays open.',
  },
  'identity.account.password.current': { fr: 'Mot de passe actuel', en: 'Current password' },
  'identity.account.password.submit': { fr: 'Changer le mot de passe', en: 'Change the password' },
  'identity.account.password.saved': {
    fr: 'Votre mot de passe a été changé et vos autres sessions ont été fermées.',
    en: 'Your password was changed and your other sessions were closed.',
  },
  'identity.account.links.title': { fr: 'Sécurité et organisations', en: 'Security and organisations' },
  'identity.account.links.sessions': { fr: 'Mes sessions ouvertes', en: 'My open sessions' },
  'identity.account.links.organisations': { fr: 'Mes organisations', en: 'My organisations' },

  'identity.sessions.title': { fr: 'Mes sessions ouvertes', en: 'My open sessions' },
  'identity.sessions.intro': {
    fr: 'Voici les appareils connectés à votre compte. Fermez toute session que vous ne reconnaissez pas, puis changez votre mot de passe.',
    en: 'These devices are signed in to your account. Close any session you do not recognise, then change your password.',
  },
  'identity.sessions.caption': { fr: 'Sessions actives de votre compte', en: 'Active sessions of your account' },
  'identity.sessions.created': { fr: 'Ouverte le', en: 'Opened on' },
  'identity.sessions.lastSeen': { fr: 'Dernière activité', en: 'Last activity' },
  'identity.sessions.ip': { fr: 'Adresse IP', en: 'IP address' },
  'identity.sessions.browser': { fr: 'Navigateur', en: 'Browser' },
  'identity.sessions.action': { fr: 'Action', en: 'Action' },
  'identity.sessions.current': { fr: 'Cette session', en: 'This session' },
  'identity.sessions.unknown': { fr: 'inconnu', en: 'unknown' },
  'identity.sessions.revoke': { fr: 'Fermer', en: 'Close' },
  'identity.sessions.revoke.label': {
    fr: 'Fermer la session ouverte le {date}',
    en: 'Close the session opened on {date}',
  },
  'identity.sessions.revokeOthers': { fr: 'Fermer toutes les autres sessions', en: 'Close all other sessions' },
  'identity.sessions.revoked': { fr: 'La session a été fermée.', en: 'The session was closed.' },
  'identity.sessions.othersRevoked': {
    fr: 'Toutes vos autres sessions ont été fermées.',
    en: 'All your other sessions were closed.',
  },
  'identity.sessions.none': {
    fr: 'Aucune autre session n’est ouverte.',
    en: 'No other session is open.',
  },

  'identity.organisations.title': { fr: 'Mes organisations', en: 'My organisations' },
  'identity.organisations.intro': {
    fr: 'Vous pouvez agir pour chacune des organisations dont vous êtes membre. Choisissez celle pour laquelle vous agissez maintenant.',
    en: 'You can act for each organisation you belong to. Choose the one you act for now.',
  },
  'identity.organisations.caption': { fr: 'Organisations dont vous êtes membre', en: 'Organisations you belong to' },
  'identity.organisations.name': { fr: 'Organisation', en: 'Organisation' },
  'identity.organisations.kind': { fr: 'Type', en: 'Type' },
  'identity.organisations.role': { fr: 'Votre rôle', en: 'Your role' },
  'identity.organisations.action': { fr: 'Action', en: 'Action' },
  'identity.organisations.active': { fr: 'Organisation active', en: 'Active organisation' },
  'identity.organisations.choose': { fr: 'Agir pour celle-ci', en: 'Act for this one' },
  'identity.organisations.choose.label': { fr: 'Agir pour celle-ci : {name}', en: 'Act for this one: {name}' },
  'identity.organisations.switched': {
    fr: 'Vous agissez maintenant pour {name}.',
    en: 'You now act for {name}.',
  },
  'identity.organisations.none': {
    fr: 'Vous n’êtes membre d’aucune organisation.',
    en: 'You do not belong to any organisation.',
  },
  'identity.kind.buyer': { fr: 'Acheteur public', en: 'Public buyer' },
  'identity.kind.company': { fr: 'Entreprise', en: 'Company' },
  'identity.kind.platform': { fr: 'Exploitant de la plateforme', en: 'Platform operator' },
  'identity.role.buyer_agent': { fr: 'Agent', en: 'Agent' },
  'identity.role.buyer_admin': { fr: 'Administrateur de l’acheteur', en: 'Buyer administrator' },
  'identity.role.company_member': { fr: 'Membre', en: 'Member' },
  'identity.role.company_admin': { fr: 'Administrateur de l’entreprise', en: 'Company administrator' },
  'identity.role.platform_operator': { fr: 'Opérateur de la plateforme', en: 'Platform operator' },
  'identity.role.platform_admin': { fr: 'Administrateur de la plateforme', en: 'Platform administrator' },
} as const;
