/**
 * A deterministic generator of N realistic public tenders for the search benchmarks: French
 * titles and descriptions built from the official CPV labels, real Île-de-France buyers (demo
 * reference extracts), procedure types, categories, clauses and statuses in plausible proportions.
 * The same seed gives the same tenders on every machine; only dates move with `now`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { townHallName } from '../../src/demo/generate.js';
import { createPrng, type Prng } from '../../src/demo/prng.js';
import { loadDemoReference } from '../../src/demo/reference.js';

export type BenchStatus = 'published' | 'closed' | 'opened' | 'evaluation' | 'awarded' | 'unsuccessful' | 'cancelled';
export type BenchCategory = 'works' | 'goods' | 'services';
export type BenchProcedure =
  | 'adapted'
  | 'open'
  | 'restricted'
  | 'competitive_negotiation'
  | 'competitive_dialogue'
  | 'negotiated_without_notice'
  | 'design_contest';

export interface GeneratedTender {
  id: string;
  reference: string;
  source: string;
  buyerId: string;
  buyerName: string;
  department: string;
  city: string;
  title: string;
  description: string;
  lotTitles: string[];
  cpvCodes: string[];
  /** French labels of the CPV codes, space separated (indexed with the text) */
  cpvLabels: string;
  procedureType: BenchProcedure;
  mainCategory: BenchCategory;
  status: BenchStatus;
  publishedAt: Date;
  submissionDeadline: Date;
  estimatedValueCents: number;
  socialClause: boolean;
  environmentalClause: boolean;
  reservedContract: 'siae' | 'ea_esat' | null;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const day = 24 * 3600 * 1000;

export interface BenchBuyer {
  id: string;
  name: string;
  department: string;
  city: string;
  /** relative share of the tenders it publishes */
  weight: number;
}

/** Stable uuid (v4 layout) from a text: the same buyer or tender keeps its id across runs. */
export function stableUuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function loadCpv(): { code: string; label: string }[] {
  const out: { code: string; label: string }[] = [];
  const lines = fs.readFileSync(path.join(root, 'data', 'reference', 'cpv2008.csv'), 'utf8').split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (line.length < 10) continue;
    const code = line.slice(0, 8);
    const rest = line.slice(line.indexOf(',', 9) + 1);
    const label = rest.startsWith('"') ? rest.slice(1, rest.indexOf('"', 1)) : rest.slice(0, rest.indexOf(','));
    out.push({ code, label: label.replaceAll('""', '"') });
  }
  return out;
}

/** Real public buyers of Île-de-France; big bodies publish more than small towns. */
export function loadBuyers(): BenchBuyer[] {
  const ref = loadDemoReference();
  const buyers: BenchBuyer[] = [];
  for (const b of ref.otherBuyers) {
    buyers.push({
      id: stableUuid(`buyer:${b.siren}`),
      name: b.name,
      department: b.department,
      city: b.city,
      weight: 12,
    });
  }
  const seats: Record<string, [string, string]> = {
    '200054781': ['75', 'Paris'],
    '200055655': ['95', 'Roissy-en-France'],
    '200056232': ['91', 'Orsay'],
    '200057859': ['91', 'Sainte-Geneviève-des-Bois'],
    '200058485': ['95', 'Beauchamp'],
    '200058782': ['78', 'Trappes'],
    '200059228': ['91', 'Évry-Courcouronnes'],
    '200059889': ['78', 'Aubergenville'],
  };
  for (const e of ref.epcis) {
    const seat = seats[e.siren];
    if (!seat) continue;
    buyers.push({ id: stableUuid(`buyer:${e.siren}`), name: e.name, department: seat[0], city: seat[1], weight: 6 });
  }
  const idf = new Set(['75', '77', '78', '91', '92', '93', '94', '95']);
  for (const c of ref.communes) {
    if (!idf.has(c.department) || c.department === '75') continue;
    buyers.push({
      id: stableUuid(`buyer:${c.siren}`),
      name: townHallName(c.name),
      department: c.department,
      city: c.name,
      weight: Math.max(1, Math.round(Math.sqrt(c.population) / 60)),
    });
  }
  return buyers;
}

/** Subjects public buyers really put out to tender again and again (a fixed share of the corpus). */
// biome-ignore format: one subject a line
const subjects: { cpv: string; category: BenchCategory; title: string; lots: string[]; weight: number }[] = [
  { cpv: '90910000', category: 'services', title: 'Nettoyage des locaux {of}', lots: ['Bâtiments administratifs', 'Groupes scolaires', 'Équipements sportifs', 'Vitrerie'], weight: 5 },
  { cpv: '90919200', category: 'services', title: 'Nettoyage et entretien des bureaux {site}', lots: ['Nettoyage courant', 'Remise en état'], weight: 2 },
  { cpv: '45262660', category: 'works', title: 'Désamiantage et démolition {site}', lots: ['Désamiantage', 'Démolition'], weight: 1 },
  { cpv: '45261000', category: 'works', title: 'Travaux de réfection de la toiture {site}', lots: ['Couverture', 'Charpente', 'Étanchéité'], weight: 4 },
  { cpv: '45321000', category: 'works', title: 'Travaux de rénovation énergétique {site}', lots: ['Isolation thermique par l’extérieur', 'Menuiseries extérieures', 'Chauffage, ventilation, climatisation'], weight: 4 },
  { cpv: '45453000', category: 'works', title: 'Travaux de mise en accessibilité {site}', lots: ['Gros œuvre', 'Ascenseur', 'Signalétique'], weight: 3 },
  { cpv: '45233140', category: 'works', title: 'Travaux de voirie et réseaux divers rue {street}', lots: ['Voirie', 'Éclairage public', 'Assainissement'], weight: 4 },
  { cpv: '45442100', category: 'works', title: 'Travaux de peinture et de revêtements de sols {site}', lots: ['Peinture', 'Sols souples', 'Parquets'], weight: 3 },
  { cpv: '50750000', category: 'services', title: 'Maintenance des ascenseurs et monte-charges {of}', lots: ['Maintenance des ascenseurs'], weight: 1 },
  { cpv: '50720000', category: 'services', title: 'Maintenance des installations de chauffage et de climatisation {of}', lots: ['Chauffage', 'Climatisation'], weight: 2 },
  { cpv: '55524000', category: 'services', title: 'Restauration scolaire et portage de repas {of}', lots: ['Restauration scolaire', 'Portage de repas à domicile'], weight: 2 },
  { cpv: '60130000', category: 'services', title: 'Transport scolaire et périscolaire {of}', lots: ['Transport scolaire', 'Sorties périscolaires'], weight: 1 },
  { cpv: '77310000', category: 'services', title: 'Entretien des espaces verts {of}', lots: ['Parcs et jardins', 'Cimetières', 'Élagage et abattage'], weight: 3 },
  { cpv: '79710000', category: 'services', title: 'Gardiennage et télésurveillance des bâtiments {of}', lots: ['Gardiennage', 'Télésurveillance'], weight: 2 },
  { cpv: '71000000', category: 'services', title: 'Maîtrise d’œuvre pour la réhabilitation {site}', lots: ['Maîtrise d’œuvre'], weight: 3 },
  { cpv: '72267000', category: 'services', title: 'Tierce maintenance applicative du logiciel de gestion financière {of}', lots: ['Tierce maintenance applicative'], weight: 1 },
  { cpv: '39160000', category: 'goods', title: 'Fourniture de mobilier scolaire {of}', lots: ['Mobilier des classes', 'Mobilier de restauration'], weight: 2 },
  { cpv: '15000000', category: 'goods', title: 'Fourniture de denrées alimentaires pour la restauration collective {of}', lots: ['Fruits et légumes', 'Viandes et volailles', 'Épicerie'], weight: 2 },
  { cpv: '30213000', category: 'goods', title: 'Fourniture de matériel informatique {of}', lots: ['Postes de travail', 'Tablettes pour les écoles'], weight: 2 },
  { cpv: '09310000', category: 'goods', title: 'Fourniture d’électricité {of}', lots: ['Bâtiments', 'Éclairage public'], weight: 1 },
];

const schoolNames = [
  'Jules-Ferry',
  'Paul-Éluard',
  'Jean-Jaurès',
  'Louise-Michel',
  'Victor-Hugo',
  'Pasteur',
  'Anatole-France',
  'Jacques-Prévert',
  'Marie-Curie',
  'Jean-Moulin',
  'Condorcet',
  'Simone-Veil',
];
const sitePatterns = [
  'de l’école élémentaire {n}',
  'de l’école maternelle {n}',
  'du groupe scolaire {n}',
  'du collège {n}',
  'du gymnase {n}',
  'de la médiathèque {n}',
  'du centre technique municipal',
  'de l’hôtel de ville',
  'de la crèche {n}',
  'du conservatoire {n}',
  'du stade {n}',
  'de la piscine {n}',
  'de la maison des associations',
  'du centre social {n}',
  'des services techniques',
  'du cimetière communal',
  'de la résidence autonomie {n}',
];
const streets = [
  'Victor-Hugo',
  'de la République',
  'Jean-Jaurès',
  'Pasteur',
  'Gambetta',
  'du Général-Leclerc',
  'Carnot',
  'de Paris',
];
const extraSentences = [
  'Une visite du site est recommandée avant la remise des offres.',
  'Les prestations sont exécutées en site occupé, sans interruption du service public.',
  'Le marché est un accord-cadre à bons de commande sans minimum.',
  'Les candidats présentent un mémoire technique détaillant leur méthodologie.',
  'Les prix sont révisables annuellement selon l’indice de référence du secteur.',
  'Le titulaire assure une astreinte 24 heures sur 24 et 7 jours sur 7.',
  'Les délais d’intervention sont précisés au cahier des clauses techniques particulières.',
  'La consultation comprend une tranche ferme et deux tranches optionnelles.',
  'Le démarrage des prestations est prévu pendant les vacances scolaires.',
  'Les variantes ne sont pas autorisées.',
];
const procedureWeights: Record<BenchProcedure, number> = {
  adapted: 62,
  open: 26,
  restricted: 4,
  competitive_negotiation: 3,
  competitive_dialogue: 1,
  negotiated_without_notice: 3,
  design_contest: 1,
};
// Common divisions of French public procurement, weighted; other divisions appear rarely.
const divisionWeights: Record<string, number> = {
  '45': 26,
  '90': 7,
  '50': 7,
  '71': 7,
  '79': 6,
  '72': 5,
  '30': 4,
  '34': 4,
  '39': 4,
  '33': 4,
  '55': 3,
  '60': 3,
  '77': 3,
  '80': 2,
  '85': 2,
  '92': 2,
  '98': 2,
  '09': 2,
  '44': 2,
  '48': 2,
  '22': 2,
  '18': 1,
  '42': 1,
  '31': 1,
  '32': 1,
  '35': 1,
  '37': 1,
  '38': 1,
  '15': 1,
  '24': 1,
  '43': 1,
  '51': 1,
  '63': 1,
  '64': 1,
  '65': 1,
  '66': 1,
  '70': 1,
  '73': 1,
  '75': 1,
  '76': 1,
  '03': 1,
  '14': 1,
  '16': 1,
  '19': 1,
};

function categoryOf(cpv: string): BenchCategory {
  const d = Number(cpv.slice(0, 2));
  if (d === 45) return 'works';
  return d >= 50 ? 'services' : 'goods';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export interface GeneratorOptions {
  seed?: number;
  /** the "present" of the corpus: open tenders have deadlines after it */
  now?: Date;
}

export interface TenderGenerator {
  /** the tender number `index` (0-based); independent of the order of calls */
  tender(index: number): GeneratedTender;
  buyers: BenchBuyer[];
}

/**
 * Builds the generator. Each tender is derived from its own index and the seed, so batches can
 * be generated in any order (and the same index always gives the same tender).
 */
export function createTenderGenerator(options: GeneratorOptions = {}): TenderGenerator {
  const seed = options.seed ?? 20260404;
  const now = (options.now ?? new Date()).getTime();
  const buyers = loadBuyers();
  const cpv = loadCpv();
  const cpvByCode = new Map(cpv.map((c) => [c.code, c.label]));
  const cpvByDivision = new Map<string, { code: string; label: string }[]>();
  for (const c of cpv) {
    const d = c.code.slice(0, 2);
    cpvByDivision.set(d, [...(cpvByDivision.get(d) ?? []), c]);
  }
  const divisions = Object.fromEntries(Object.entries(divisionWeights).filter(([d]) => cpvByDivision.has(d)));
  const buyerWeights = Object.fromEntries(buyers.map((b, i) => [String(i), b.weight]));
  const subjectWeights = Object.fromEntries(subjects.map((s, i) => [String(i), s.weight]));

  const site = (prng: Prng) => prng.pick(sitePatterns).replace('{n}', prng.pick(schoolNames));

  const tender = (index: number): GeneratedTender => {
    const prng = createPrng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    prng.next();
    const buyer = buyers[Number(prng.weighted(buyerWeights))] as BenchBuyer;
    const ofBuyer = `de ${buyer.name}`
      .replace(/^de (Ville|Région|Métropole|Communauté|CA|CU) /, (m) =>
        m === 'de Ville '
          ? 'de la Ville '
          : m === 'de Région '
            ? 'de la Région '
            : m === 'de Métropole '
              ? 'de la Métropole '
              : m,
      )
      .replace(/^de Département/, 'du Département')
      .replace(/^de Assistance/, 'de l’Assistance');
    let title: string;
    let cpvCodes: string[];
    let lots: string[];
    let category: BenchCategory;
    if (prng.chance(0.35)) {
      const s = subjects[Number(prng.weighted(subjectWeights))] as (typeof subjects)[number];
      title = s.title
        .replace('{site}', site(prng))
        .replace('{of}', prng.chance(0.5) ? ofBuyer : site(prng))
        .replace('{street}', prng.pick(streets));
      cpvCodes = [s.cpv];
      lots = s.lots.slice(0, prng.int(1, s.lots.length));
      category = s.category;
    } else {
      const division = prng.weighted(divisions);
      const codes = cpvByDivision.get(division) ?? [];
      const main = prng.pick(codes);
      cpvCodes = [main.code];
      category = categoryOf(main.code);
      const label = lowerFirst(main.label);
      const head =
        category === 'works'
          ? /^travaux/.test(label)
            ? main.label
            : `Travaux : ${label}`
          : category === 'goods'
            ? `${prng.pick(['Fourniture', 'Acquisition', 'Achat et livraison'])} : ${label}`
            : main.label;
      title = prng.chance(0.6) ? `${head} ${site(prng)}` : head;
      lots = [];
      const extra = prng.int(0, 3);
      for (let k = 0; k < extra; k++) {
        const other = prng.pick(codes);
        cpvCodes.push(other.code);
        lots.push(other.label);
      }
    }
    if (title.length > 290) title = `${title.slice(0, 289)}…`;
    const cpvLabels = cpvCodes.map((c) => cpvByCode.get(c) ?? '').join(' ');
    const social = prng.chance(0.22);
    const environmental = prng.chance(0.31);
    const reserved = prng.chance(0.03) ? (prng.chance(0.6) ? 'siae' : 'ea_esat') : null;
    const statusKey = prng.weighted({
      published: 15,
      closed: 18,
      opened: 4,
      evaluation: 5,
      awarded: 48,
      unsuccessful: 5,
      cancelled: 5,
    } as Record<BenchStatus, number>);
    let publishedAt: number;
    let deadline: number;
    if (statusKey === 'published') {
      publishedAt = now - prng.int(0, 40) * day - prng.int(0, 86_399) * 1000;
      deadline = now + prng.int(2, 60) * day + prng.int(0, 23) * 3600_000;
    } else {
      publishedAt = now - prng.int(45, 3 * 365) * day - prng.int(0, 86_399) * 1000;
      deadline = Math.min(publishedAt + prng.int(15, 60) * day, now - day);
    }
    const description = [
      `La présente consultation porte sur ${lowerFirst(title)}.`,
      `Acheteur : ${buyer.name}. Lieu d’exécution : ${buyer.city} (${buyer.department}).`,
      lots.length > 0 ? `Elle est allotie : ${lots.map((l, k) => `lot ${k + 1} ${lowerFirst(l)}`).join(', ')}.` : '',
      prng.pick(extraSentences),
      prng.chance(0.4) ? prng.pick(extraSentences) : '',
      social
        ? 'Une clause d’insertion sociale réserve une part des heures de travail à des personnes éloignées de l’emploi.'
        : '',
      environmental ? 'Les offres sont appréciées au regard de leur performance environnementale.' : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    const year = new Date(publishedAt).getUTCFullYear();
    return {
      id: stableUuid(`tender:${seed}:${index}`),
      reference: `${year}-B${String(index).padStart(7, '0')}`,
      source: 'halle',
      buyerId: buyer.id,
      buyerName: buyer.name,
      department: buyer.department,
      city: buyer.city,
      title,
      description,
      lotTitles: lots,
      cpvCodes,
      cpvLabels,
      procedureType: prng.weighted(procedureWeights),
      mainCategory: category,
      status: statusKey,
      publishedAt: new Date(publishedAt),
      submissionDeadline: new Date(deadline),
      estimatedValueCents: prng.int(10, 5000) * 1_000_00,
      socialClause: social,
      environmentalClause: environmental,
      reservedContract: reserved,
    };
  };
  return { tender, buyers };
}
