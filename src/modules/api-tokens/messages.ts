/** Strings of the api-tokens module: token pages, API refusals and the API documentation page. */
export const apiTokensMessages = {
  // Scopes (see domain/scopes.ts)
  'apiTokens.scope.organisation_read': {
    fr: 'Lire la fiche de l’organisation : raison sociale, SIRET, code NAF, taille, département, adhésion.',
    en: 'Read the organisation’s record: name, SIRET, NAF code, size, department, membership.',
  },
  'apiTokens.scope.members_read': {
    fr: 'Lire la liste des membres de l’organisation : nom, adresse électronique, rôle, date d’arrivée.',
    en: 'Read the list of the organisation’s members: name, e-mail address, role, date joined.',
  },
  'apiTokens.scope.audit_read': {
    fr: 'Lire le journal d’audit de l’organisation (qui a fait quoi, et quand).',
    en: 'Read the organisation’s audit trail (who did what, and when).',
  },

  // Token management pages
  'apiTokens.title': { fr: 'Accès à l’API', en: 'API access' },
  'apiTokens.intro': {
    fr: 'Les jetons d’API permettent aux logiciels de {organisation} (gestion, veille, archivage…) d’interroger Halle sans passer par un compte personnel. Chaque jeton n’ouvre que les droits cochés à sa création ; révoquez-le dès qu’il n’est plus utilisé.',
    en: 'API tokens let the software of {organisation} (management, monitoring, archiving…) query Halle without a personal account. Each token opens only the rights ticked when it was created; revoke it as soon as it is no longer used.',
  },
  'apiTokens.docsLink': { fr: 'Lire la documentation de l’API', en: 'Read the API documentation' },
  'apiTokens.list.title': { fr: 'Jetons existants', en: 'Existing tokens' },
  'apiTokens.list.caption': { fr: 'Jetons d’API de {organisation}', en: 'API tokens of {organisation}' },
  'apiTokens.list.empty': { fr: 'Aucun jeton n’a encore été créé.', en: 'No token has been created yet.' },
  'apiTokens.list.name': { fr: 'Nom', en: 'Name' },
  'apiTokens.list.prefix': { fr: 'Début du jeton', en: 'Token start' },
  'apiTokens.list.scopes': { fr: 'Droits', en: 'Rights' },
  'apiTokens.list.createdBy': { fr: 'Créé par', en: 'Created by' },
  'apiTokens.list.createdAt': { fr: 'Créé le', en: 'Created on' },
  'apiTokens.list.lastUsed': { fr: 'Dernière utilisation', en: 'Last used' },
  'apiTokens.list.expires': { fr: 'Expiration', en: 'Expiry' },
  'apiTokens.list.status': { fr: 'Statut', en: 'Status' },
  'apiTokens.list.actions': { fr: 'Actions', en: 'Actions' },
  'apiTokens.list.never': { fr: 'Jamais', en: 'Never' },
  'apiTokens.list.noExpiry': { fr: 'Aucune', en: 'None' },
  'apiTokens.list.unknownUser': { fr: 'Compte supprimé', en: 'Deleted account' },
  'apiTokens.list.revoke': { fr: 'Révoquer', en: 'Revoke' },
  'apiTokens.list.revokeNamed': { fr: 'Révoquer le jeton « {name} »', en: 'Revoke the token “{name}”' },
  'apiTokens.status.active': { fr: 'Actif', en: 'Active' },
  'apiTokens.status.revoked': { fr: 'Révoqué', en: 'Revoked' },
  'apiTokens.status.expired': { fr: 'Expiré', en: 'Expired' },
  'apiTokens.revoked.notice': { fr: 'Le jeton « {name} » a été révoqué.', en: 'The token “{name}” was revoked.' },

  'apiTokens.form.title': { fr: 'Créer un jeton', en: 'Create a token' },
  'apiTokens.form.name': { fr: 'Nom du jeton', en: 'Token name' },
  'apiTokens.form.name.hint': {
    fr: 'Pour le reconnaître plus tard, par exemple « Logiciel de comptabilité ». 100 caractères au plus.',
    en: 'To recognise it later, for example “Accounting software”. 100 characters at most.',
  },
  'apiTokens.form.name.required': { fr: 'Donnez un nom au jeton.', en: 'Give the token a name.' },
  'apiTokens.form.name.too_long': {
    fr: 'Le nom du jeton ne peut dépasser 100 caractères.',
    en: 'The token name cannot exceed 100 characters.',
  },
  'apiTokens.form.scopes': { fr: 'Droits accordés au jeton', en: 'Rights granted to the token' },
  'apiTokens.form.scopes.hint': {
    fr: 'Cochez au moins un droit, et seulement ceux dont le logiciel a besoin.',
    en: 'Tick at least one right, and only those the software needs.',
  },
  'apiTokens.form.scopes.required': { fr: 'Cochez au moins un droit.', en: 'Tick at least one right.' },
  'apiTokens.form.scopes.invalid': {
    fr: 'Un des droits choisis n’existe pas.',
    en: 'One of the chosen rights does not exist.',
  },
  'apiTokens.form.expires': { fr: 'Date d’expiration (facultative)', en: 'Expiry date (optional)' },
  'apiTokens.form.expires.hint': {
    fr: 'Le jeton cesse de fonctionner à la fin de ce jour, heure de Paris (format : 2026-12-31). Laissez vide pour un jeton sans expiration.',
    en: 'The token stops working at the end of that day, Paris time (format: 2026-12-31). Leave empty for a token that never expires.',
  },
  'apiTokens.form.expires.invalid': {
    fr: 'Saisissez une date valide, par exemple 2026-12-31.',
    en: 'Enter a valid date, for example 2026-12-31.',
  },
  'apiTokens.form.expires.past': {
    fr: 'La date d’expiration doit être aujourd’hui ou plus tard.',
    en: 'The expiry date must be today or later.',
  },
  'apiTokens.form.submit': { fr: 'Créer le jeton', en: 'Create the token' },

  'apiTokens.created.title': { fr: 'Jeton créé', en: 'Token created' },
  'apiTokens.created.warning.title': {
    fr: 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.',
    en: 'Copy this token now: it will never be shown again.',
  },
  'apiTokens.created.warning.text': {
    fr: 'Halle n’en conserve qu’une empreinte, qui ne permet pas de le retrouver. S’il est perdu, révoquez-le et créez-en un autre. Conservez-le comme un mot de passe : quiconque le détient agit au nom de votre organisation.',
    en: 'Halle keeps only a fingerprint of it, from which it cannot be recovered. If it is lost, revoke it and create another one. Keep it like a password: whoever holds it acts on behalf of your organisation.',
  },
  'apiTokens.created.token': { fr: 'Jeton « {name} »', en: 'Token “{name}”' },
  'apiTokens.created.usage': {
    fr: 'Envoyez-le dans l’en-tête Authorization de chaque requête :',
    en: 'Send it in the Authorization header of each request:',
  },
  'apiTokens.created.back': { fr: 'Revenir à la liste des jetons', en: 'Back to the list of tokens' },

  'apiTokens.revoke.title': { fr: 'Révoquer le jeton « {name} »', en: 'Revoke the token “{name}”' },
  'apiTokens.revoke.text': {
    fr: 'Les logiciels qui utilisent ce jeton perdront immédiatement l’accès à l’API. La révocation est définitive : pour rétablir l’accès, il faudra créer un nouveau jeton.',
    en: 'Software using this token will lose access to the API at once. Revocation is final: to restore access, a new token must be created.',
  },
  'apiTokens.revoke.confirm': { fr: 'Révoquer définitivement', en: 'Revoke for good' },
  'apiTokens.revoke.cancel': { fr: 'Annuler', en: 'Cancel' },
  'apiTokens.revoke.already': { fr: 'Ce jeton est déjà révoqué.', en: 'This token is already revoked.' },

  'apiTokens.error.not_admin': {
    fr: 'Seuls les administrateurs de l’organisation peuvent gérer ses jetons d’API.',
    en: 'Only the organisation’s administrators can manage its API tokens.',
  },

  // API refusals: the API answers in English (problem+json `detail`), the French side serves the pages.
  'apiTokens.api.token_missing': {
    fr: 'Envoyez un jeton d’API dans l’en-tête « Authorization: Bearer <jeton> ».',
    en: 'Send an API token in the header "Authorization: Bearer <token>".',
  },
  'apiTokens.api.token_invalid': {
    fr: 'Le jeton d’API est invalide, révoqué ou expiré.',
    en: 'The API token is invalid, revoked or expired.',
  },
  'apiTokens.api.scope_missing.organisation_read': {
    fr: 'Ce jeton n’a pas le droit « organisation:read ».',
    en: 'This token lacks the scope "organisation:read".',
  },
  'apiTokens.api.scope_missing.members_read': {
    fr: 'Ce jeton n’a pas le droit « members:read ».',
    en: 'This token lacks the scope "members:read".',
  },
  'apiTokens.api.scope_missing.audit_read': {
    fr: 'Ce jeton n’a pas le droit « audit:read ».',
    en: 'This token lacks the scope "audit:read".',
  },
  'apiTokens.api.cursor_invalid': {
    fr: 'Le curseur de pagination est invalide : reprenez la valeur nextCursor d’une réponse.',
    en: 'The pagination cursor is invalid: use the nextCursor value of a response.',
  },

  // API documentation page
  'apiTokens.docs.title': { fr: 'Documentation de l’API', en: 'API documentation' },
  'apiTokens.docs.intro': {
    fr: 'L’API de Halle permet aux logiciels des organisations membres de lire leurs données. Elle répond en JSON, en anglais, sous l’adresse {base}/api/v1. La description complète au format OpenAPI 3.1 est disponible ici :',
    en: 'The Halle API lets the software of member organisations read their data. It answers in JSON, in English, under {base}/api/v1. The full OpenAPI 3.1 description is available here:',
  },
  'apiTokens.docs.openapiLink': { fr: 'document OpenAPI (JSON)', en: 'OpenAPI document (JSON)' },
  'apiTokens.docs.toc': { fr: 'Sommaire', en: 'Contents' },
  'apiTokens.docs.auth.title': { fr: 'Authentification', en: 'Authentication' },
  'apiTokens.docs.auth.text': {
    fr: 'Chaque requête porte un jeton d’API de votre organisation dans l’en-tête Authorization. Les administrateurs de l’organisation créent les jetons dans Mon organisation, rubrique Accès à l’API, en choisissant leurs droits ; le jeton complet n’est affiché qu’une fois.',
    en: 'Each request carries an API token of your organisation in the Authorization header. The organisation’s administrators create tokens under My organisation, API access, choosing their rights; the full token is shown only once.',
  },
  'apiTokens.docs.auth.example': { fr: 'Exemple avec curl :', en: 'Example with curl:' },
  'apiTokens.docs.auth.rules': {
    fr: 'Sans jeton, ou avec un jeton invalide, révoqué ou expiré, la réponse est 401. Avec un jeton auquel manque le droit requis, elle est 403. Une ressource d’une autre organisation répond 404, comme une ressource inexistante.',
    en: 'Without a token, or with an invalid, revoked or expired one, the answer is 401. With a token lacking the required right, it is 403. A resource of another organisation answers 404, like one that does not exist.',
  },
  'apiTokens.docs.scopes.title': { fr: 'Droits (scopes)', en: 'Rights (scopes)' },
  'apiTokens.docs.scopes.caption': { fr: 'Droits qu’un jeton peut porter', en: 'Rights a token can carry' },
  'apiTokens.docs.scopes.scope': { fr: 'Droit', en: 'Right' },
  'apiTokens.docs.scopes.description': { fr: 'Ce qu’il permet', en: 'What it allows' },
  'apiTokens.docs.errors.title': { fr: 'Format des erreurs', en: 'Error format' },
  'apiTokens.docs.errors.text': {
    fr: 'Les erreurs suivent la RFC 9457 (type de contenu application/problem+json). Le champ code est stable et peut être testé par vos logiciels ; detail précise la cause ; errors liste les paramètres refusés. Exemple :',
    en: 'Errors follow RFC 9457 (content type application/problem+json). The code field is stable and can be tested by your software; detail gives the cause; errors lists the rejected parameters. Example:',
  },
  'apiTokens.docs.pagination.title': { fr: 'Pagination', en: 'Pagination' },
  'apiTokens.docs.pagination.text': {
    fr: 'Les listes longues sont paginées par curseur : la réponse contient nextCursor, à renvoyer dans le paramètre cursor pour obtenir la page suivante ; il vaut null sur la dernière page.',
    en: 'Long lists are paginated by cursor: the response holds nextCursor, to send back in the cursor parameter to get the next page; it is null on the last page.',
  },
  'apiTokens.docs.operations.title': { fr: 'Opérations', en: 'Operations' },
  'apiTokens.docs.operation.scope': { fr: 'Droit requis', en: 'Required right' },
  'apiTokens.docs.operation.noScope': { fr: 'Aucun', en: 'None' },
  'apiTokens.docs.parameters.caption': { fr: 'Paramètres de {operation}', en: 'Parameters of {operation}' },
  'apiTokens.docs.parameters.none': { fr: 'Aucun paramètre.', en: 'No parameter.' },
  'apiTokens.docs.parameters.name': { fr: 'Nom', en: 'Name' },
  'apiTokens.docs.parameters.in': { fr: 'Emplacement', en: 'Location' },
  'apiTokens.docs.parameters.type': { fr: 'Type', en: 'Type' },
  'apiTokens.docs.parameters.required': { fr: 'Obligatoire', en: 'Required' },
  'apiTokens.docs.parameters.description': { fr: 'Description', en: 'Description' },
  'apiTokens.docs.in.path': { fr: 'chemin', en: 'path' },
  'apiTokens.docs.in.query': { fr: 'requête', en: 'query' },
  'apiTokens.docs.in.header': { fr: 'en-tête', en: 'header' },
  'apiTokens.docs.default': { fr: 'par défaut : {value}', en: 'default: {value}' },
  'apiTokens.docs.yes': { fr: 'oui', en: 'yes' },
  'apiTokens.docs.no': { fr: 'non', en: 'no' },
  'apiTokens.docs.responses.caption': { fr: 'Réponses de {operation}', en: 'Responses of {operation}' },
  'apiTokens.docs.responses.code': { fr: 'Code', en: 'Code' },
  'apiTokens.docs.responses.description': { fr: 'Signification', en: 'Meaning' },

  // French labels of the OpenAPI document's tags, operations, parameters and responses;
  // the document itself stays in English, the language of the API.
  'apiTokens.docs.tag.Organisation': { fr: 'Organisation', en: 'Organisation' },
  'apiTokens.docs.tag.Audit': { fr: 'Journal d’audit', en: 'Audit trail' },
  'apiTokens.docs.op.getOrganisation': {
    fr: 'Lire la fiche de l’organisation du jeton',
    en: 'Read the organisation of the token',
  },
  'apiTokens.docs.op.getOrganisationById': {
    fr: 'Lire une organisation par son identifiant (seulement celle du jeton)',
    en: 'Read an organisation by identifier (only the token’s own)',
  },
  'apiTokens.docs.op.listMembers': {
    fr: 'Lister les membres de l’organisation',
    en: 'List the members of the organisation',
  },
  'apiTokens.docs.op.listAuditEvents': {
    fr: 'Lister les événements du journal d’audit de l’organisation, du plus récent au plus ancien',
    en: 'List the organisation’s audit events, newest first',
  },
  'apiTokens.docs.param.id': { fr: 'Identifiant de l’organisation (UUID).', en: 'Organisation identifier (UUID).' },
  'apiTokens.docs.param.action': {
    fr: 'Ne garder que cette action, par exemple api_token.created.',
    en: 'Keep only this action, for example api_token.created.',
  },
  'apiTokens.docs.param.from': {
    fr: 'Événements survenus à partir de cet instant (ISO 8601 avec fuseau, inclus).',
    en: 'Events from this instant (ISO 8601 with offset, inclusive).',
  },
  'apiTokens.docs.param.to': {
    fr: 'Événements survenus avant cet instant (ISO 8601 avec fuseau, exclu).',
    en: 'Events before this instant (ISO 8601 with offset, exclusive).',
  },
  'apiTokens.docs.param.limit': {
    fr: 'Nombre d’événements par page, de 1 à 200 (50 par défaut).',
    en: 'Events per page, 1 to 200 (default 50).',
  },
  'apiTokens.docs.param.cursor': {
    fr: 'Valeur nextCursor de la page précédente.',
    en: 'nextCursor value of the previous page.',
  },
  'apiTokens.docs.response.200': { fr: 'Succès.', en: 'Success.' },
  'apiTokens.docs.response.400': {
    fr: 'Paramètre invalide : errors indique lequel.',
    en: 'Invalid parameter: errors says which.',
  },
  'apiTokens.docs.response.401': {
    fr: 'Jeton absent, invalide, révoqué ou expiré.',
    en: 'Token missing, invalid, revoked or expired.',
  },
  'apiTokens.docs.response.403': {
    fr: 'Le jeton n’a pas le droit requis : detail le nomme.',
    en: 'The token lacks the required right: detail names it.',
  },
  'apiTokens.docs.response.404': {
    fr: 'Ressource inexistante ou appartenant à une autre organisation.',
    en: 'Resource that does not exist or belongs to another organisation.',
  },
} as const;
