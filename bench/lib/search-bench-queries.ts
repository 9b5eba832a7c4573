/**
 * The fixed set of 50 searches of the benchmark, in the input shape of the search module's
 * `searchTenders`: narrow and broad words, typos, accents, stemming, websearch syntax, buyer
 * names, the empty query, and filters (department, category, open only, clauses, pages).
 */
export interface BenchSearchInput {
  q?: string;
  cpv?: string[];
  department?: string[];
  procedure?: string[];
  category?: string[];
  clause?: ('social' | 'environmental' | 'reserved')[];
  deadline?: '7' | '30';
  status?: ('open' | 'closed' | 'awarded' | 'cancelled')[];
  sort?: 'relevance' | 'deadline' | 'published';
  page?: number;
}

export interface BenchQuery {
  name: string;
  /** broad: matches a large share of the corpus (the hard case of the target) */
  kind: 'narrow' | 'broad' | 'typo' | 'syntax' | 'empty' | 'filtered';
  input: BenchSearchInput;
}

const open: BenchSearchInput['status'] = ['open'];

// biome-ignore format: one query a line
export const benchQueries: BenchQuery[] = [
  { name: 'nettoyage locaux', kind: 'narrow', input: { q: 'nettoyage locaux' } },
  { name: 'désamiantage', kind: 'narrow', input: { q: 'désamiantage' } },
  { name: 'maintenance ascenseurs', kind: 'narrow', input: { q: 'maintenance ascenseurs' } },
  { name: 'restauration scolaire', kind: 'narrow', input: { q: 'restauration scolaire' } },
  { name: 'espaces verts', kind: 'narrow', input: { q: 'espaces verts' } },
  { name: 'gardiennage', kind: 'narrow', input: { q: 'gardiennage' } },
  { name: 'réfection toiture', kind: 'narrow', input: { q: 'réfection toiture' } },
  { name: 'rénovation énergétique', kind: 'narrow', input: { q: 'rénovation énergétique' } },
  { name: 'mobilier scolaire', kind: 'narrow', input: { q: 'mobilier scolaire' } },
  { name: 'transport scolaire', kind: 'narrow', input: { q: 'transport scolaire' } },
  { name: 'matériel informatique', kind: 'narrow', input: { q: 'matériel informatique' } },
  { name: 'denrées alimentaires', kind: 'narrow', input: { q: 'denrées alimentaires' } },
  { name: 'tierce maintenance applicative', kind: 'narrow', input: { q: 'tierce maintenance applicative' } },
  { name: 'mise en accessibilité', kind: 'narrow', input: { q: 'mise en accessibilité' } },
  { name: 'médiathèque', kind: 'narrow', input: { q: 'médiathèque' } },
  { name: 'Paris Habitat', kind: 'narrow', input: { q: 'Paris Habitat' } },
  { name: 'Montreuil', kind: 'narrow', input: { q: 'Montreuil' } },
  { name: 'travaux', kind: 'broad', input: { q: 'travaux' } },
  { name: 'école', kind: 'broad', input: { q: 'école' } },
  { name: 'services', kind: 'broad', input: { q: 'services' } },
  { name: 'fourniture', kind: 'broad', input: { q: 'fourniture' } },
  { name: 'maintenance', kind: 'broad', input: { q: 'maintenance' } },
  { name: 'nettoyage', kind: 'broad', input: { q: 'nettoyage' } },
  { name: 'consultation visite site', kind: 'broad', input: { q: 'visite du site' } },
  { name: 'ville', kind: 'broad', input: { q: 'ville' } },
  { name: 'desamiantage (no accent)', kind: 'typo', input: { q: 'desamiantage' } },
  { name: 'ECOLE MATERNELLE (case, accent)', kind: 'typo', input: { q: 'ECOLE MATERNELLE' } },
  { name: 'réfections (stemming)', kind: 'typo', input: { q: 'réfections' } },
  { name: 'ascenceur (typo)', kind: 'typo', input: { q: 'ascenceur' } },
  { name: 'restoration scolaire (typo)', kind: 'typo', input: { q: 'restoration scolaire' } },
  { name: 'Champigy (buyer typo)', kind: 'typo', input: { q: 'Champigy' } },
  { name: 'gardienage (typo)', kind: 'typo', input: { q: 'gardienage' } },
  { name: '"groupe scolaire" phrase', kind: 'syntax', input: { q: '"groupe scolaire"' } },
  { name: 'travaux -peinture', kind: 'syntax', input: { q: 'travaux -peinture' } },
  { name: 'nettoyage or gardiennage', kind: 'syntax', input: { q: 'nettoyage or gardiennage' } },
  { name: 'unbalanced quote', kind: 'syntax', input: { q: '"école maternelle' } },
  { name: 'empty query (browse)', kind: 'empty', input: {} },
  { name: 'empty, open only', kind: 'empty', input: { status: open } },
  { name: 'empty, dept 93', kind: 'empty', input: { department: ['93'] } },
  { name: 'travaux, dept 93', kind: 'filtered', input: { q: 'travaux', department: ['93'] } },
  { name: 'travaux, works, open', kind: 'filtered', input: { q: 'travaux', category: ['works'], status: open } },
  { name: 'école, open', kind: 'filtered', input: { q: 'école', status: open } },
  { name: 'école, open, by deadline', kind: 'filtered', input: { q: 'école', status: open, sort: 'deadline' } },
  { name: 'nettoyage locaux, dept 75, open', kind: 'filtered', input: { q: 'nettoyage locaux', department: ['75'], status: open } },
  { name: 'désamiantage, dept 94', kind: 'filtered', input: { q: 'désamiantage', department: ['94'] } },
  { name: 'maintenance, environmental clause', kind: 'filtered', input: { q: 'maintenance', clause: ['environmental'] } },
  { name: 'services, open procedure', kind: 'filtered', input: { q: 'services', procedure: ['open'] } },
  { name: 'fourniture, goods, dept 92', kind: 'filtered', input: { q: 'fourniture', category: ['goods'], department: ['92'] } },
  { name: 'travaux, page 3', kind: 'filtered', input: { q: 'travaux', page: 3 } },
  { name: 'cpv 45, deadline 30 days', kind: 'filtered', input: { cpv: ['45'], deadline: '30' } },
];
