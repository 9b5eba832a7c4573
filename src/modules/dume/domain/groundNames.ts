/**
 * The names of the ESPD exclusion grounds in French and English, by their criterion type code (the
 * official documents carry English names only; a French page shows them in French). Unknown codes
 * fall back to the name in the document.
 */
export const exclusionGroundNames: Record<string, { fr: string; en: string }> = {
  'CRITERION.EXCLUSION.CONVICTIONS.PARTICIPATION_IN_CRIMINAL_ORGANISATION': {
    fr: 'Participation à une organisation criminelle',
    en: 'Participation in a criminal organisation',
  },
  'CRITERION.EXCLUSION.CONVICTIONS.CORRUPTION': { fr: 'Corruption', en: 'Corruption' },
  'CRITERION.EXCLUSION.CONVICTIONS.FRAUD': { fr: 'Fraude', en: 'Fraud' },
  'CRITERION.EXCLUSION.CONVICTIONS.TERRORIST_OFFENCES': {
    fr: 'Infractions terroristes ou infractions liées aux activités terroristes',
    en: 'Terrorist offences or offences linked to terrorist activities',
  },
  'CRITERION.EXCLUSION.CONVICTIONS.MONEY_LAUNDERING': {
    fr: 'Blanchiment de capitaux ou financement du terrorisme',
    en: 'Money laundering or terrorist financing',
  },
  'CRITERION.EXCLUSION.CONVICTIONS.CHILD_LABOUR': {
    fr: 'Travail des enfants et autres formes de traite des êtres humains',
    en: 'Child labour and other forms of trafficking in human beings',
  },
  'CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_TAXES': { fr: 'Paiement d’impôts et taxes', en: 'Payment of taxes' },
  'CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_SOCIAL_SECURITY': {
    fr: 'Paiement des cotisations de sécurité sociale',
    en: 'Payment of social security contributions',
  },
  'CRITERION.EXCLUSION.SOCIAL.ENVIRONMENTAL_LAW': {
    fr: 'Manquement aux obligations applicables dans le domaine du droit environnemental',
    en: 'Breaching of obligations in the fields of environmental law',
  },
  'CRITERION.EXCLUSION.SOCIAL.SOCIAL_LAW': {
    fr: 'Manquement aux obligations applicables dans le domaine du droit social',
    en: 'Breaching of obligations in the fields of social law',
  },
  'CRITERION.EXCLUSION.SOCIAL.LABOUR_LAW': {
    fr: 'Manquement aux obligations applicables dans le domaine du droit du travail',
    en: 'Breaching of obligations in the fields of labour law',
  },
  'CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY': { fr: 'Faillite', en: 'Bankruptcy' },
  'CRITERION.EXCLUSION.BUSINESS.INSOLVENCY': { fr: 'Insolvabilité', en: 'Insolvency' },
  'CRITERION.EXCLUSION.BUSINESS.CREDITORS_ARRANGEMENT': {
    fr: 'Concordat préventif de la faillite',
    en: 'Arrangement with creditors',
  },
  'CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY_ANALOGOUS': {
    fr: 'Situation analogue à la faillite en vertu du droit national',
    en: 'Analogous situation like bankruptcy under national law',
  },
  'CRITERION.EXCLUSION.BUSINESS.LIQUIDATOR_ADMINISTERED': {
    fr: 'Actifs administrés par un liquidateur',
    en: 'Assets being administered by liquidator',
  },
  'CRITERION.EXCLUSION.BUSINESS.ACTIVITIES_SUSPENDED': {
    fr: 'Activités suspendues',
    en: 'Business activities are suspended',
  },
  'CRITERION.EXCLUSION.MISCONDUCT.MC_PROFESSIONAL': {
    fr: 'Faute professionnelle grave',
    en: 'Guilty of grave professional misconduct',
  },
  'CRITERION.EXCLUSION.MISCONDUCT.MARKET_DISTORTION': {
    fr: 'Accords avec d’autres opérateurs économiques visant à fausser la concurrence',
    en: 'Agreements with other economic operators aimed at distorting competition',
  },
  'CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PARTICIPATION': {
    fr: 'Conflit d’intérêts lié à sa participation à la procédure de passation de marché',
    en: 'Conflict of interest due to its participation in the procurement procedure',
  },
  'CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PREPARATION': {
    fr: 'Participation directe ou indirecte à la préparation de la présente procédure de passation de marché',
    en: 'Direct or indirect involvement in the preparation of this procurement procedure',
  },
  'CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.EARLY_TERMINATION': {
    fr: 'Résiliation anticipée, dommages et intérêts ou autres sanctions comparables',
    en: 'Early termination, damages or other comparable sanctions',
  },
  'CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.MISINTERPRETATION': {
    fr: 'Fausse déclaration, rétention d’informations, incapacité de fournir les documents requis et obtention d’informations confidentielles sur la présente procédure',
    en: 'Guilty of misinterpretation, withheld information, unable to provide required documents and obtained confidential information of this procedure',
  },
  'CRITERION.EXCLUSION.NATIONAL.OTHER': {
    fr: 'Motifs d’exclusion purement nationaux',
    en: 'Purely national exclusion grounds',
  },
};
