/**
 * Words the demo companies and people are made of. Common French first and family names
 * (the most frequent ones, so no real person is singled out) and trade vocabularies by NAF
 * sub-class, so that a company's name matches its activity.
 */
// biome-ignore format: ten names a line read better than one a line
export const firstNames = [
  'Camille', 'Claire', 'Sophie', 'Julie', 'Nathalie', 'Isabelle', 'Hélène', 'Céline', 'Léa', 'Manon',
  'Chloé', 'Inès', 'Sarah', 'Émilie', 'Aurélie', 'Nadia', 'Fatima', 'Amina', 'Sandrine', 'Valérie',
  'Thomas', 'Nicolas', 'Julien', 'Pierre', 'Antoine', 'Mathieu', 'Alexandre', 'Karim', 'Mehdi', 'Yannick',
  'François', 'Laurent', 'Olivier', 'Stéphane', 'Sébastien', 'Jérôme', 'Hugo', 'Lucas', 'Théo', 'Bruno',
] as const;

// biome-ignore format: ten names a line read better than one a line
export const familyNames = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Benali', 'Haddad', 'Diallo', 'Nguyen', 'Da Silva', 'Ferreira', 'Traoré', 'Bouvier', 'Lemaire', 'Barbier',
] as const;

/** Brand-like words for companies that rarely carry a family name (IT, communication). */
export const brandStarts = ['Numé', 'Logi', 'Data', 'Cyber', 'Info', 'Digi', 'Open', 'Néo', 'Axe', 'Clar'] as const;
export const brandEnds = ['ria', 'tec', 'sys', 'logic', 'flux', 'cloud', 'nova', 'sphère', 'lab', 'line'] as const;

export type Sector =
  | 'building'
  | 'engineering'
  | 'it'
  | 'cleaning'
  | 'catering'
  | 'greenSpaces'
  | 'printing'
  | 'transport'
  | 'consulting'
  | 'security'
  | 'waste'
  | 'furniture';

/** How often each sector answers public tenders here (building works lead, as everywhere). */
export const sectorWeights: Record<Sector, number> = {
  building: 44,
  engineering: 9,
  it: 11,
  cleaning: 9,
  catering: 5,
  greenSpaces: 5,
  printing: 3,
  transport: 4,
  consulting: 5,
  security: 2,
  waste: 2,
  furniture: 1,
};

/**
 * Name patterns by NAF sub-class: `{F}` a family name, `{G}` a second one, `{B}` a brand,
 * `{P}` a place of the company's department.
 */
export const tradeByNaf: Record<string, { sector: Sector; patterns: readonly string[] }> = {
  '41.20A': { sector: 'building', patterns: ['Maisons {F}', 'Les Constructions {F}'] },
  '41.20B': { sector: 'building', patterns: ['{F} Construction', 'Bâtiments {F}', 'Constructions {P}'] },
  '42.11Z': { sector: 'building', patterns: ['{F} Travaux Publics', 'Routes et Voiries {P}'] },
  '42.21Z': { sector: 'building', patterns: ['{F} Réseaux', 'Canalisations {P}'] },
  '42.22Z': { sector: 'building', patterns: ['{F} Réseaux Électriques', 'Fibre {P}'] },
  '42.99Z': { sector: 'building', patterns: ['{F} Génie Civil', 'Génie Civil {P}'] },
  '43.11Z': { sector: 'building', patterns: ['{F} Démolition', 'Démolition {P}'] },
  '43.12A': { sector: 'building', patterns: ['Terrassements {F}', '{F} TP'] },
  '43.21A': { sector: 'building', patterns: ['Électricité {F}', '{F} Élec', 'Électricité Générale {P}'] },
  '43.22A': { sector: 'building', patterns: ['Plomberie {F}', '{F} Sanitaire'] },
  '43.22B': { sector: 'building', patterns: ['{F} Thermique', 'Chauffage {F}', 'Climatisation {P}'] },
  '43.29A': { sector: 'building', patterns: ['Isolation {F}', '{F} Isolation'] },
  '43.31Z': { sector: 'building', patterns: ['Plâtrerie {F}', '{F} Plâtre et Cloisons'] },
  '43.32A': { sector: 'building', patterns: ['Menuiserie {F}', '{F} Menuiseries'] },
  '43.32B': { sector: 'building', patterns: ['Serrurerie {F}', 'Métallerie {P}'] },
  '43.33Z': { sector: 'building', patterns: ['{F} Sols', 'Carrelages {F}'] },
  '43.34Z': { sector: 'building', patterns: ['Peinture {F}', '{F} Peinture et Décoration'] },
  '43.39Z': { sector: 'building', patterns: ['{F} Finitions', 'Second Œuvre {P}'] },
  '43.91B': { sector: 'building', patterns: ['Couverture {F}', '{F} Toitures'] },
  '43.99C': { sector: 'building', patterns: ['Maçonnerie {F}', 'Entreprise {F}', '{F} et Fils', '{F} Frères'] },
  '71.11Z': { sector: 'engineering', patterns: ['Atelier {F} Architectes', '{F} & {G} Architectes'] },
  '71.12B': { sector: 'engineering', patterns: ['Bureau d’études {F}', '{F} Ingénierie', '{B} Ingénierie'] },
  '62.01Z': { sector: 'it', patterns: ['{B}', '{B} Solutions', '{F} Informatique'] },
  '62.02A': { sector: 'it', patterns: ['{B} Conseil', '{F} & {G} Conseil Informatique'] },
  '62.03Z': { sector: 'it', patterns: ['{B} Infogérance'] },
  '63.11Z': { sector: 'it', patterns: ['{B} Hébergement', '{B} Data'] },
  '81.21Z': { sector: 'cleaning', patterns: ['{F} Propreté', 'Propreté {P}', 'Net Services {P}'] },
  '81.22Z': { sector: 'cleaning', patterns: ['{F} Nettoyage Industriel', 'Nettoyage {P}'] },
  '81.29A': { sector: 'cleaning', patterns: ['{F} Hygiène 3D', 'Hygiène Services {P}'] },
  '81.30Z': { sector: 'greenSpaces', patterns: ['{F} Paysages', 'Jardins et Espaces Verts {P}'] },
  '56.29A': { sector: 'catering', patterns: ['Restauration {P}', '{F} Restauration Collective'] },
  '56.21Z': { sector: 'catering', patterns: ['{F} Traiteur', 'Traiteur {P}'] },
  '18.12Z': { sector: 'printing', patterns: ['Imprimerie {F}', 'Imprimerie {P}'] },
  '49.41A': { sector: 'transport', patterns: ['Transports {F}', '{F} Logistique'] },
  '49.39A': { sector: 'transport', patterns: ['Autocars {F}', 'Cars {P}'] },
  '70.22Z': { sector: 'consulting', patterns: ['{F} Conseil', '{F} & Associés'] },
  '73.11Z': { sector: 'consulting', patterns: ['Agence {B}', '{B} Communication'] },
  '85.59A': { sector: 'consulting', patterns: ['{F} Formation', 'Institut de Formation {P}'] },
  '80.10Z': { sector: 'security', patterns: ['{F} Sécurité', 'Sécurité Privée {P}'] },
  '38.11Z': { sector: 'waste', patterns: ['{F} Environnement', 'Collecte et Recyclage {P}'] },
  '31.01Z': { sector: 'furniture', patterns: ['Mobilier {F}', '{F} Agencement'] },
};

/** How a place is named in a company name, by department. */
export const placeByDepartment: Record<string, readonly string[]> = {
  '75': ['Paris', 'Paris Centre', 'Lutèce'],
  '77': ['Seine-et-Marne', 'de la Brie', 'Briard'],
  '78': ['Yvelines', 'du Mantois', 'Val de Seine'],
  '91': ['Essonne', 'du Hurepoix', 'Sud Francilien'],
  '92': ['Hauts-de-Seine', 'Ouest Parisien', 'de la Défense'],
  '93': ['Seine-Saint-Denis', 'Plaine de France', 'Est Parisien'],
  '94': ['Val-de-Marne', 'Val de Bièvre', 'Bords de Marne'],
  '95': ['Val-d’Oise', 'du Vexin', 'Cergy-Pontoise'],
  '27': ['Normandie', 'de l’Eure'],
  '28': ['Beauce', 'd’Eure-et-Loir'],
  '44': ['Atlantique', 'de l’Ouest'],
  '45': ['Val de Loire', 'du Loiret'],
  '51': ['Champagne', 'de la Marne'],
  '59': ['du Nord', 'Hauts-de-France'],
  '60': ['de l’Oise', 'Picardie'],
  '69': ['Rhône-Alpes', 'Lyonnais'],
  '76': ['Seine-Maritime', 'Normandie'],
  '80': ['Picardie', 'de la Somme'],
};
