/** Strings of the organisations module: company sign-up, my space, members and invitations. */
export const organisationsMessages = {
  // Kinds, roles, sizes
  'organisations.kind.company': { fr: 'Entreprise', en: 'Company' },
  'organisations.kind.buyer': { fr: 'Acheteur public', en: 'Public buyer' },
  'organisations.kind.platform': { fr: 'Exploitant de la plateforme', en: 'Platform operator' },
  'organisations.role.company_admin': { fr: 'Administrateur', en: 'Administrator' },
  'organisations.role.company_member': { fr: 'Membre', en: 'Member' },
  'organisations.role.buyer_admin': { fr: 'Administrateur', en: 'Administrator' },
  'organisations.role.buyer_agent': { fr: 'Agent', en: 'Agent' },
  'organisations.role.platform_admin': { fr: 'Administrateur de la plateforme', en: 'Platform administrator' },
  'organisations.role.platform_operator': { fr: 'Opérateur de la plateforme', en: 'Platform operator' },
  'organisations.role.hint.company_admin': {
    fr: 'Administrateur : gère aussi les informations de l’entreprise et ses membres',
    en: 'Administrator: also manages the company’s details and members',
  },
  'organisations.role.hint.company_member': {
    fr: 'Membre : consulte les marchés et y répond au nom de l’entreprise',
    en: 'Member: finds tenders and answers them on behalf of the company',
  },
  'organisations.role.hint.buyer_admin': {
    fr: 'Administrateur : gère aussi les agents de l’organisation',
    en: 'Administrator: also manages the organisation’s agents',
  },
  'organisations.role.hint.buyer_agent': {
    fr: 'Agent : prépare et suit les consultations',
    en: 'Agent: prepares and follows tenders',
  },
  'organisations.role.hint.platform_admin': {
    fr: 'Administrateur de la plateforme : gère aussi les opérateurs',
    en: 'Platform administrator: also manages operators',
  },
  'organisations.role.hint.platform_operator': {
    fr: 'Opérateur : assiste les acheteurs et les entreprises',
    en: 'Operator: supports buyers and companies',
  },
  'organisations.size.TPE': {
    fr: 'TPE — très petite entreprise : moins de 10 salariés et au plus 2 M€ de chiffre d’affaires ou de bilan',
    en: 'Micro-enterprise: fewer than 10 employees and at most €2 M turnover or balance sheet',
  },
  'organisations.size.PME': {
    fr: 'PME — petite ou moyenne entreprise : moins de 250 salariés et au plus 50 M€ de chiffre d’affaires ou 43 M€ de bilan',
    en: 'SME: fewer than 250 employees and at most €50 M turnover or €43 M balance sheet',
  },
  'organisations.size.ETI': {
    fr: 'ETI — entreprise de taille intermédiaire : moins de 5 000 salariés et au plus 1,5 Md€ de chiffre d’affaires ou 2 Md€ de bilan',
    en: 'Mid-cap: fewer than 5,000 employees and at most €1.5 bn turnover or €2 bn balance sheet',
  },
  'organisations.size.GE': {
    fr: 'GE — grande entreprise : au-delà de ces seuils',
    en: 'Large enterprise: above these thresholds',
  },
  'organisations.size.short.TPE': { fr: 'Très petite entreprise (TPE)', en: 'Micro-enterprise' },
  'organisations.size.short.PME': { fr: 'Petite ou moyenne entreprise (PME)', en: 'Small or medium enterprise (SME)' },
  'organisations.size.short.ETI': { fr: 'Entreprise de taille intermédiaire (ETI)', en: 'Mid-cap company' },
  'organisations.size.short.GE': { fr: 'Grande entreprise (GE)', en: 'Large enterprise' },

  // Sign-up
  'organisations.signup.title': { fr: 'Créer un compte entreprise', en: 'Create a company account' },
  'organisations.signup.intro': {
    fr: 'Inscrivez votre entreprise avec son SIRET. Vous en serez l’administrateur et pourrez ensuite inviter vos collègues.',
    en: 'Register your company with its SIRET. You will be its administrator and can then invite your colleagues.',
  },
  'organisations.signup.company': { fr: 'Votre entreprise', en: 'Your company' },
  'organisations.signup.person': { fr: 'Vous, administrateur du compte', en: 'You, administrator of the account' },
  'organisations.signup.submit': { fr: 'Créer le compte', en: 'Create the account' },
  'organisations.signup.signin': {
    fr: 'Votre entreprise a déjà un compte ?',
    en: 'Your company already has an account?',
  },
  'organisations.signup.signin.link': { fr: 'Se connecter', en: 'Sign in' },
  'organisations.signup.choose': { fr: 'Choisissez dans la liste', en: 'Choose from the list' },
  'organisations.field.siret': { fr: 'SIRET de l’établissement', en: 'SIRET of the establishment' },
  'organisations.field.siret.hint': {
    fr: '14 chiffres, espaces acceptés. Exemple : 123 456 789 00012',
    en: '14 digits, spaces allowed. Example: 123 456 789 00012',
  },
  'organisations.field.name': { fr: 'Raison sociale', en: 'Company name' },
  'organisations.field.naf': { fr: 'Activité principale (code NAF)', en: 'Main activity (NAF code)' },
  'organisations.field.size': { fr: 'Taille de l’entreprise', en: 'Company size' },
  'organisations.field.department': { fr: 'Département', en: 'Department' },
  'organisations.field.city': { fr: 'Commune', en: 'Town' },
  'organisations.field.is_ess': {
    fr: 'Entreprise de l’économie sociale et solidaire (ESS)',
    en: 'Social and solidarity economy company (ESS)',
  },
  'organisations.field.is_siae': {
    fr: 'Structure d’insertion par l’activité économique (SIAE)',
    en: 'Work integration social enterprise (SIAE)',
  },
  'organisations.field.person_name': { fr: 'Vos prénom et nom', en: 'Your first and last name' },
  'organisations.field.email': { fr: 'Adresse électronique', en: 'E-mail address' },
  'organisations.field.email.hint': {
    fr: 'Elle sert à vous connecter ; un lien de confirmation y sera envoyé.',
    en: 'You will sign in with it; a confirmation link will be sent to it.',
  },
  'organisations.field.password': { fr: 'Mot de passe', en: 'Password' },
  'organisations.field.password_confirm': { fr: 'Confirmation du mot de passe', en: 'Confirm the password' },
  'organisations.field.accept_terms': {
    fr: 'J’accepte les conditions d’utilisation de la plateforme',
    en: 'I accept the platform’s terms of use',
  },
  'organisations.field.terms.read': {
    fr: 'Lire les conditions générales d’utilisation',
    en: 'Read the terms of use',
  },
  'organisations.done.title': { fr: 'Compte créé', en: 'Account created' },
  'organisations.done.signup': {
    fr: 'Compte créé ; un lien de vérification vous a été envoyé par courriel. Vous pouvez dès maintenant vous connecter.',
    en: 'Account created; a verification link was sent to you by e-mail. You can sign in now.',
  },
  'organisations.done.invitation': {
    fr: 'Votre compte est créé et vous avez rejoint l’organisation. Connectez-vous pour continuer.',
    en: 'Your account is created and you have joined the organisation. Sign in to continue.',
  },

  // Validation
  'organisations.siret.required': { fr: 'Saisissez le SIRET de l’établissement.', en: 'Enter the SIRET.' },
  'organisations.siret.format': { fr: 'Le SIRET doit comporter 14 chiffres.', en: 'The SIRET must have 14 digits.' },
  'organisations.siret.checksum': {
    fr: 'Ce SIRET n’est pas valide (clé de contrôle). Vérifiez chaque chiffre.',
    en: 'This SIRET is not valid (check digit). Check each digit.',
  },
  'organisations.siret.taken': {
    fr: 'Cette entreprise a déjà un compte sur la plateforme : demandez à son administrateur de vous inviter.',
    en: 'This company already has an account on the platform: ask its administrator to invite you.',
  },
  'organisations.name.required': { fr: 'Saisissez la raison sociale.', en: 'Enter the company name.' },
  'organisations.name.too_long': {
    fr: 'La raison sociale ne peut dépasser 300 caractères.',
    en: 'The company name cannot exceed 300 characters.',
  },
  'organisations.naf.required': { fr: 'Choisissez l’activité principale.', en: 'Choose the main activity.' },
  'organisations.naf.unknown': {
    fr: 'Ce code NAF n’existe pas dans la nomenclature NAF rév. 2.',
    en: 'This NAF code does not exist in NAF rev. 2.',
  },
  'organisations.size.required': { fr: 'Choisissez la taille de l’entreprise.', en: 'Choose the company size.' },
  'organisations.department.required': { fr: 'Choisissez le département.', en: 'Choose the department.' },
  'organisations.department.unknown': { fr: 'Ce département n’existe pas.', en: 'This department does not exist.' },
  'organisations.city.required': { fr: 'Saisissez la commune.', en: 'Enter the town.' },
  'organisations.city.too_long': {
    fr: 'Le nom de la commune ne peut dépasser 100 caractères.',
    en: 'The town name cannot exceed 100 characters.',
  },
  'organisations.person_name.required': { fr: 'Saisissez vos prénom et nom.', en: 'Enter your name.' },
  'organisations.person_name.too_long': {
    fr: 'Le nom ne peut dépasser 200 caractères.',
    en: 'The name cannot exceed 200 characters.',
  },
  'organisations.email.required': { fr: 'Saisissez une adresse électronique.', en: 'Enter an e-mail address.' },
  'organisations.email.invalid': {
    fr: 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.',
    en: 'Enter a valid e-mail address, for example name@example.com.',
  },
  'organisations.email.taken': {
    fr: 'Un compte existe déjà avec cette adresse électronique : connectez-vous, ou utilisez une autre adresse.',
    en: 'An account already exists with this e-mail address: sign in, or use another address.',
  },
  'organisations.password.required': { fr: 'Choisissez un mot de passe.', en: 'Choose a password.' },
  'organisations.password_confirm.mismatch': {
    fr: 'Les deux mots de passe ne sont pas identiques.',
    en: 'The two passwords do not match.',
  },
  'organisations.terms.required': {
    fr: 'Vous devez accepter les conditions d’utilisation pour créer un compte.',
    en: 'You must accept the terms of use to create an account.',
  },

  // My space
  'organisations.space.title': { fr: 'Mon espace', en: 'My space' },
  'organisations.space.hello': { fr: 'Bonjour {name}.', en: 'Hello {name}.' },
  'organisations.space.active': { fr: 'Vous agissez pour', en: 'You act for' },
  'organisations.space.kind': { fr: 'Type', en: 'Type' },
  'organisations.space.role': { fr: 'Votre rôle', en: 'Your role' },
  'organisations.space.none': {
    fr: 'Vous n’êtes membre d’aucune organisation. Demandez à l’administrateur de votre organisation de vous inviter, ou créez le compte de votre entreprise.',
    en: 'You are not a member of any organisation. Ask your organisation’s administrator to invite you, or create your company’s account.',
  },
  'organisations.space.shortcuts': { fr: 'Raccourcis', en: 'Shortcuts' },
  'organisations.space.manage': {
    fr: 'Gérer mon organisation et ses membres',
    en: 'Manage my organisation and its members',
  },
  'organisations.space.view': { fr: 'Voir mon organisation', en: 'See my organisation' },
  'organisations.space.account': { fr: 'Mon compte', en: 'My account' },
  'organisations.space.sessions': { fr: 'Mes sessions ouvertes', en: 'My open sessions' },
  'organisations.space.next.title': { fr: 'Et ensuite ?', en: 'What next?' },
  'organisations.space.next.company': {
    fr: 'Bientôt, vous trouverez ici les consultations qui vous intéressent, vos alertes, vos retraits de dossiers et vos dépôts de plis.',
    en: 'Soon you will find here the tenders you follow, your alerts, your document downloads and your submissions.',
  },
  'organisations.space.next.buyer': {
    fr: 'Bientôt, vous préparerez et publierez ici vos consultations, et suivrez questions, retraits et dépôts.',
    en: 'Soon you will prepare and publish your tenders here, and follow questions, downloads and submissions.',
  },

  // Organisation page
  'organisations.page.title': { fr: 'Mon organisation', en: 'My organisation' },
  'organisations.page.details': { fr: 'Informations', en: 'Details' },
  'organisations.page.siret': { fr: 'SIRET', en: 'SIRET' },
  'organisations.page.naf': { fr: 'Activité (NAF)', en: 'Activity (NAF)' },
  'organisations.page.size': { fr: 'Taille', en: 'Size' },
  'organisations.page.department': { fr: 'Département', en: 'Department' },
  'organisations.page.city': { fr: 'Commune', en: 'Town' },
  'organisations.page.ess': { fr: 'Économie sociale et solidaire', en: 'Social and solidarity economy' },
  'organisations.page.siae': { fr: 'Structure d’insertion (SIAE)', en: 'Work integration enterprise (SIAE)' },
  'organisations.page.member_since': { fr: 'Adhérent depuis le', en: 'Member since' },
  'organisations.page.member_until': { fr: 'Adhésion jusqu’au', en: 'Membership until' },
  'organisations.page.yes': { fr: 'Oui', en: 'Yes' },
  'organisations.page.no': { fr: 'Non', en: 'No' },
  'organisations.page.unknown': { fr: 'Non renseigné', en: 'Not given' },
  'organisations.page.readonly': {
    fr: 'Seuls les administrateurs de l’organisation peuvent inviter ou gérer les membres.',
    en: 'Only the organisation’s administrators can invite or manage members.',
  },
  'organisations.members.title': { fr: 'Membres', en: 'Members' },
  'organisations.members.caption': { fr: 'Membres de {organisation}', en: 'Members of {organisation}' },
  'organisations.members.name': { fr: 'Nom', en: 'Name' },
  'organisations.members.email': { fr: 'Adresse électronique', en: 'E-mail address' },
  'organisations.members.role': { fr: 'Rôle', en: 'Role' },
  'organisations.members.since': { fr: 'Membre depuis', en: 'Member since' },
  'organisations.members.actions': { fr: 'Actions', en: 'Actions' },
  'organisations.members.you': { fr: '(vous)', en: '(you)' },
  'organisations.members.new_role': { fr: 'Nouveau rôle pour {name}', en: 'New role for {name}' },
  'organisations.members.change_role': { fr: 'Changer le rôle', en: 'Change role' },
  'organisations.members.remove': { fr: 'Retirer de l’organisation', en: 'Remove from the organisation' },
  'organisations.members.remove_label': {
    fr: 'Retirer {name} de l’organisation',
    en: 'Remove {name} from the organisation',
  },
  'organisations.members.last_admin': {
    fr: 'L’organisation doit toujours garder au moins un administrateur : nommez-en un autre avant.',
    en: 'The organisation must always keep at least one administrator: appoint another one first.',
  },
  'organisations.members.role_changed': { fr: 'Le rôle a été modifié.', en: 'The role was changed.' },
  'organisations.members.removed': {
    fr: 'La personne a été retirée de l’organisation.',
    en: 'The person was removed.',
  },
  'organisations.invitations.title': { fr: 'Invitations en attente', en: 'Pending invitations' },
  'organisations.invitations.caption': {
    fr: 'Invitations envoyées et pas encore acceptées',
    en: 'Invitations sent and not yet accepted',
  },
  'organisations.invitations.none': { fr: 'Aucune invitation en attente.', en: 'No pending invitation.' },
  'organisations.invitations.expires': { fr: 'Valable jusqu’au', en: 'Valid until' },
  'organisations.invitations.by': { fr: 'Invitée par', en: 'Invited by' },
  'organisations.invitations.revoke': { fr: 'Annuler l’invitation', en: 'Cancel the invitation' },
  'organisations.invitations.revoke_label': {
    fr: 'Annuler l’invitation de {email}',
    en: 'Cancel the invitation of {email}',
  },
  'organisations.invitations.revoked': { fr: 'L’invitation a été annulée.', en: 'The invitation was cancelled.' },
  'organisations.invite.title': { fr: 'Inviter une personne', en: 'Invite a person' },
  'organisations.invite.email': { fr: 'Adresse électronique de la personne', en: 'E-mail address of the person' },
  'organisations.invite.role': { fr: 'Rôle', en: 'Role' },
  'organisations.invite.submit': { fr: "Envoyer l'invitation", en: 'Send the invitation' },
  'organisations.invite.sent': {
    fr: 'Invitation envoyée. Le lien reçu par courriel est valable 7 jours.',
    en: 'Invitation sent. The link in the e-mail is valid for 7 days.',
  },
  'organisations.invite.role_invalid': {
    fr: 'Choisissez un rôle proposé pour cette organisation.',
    en: 'Choose one of the roles offered for this organisation.',
  },
  'organisations.invite.already_member': {
    fr: 'Cette personne est déjà membre de l’organisation.',
    en: 'This person is already a member of the organisation.',
  },
  'organisations.invite.already_invited': {
    fr: 'Une invitation est déjà en attente pour cette adresse : annulez-la pour en envoyer une nouvelle.',
    en: 'An invitation is already pending for this address: cancel it to send a new one.',
  },

  // Invitation link
  'organisations.invitation.title': {
    fr: 'Invitation à rejoindre {organisation}',
    en: 'Invitation to join {organisation}',
  },
  'organisations.invitation.intro': {
    fr: '{organisation} ({kind}) vous invite à la rejoindre sur Halle avec le rôle : {role}.',
    en: '{organisation} ({kind}) invites you to join it on Halle with the role: {role}.',
  },
  'organisations.invitation.for': { fr: 'Invitation adressée à : {email}', en: 'Invitation sent to: {email}' },
  'organisations.invitation.accept': { fr: 'Accepter l’invitation', en: 'Accept the invitation' },
  'organisations.invitation.signin': {
    fr: 'Un compte existe déjà pour cette adresse : connectez-vous pour accepter l’invitation.',
    en: 'An account already exists for this address: sign in to accept the invitation.',
  },
  'organisations.invitation.signin.link': { fr: 'Se connecter pour accepter', en: 'Sign in to accept' },
  'organisations.invitation.create': {
    fr: 'Créez votre compte pour accepter l’invitation. Votre adresse électronique est celle à laquelle l’invitation a été envoyée.',
    en: 'Create your account to accept the invitation. Your e-mail address is the one the invitation was sent to.',
  },
  'organisations.invitation.create.submit': {
    fr: 'Créer mon compte et rejoindre l’organisation',
    en: 'Create my account and join the organisation',
  },
  'organisations.invitation.name': { fr: 'Vos prénom et nom', en: 'Your first and last name' },
  'organisations.invitation.other_email': {
    fr: 'Cette invitation est adressée à une autre adresse électronique que celle de votre compte. Déconnectez-vous, puis ouvrez à nouveau le lien.',
    en: 'This invitation was sent to another e-mail address than your account’s. Sign out, then open the link again.',
  },
  'organisations.invitation.already_member': {
    fr: 'Vous êtes déjà membre de cette organisation.',
    en: 'You are already a member of this organisation.',
  },
  'organisations.invitation.account_exists': {
    fr: 'Un compte existe déjà pour cette adresse : connectez-vous pour accepter l’invitation.',
    en: 'An account already exists for this address: sign in to accept the invitation.',
  },
  'organisations.invitation.gone': {
    fr: 'Cette invitation n’est plus valable : elle a expiré, a été annulée ou a déjà été utilisée. Demandez une nouvelle invitation à l’administrateur de l’organisation.',
    en: 'This invitation is no longer valid: it expired, was cancelled or was already used. Ask the organisation’s administrator for a new one.',
  },
  'organisations.invitation.accepted': {
    fr: 'Invitation acceptée : vous êtes désormais membre de l’organisation.',
    en: 'Invitation accepted: you are now a member of the organisation.',
  },
  'organisations.mail.invitation.subject': {
    fr: 'Invitation à rejoindre {organisation} sur Halle',
    en: 'Invitation to join {organisation} on Halle',
  },
  'organisations.mail.invitation.text': {
    fr: 'Bonjour,\n\n{inviter} vous invite à rejoindre {organisation} sur Halle, avec le rôle : {role}.\n\nPour accepter, ouvrez ce lien (valable 7 jours) :\n{link}\n\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.',
    en: 'Hello,\n\n{inviter} invites you to join {organisation} on Halle, with the role: {role}.\n\nTo accept, open this link (valid for 7 days):\n{link}\n\nIf you did not expect this invitation, ignore this message.',
  },
} as const;
