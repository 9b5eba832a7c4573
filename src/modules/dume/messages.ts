/** Strings of the ESPD (DUME: document unique de marché européen). */
export const dumeMessages = {
  'dume.title': { fr: 'DUME de la consultation {reference}', en: 'ESPD for tender {reference}' },
  'dume.intro': {
    fr: 'Le document unique de marché européen (DUME) est votre déclaration sur l’honneur. Votre entreprise y est identifiée par son SIRET et votre profil ; répondez à ce que la consultation demande, puis exportez-le en XML (format ESPD 2.1.1 des services DUME nationaux) ou en PDF.',
    en: 'The European Single Procurement Document (ESPD) is your self-declaration. Your company is identified by its SIRET and your profile; answer what the tender asks, then export it as XML (ESPD 2.1.1, as national services exchange it) or as PDF.',
  },
  'dume.company': { fr: 'Opérateur économique', en: 'Economic operator' },
  'dume.address': { fr: 'Adresse', en: 'Address' },
  'dume.profile_link': { fr: 'Compléter le profil de l’entreprise', en: 'Complete the company profile' },
  'dume.selection.legend': { fr: 'Critères de sélection', en: 'Selection criteria' },
  'dume.selection.all': {
    fr: 'Notre entreprise satisfait à tous les critères de sélection requis par la consultation',
    en: 'Our company meets all the selection criteria the tender requires',
  },
  'dume.exclusion.legend': { fr: 'Motifs d’exclusion', en: 'Exclusion grounds' },
  'dume.exclusion.hint': {
    fr: 'Cochez uniquement les situations dans lesquelles votre entreprise se trouve. Ne rien cocher revient à déclarer n’être dans aucune.',
    en: 'Tick only the situations your company is in. Ticking nothing declares it is in none.',
  },
  'dume.save': { fr: 'Enregistrer mes réponses', en: 'Save my answers' },
  'dume.saved': { fr: 'Vos réponses ont été enregistrées.', en: 'Your answers were saved.' },
  'dume.imported': {
    fr: 'Le DUME importé a été repris : {count} réponse(s).',
    en: 'The imported ESPD was read: {count} answer(s).',
  },
  'dume.export.xml': { fr: 'Exporter le DUME (XML ESPD 2.1.1)', en: 'Export the ESPD (XML 2.1.1)' },
  'dume.export.pdf': { fr: 'Exporter le DUME (PDF)', en: 'Export the ESPD (PDF)' },
  'dume.import.title': { fr: 'Importer un DUME existant', en: 'Import an existing ESPD' },
  'dume.import.file': {
    fr: 'Fichier XML de réponse ESPD (version 2.1.1)',
    en: 'ESPD response XML file (version 2.1.1)',
  },
  'dume.import.submit': { fr: 'Importer', en: 'Import' },
  'dume.import.error.malformed': {
    fr: 'Ce fichier n’est pas un document XML valide : il est peut-être tronqué ou abîmé.',
    en: 'This file is not a well-formed XML document: it may be truncated or damaged.',
  },
  'dume.import.error.not_response': {
    fr: 'Ce fichier n’est pas une réponse ESPD (QualificationApplicationResponse).',
    en: 'This file is not an ESPD response (QualificationApplicationResponse).',
  },
  'dume.import.error.version': {
    fr: 'Ce DUME est d’une autre version du format ESPD : seule la version 2.1.1 est acceptée.',
    en: 'This ESPD is of another version of the format: only version 2.1.1 is accepted.',
  },
  'dume.import.error.file': {
    fr: 'Choisissez un fichier XML (5 Mo au plus).',
    en: 'Choose an XML file (5 MB at most).',
  },
  'dume.buyer.request': { fr: 'DUME de la consultation (demande ESPD, XML)', en: 'Tender ESPD (request, XML)' },
  'dume.slot': { fr: 'Préparer mon DUME pour cette consultation', en: 'Prepare my ESPD for this tender' },
} as const;
