/** Strings of tenders / documents: the DCE (dossier de consultation) upload page, downloads, the notice section. */
export const documentsMessages = {
  'documents.page.title': { fr: 'Documents de la consultation {reference}', en: 'Documents of tender {reference}' },
  'documents.page.back': { fr: 'Retour à la consultation', en: 'Back to the tender' },
  'documents.page.intro.draft': {
    fr: 'Déposez ici les pièces du dossier de consultation des entreprises (DCE). Tant que la consultation n’est pas publiée, vous pouvez ajouter et retirer des documents librement.',
    en: 'Upload here the documents of the tender file (DCE). Until the tender is published, you can add and remove documents freely.',
  },
  'documents.page.intro.published': {
    fr: 'La consultation est publiée : les documents ajoutés ou retirés ici sont mis en attente et ne seront visibles des entreprises qu’à la publication d’un avis rectificatif.',
    en: 'The tender is published: documents added or removed here are staged and become visible to companies only when a corrigendum is published.',
  },
  'documents.page.intro.locked': {
    fr: 'Le dossier de consultation ne peut plus être modifié.',
    en: 'The tender file can no longer be changed.',
  },
  'documents.page.corrigendum_link': { fr: 'Publier un avis rectificatif', en: 'Publish a corrigendum' },
  'documents.list.caption': {
    fr: 'Documents du DCE (version {version})',
    en: 'Documents of the tender file (version {version})',
  },
  'documents.list.none': { fr: 'Aucun document pour l’instant.', en: 'No documents yet.' },
  'documents.list.name': { fr: 'Nom du fichier', en: 'File name' },
  'documents.list.type': { fr: 'Type', en: 'Type' },
  'documents.list.size': { fr: 'Taille', en: 'Size' },
  'documents.list.sha256': { fr: 'Empreinte SHA-256', en: 'SHA-256 fingerprint' },
  'documents.list.sha256_full': {
    fr: 'Empreinte SHA-256 complète : {sha256}',
    en: 'Full SHA-256 fingerprint: {sha256}',
  },
  'documents.list.uploaded_at': { fr: 'Déposé le', en: 'Uploaded on' },
  'documents.list.state': { fr: 'État', en: 'State' },
  'documents.list.actions': { fr: 'Actions', en: 'Actions' },
  'documents.state.current': { fr: 'En ligne', en: 'Online' },
  'documents.state.staged_add': {
    fr: 'Ajout en attente du rectificatif',
    en: 'Addition waiting for the corrigendum',
  },
  'documents.state.staged_remove': {
    fr: 'Retrait en attente du rectificatif',
    en: 'Removal waiting for the corrigendum',
  },
  'documents.remove.submit': { fr: 'Retirer', en: 'Remove' },
  'documents.remove.label': { fr: 'Retirer le document {name}', en: 'Remove the document {name}' },
  'documents.remove.done': { fr: 'Le document « {name} » a été retiré.', en: 'The document “{name}” was removed.' },
  'documents.remove.staged': {
    fr: 'Le retrait du document « {name} » prendra effet à la publication du prochain avis rectificatif.',
    en: 'The removal of the document “{name}” takes effect when the next corrigendum is published.',
  },
  'documents.upload.title': { fr: 'Ajouter un document', en: 'Add a document' },
  'documents.upload.file': { fr: 'Fichier', en: 'File' },
  'documents.upload.file_hint': {
    fr: 'Taille maximale : {max} par fichier. Le nom du fichier est conservé tel quel.',
    en: 'Maximum size: {max} per file. The file name is kept as it is.',
  },
  'documents.upload.type': { fr: 'Type de document', en: 'Document type' },
  'documents.upload.submit': { fr: 'Déposer le document', en: 'Upload the document' },
  'documents.upload.done': { fr: 'Le document « {name} » a été déposé.', en: 'The document “{name}” was uploaded.' },
  'documents.upload.staged': {
    fr: 'Le document « {name} » a été déposé ; il sera publié avec le prochain avis rectificatif.',
    en: 'The document “{name}” was uploaded; it will be published with the next corrigendum.',
  },
  'documents.type.rc': { fr: 'Règlement de la consultation (RC)', en: 'Rules of the tender (RC)' },
  'documents.type.ccap': {
    fr: 'Cahier des clauses administratives particulières (CCAP)',
    en: 'Special administrative conditions (CCAP)',
  },
  'documents.type.cctp': {
    fr: 'Cahier des clauses techniques particulières (CCTP)',
    en: 'Special technical specifications (CCTP)',
  },
  'documents.type.bpu': { fr: 'Bordereau des prix unitaires (BPU)', en: 'Schedule of unit prices (BPU)' },
  'documents.type.dqe': { fr: 'Détail quantitatif estimatif (DQE)', en: 'Bill of quantities (DQE)' },
  'documents.type.dpgf': {
    fr: 'Décomposition du prix global et forfaitaire (DPGF)',
    en: 'Breakdown of the lump-sum price (DPGF)',
  },
  'documents.type.ae': { fr: 'Acte d’engagement (AE)', en: 'Form of agreement (AE)' },
  'documents.type.plans': { fr: 'Plans', en: 'Drawings' },
  'documents.type.other': { fr: 'Autre document', en: 'Other document' },
  'documents.error.file_required': { fr: 'Choisissez un fichier à déposer.', en: 'Choose a file to upload.' },
  'documents.error.type_required': { fr: 'Choisissez le type de document.', en: 'Choose the document type.' },
  'documents.error.file_empty': {
    fr: 'Le fichier est vide : déposez un fichier qui contient le document.',
    en: 'The file is empty: upload a file that contains the document.',
  },
  'documents.error.file_too_large': {
    fr: 'Le fichier dépasse la taille maximale autorisée pour un document du dossier.',
    en: 'The file exceeds the maximum size allowed for a document of the tender file.',
  },
  'documents.error.name_empty': {
    fr: 'Le nom du fichier est vide : renommez le fichier avant de le déposer.',
    en: 'The file name is empty: rename the file before uploading it.',
  },
  'documents.error.name_traversal': {
    fr: 'Le nom du fichier n’est pas valable (il ne doit pas contenir « .. »).',
    en: 'The file name is not valid (it must not contain “..”).',
  },
  'documents.error.name_control': {
    fr: 'Le nom du fichier contient des caractères non autorisés : renommez le fichier avant de le déposer.',
    en: 'The file name contains characters that are not allowed: rename the file before uploading it.',
  },
  'documents.error.name_too_long': {
    fr: 'Le nom du fichier est trop long (255 octets au plus) : raccourcissez-le avant de le déposer.',
    en: 'The file name is too long (255 bytes at most): shorten it before uploading.',
  },
  'documents.error.duplicate': {
    fr: 'Un document porte déjà ce nom dans le dossier : renommez le fichier ou retirez d’abord l’ancien document.',
    en: 'A document with this name is already in the file: rename the file or remove the old document first.',
  },
  'documents.error.locked': {
    fr: 'Le dossier de consultation ne peut plus être modifié à ce stade de la procédure.',
    en: 'The tender file can no longer be changed at this stage of the procedure.',
  },
  'documents.error.malformed': {
    fr: 'L’envoi du formulaire est incomplet : recommencez en choisissant le type puis le fichier.',
    en: 'The form was sent incomplete: try again, choosing the type then the file.',
  },
  'documents.section.title': { fr: 'Dossier de consultation (DCE)', en: 'Tender documents (DCE)' },
  'documents.section.caption': {
    fr: 'Documents du dossier de consultation, version {version}',
    en: 'Documents of the tender file, version {version}',
  },
  'documents.section.none': {
    fr: 'Aucun document n’est encore disponible pour cette consultation.',
    en: 'No document is available for this tender yet.',
  },
  'documents.section.free_access': {
    fr: 'Accès libre, direct et complet : le téléchargement ne demande pas de compte. Connecté au compte de votre entreprise, vous serez prévenu des questions-réponses et des rectificatifs.',
    en: 'Free, direct and full access: downloading needs no account. Signed in with your company account, you will be told of answers to questions and corrigenda.',
  },
  'documents.section.download': { fr: 'Télécharger', en: 'Download' },
  'documents.section.download_label': {
    fr: 'Télécharger {name} ({size})',
    en: 'Download {name} ({size})',
  },
  'documents.section.zip': {
    fr: 'Télécharger tout le dossier (ZIP, {size})',
    en: 'Download the whole file (ZIP, {size})',
  },
  'documents.size.bytes': { fr: '{n} octets', en: '{n} bytes' },
  'documents.size.byte': { fr: '{n} octet', en: '{n} byte' },
  'documents.size.kb': { fr: '{n} Ko', en: '{n} KB' },
  'documents.size.mb': { fr: '{n} Mo', en: '{n} MB' },
  'documents.size.gb': { fr: '{n} Go', en: '{n} GB' },
} as const;
