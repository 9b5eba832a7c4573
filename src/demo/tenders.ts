import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type Insertable, sql } from 'kysely';
import { type TenderEvent, transition } from '../modules/tenders/index.js';
import type { Actor } from '../platform/audit/record.js';
import type { BlobStore } from '../platform/blobs/index.js';
import type { Trx } from '../platform/db/kysely.js';
import type {
  CriterionKind,
  Database,
  DocumentType,
  MainCategory,
  ProcedureType,
  TenderStatus,
} from '../platform/db/schema.js';
import { parisLocalToUtc, toParisInputs } from '../platform/i18n/paris-time.js';
import { uuidv7 } from '../platform/ids.js';
import type { DemoData } from './generate.js';
import { createPrng, type Prng } from './prng.js';

/**
 * Demo tenders: about 300 consultations of the demo buyers in every state of the lifecycle, with
 * lots, criteria, clauses, small generated documents, questions and answers, and retrievals.
 * The content is deterministic (same seed, same titles, lots, questions); dates are relative to
 * the moment of seeding so that published tenders always have deadlines ahead.
 */

export const demoTenderCount = 300;
const demoTenderSeed = 20260303;
const day = 24 * 3600 * 1000;

// --- vocabulary -------------------------------------------------------------------------------

interface Subject {
  cpv: string;
  category: MainCategory;
  /** `{site}`: a building of the buyer ("du gymnase Jean-Moulin"); `{of}`: "de la mairie de Montreuil" */
  title: string;
  lots: string[];
  /** estimated value range in thousands of euros */
  value: [number, number];
  months: [number, number];
}

// biome-ignore format: one subject a line reads better
const subjects: Subject[] = [
  { cpv: '45261000', category: 'works', title: 'Travaux de réfection de la toiture {site}', lots: ['Couverture', 'Charpente', 'Étanchéité', 'Échafaudages et protections'], value: [120, 900], months: [4, 12] },
  { cpv: '45321000', category: 'works', title: 'Travaux de rénovation énergétique {site}', lots: ['Isolation thermique par l’extérieur', 'Menuiseries extérieures', 'Chauffage, ventilation, climatisation', 'Électricité'], value: [400, 3500], months: [8, 24] },
  { cpv: '45453000', category: 'works', title: 'Travaux de mise en accessibilité {site}', lots: ['Gros œuvre', 'Ascenseur', 'Signalétique', 'Menuiseries intérieures'], value: [80, 600], months: [3, 10] },
  { cpv: '45332400', category: 'works', title: 'Réhabilitation des sanitaires {site}', lots: ['Plomberie', 'Carrelage et faïence', 'Cloisons et faux plafonds'], value: [60, 350], months: [2, 6] },
  { cpv: '45233140', category: 'works', title: 'Travaux de voirie et réseaux divers de la rue {street}', lots: ['Voirie', 'Éclairage public', 'Assainissement', 'Plantations'], value: [300, 2500], months: [4, 14] },
  { cpv: '45312100', category: 'works', title: 'Remplacement du système de sécurité incendie {site}', lots: ['Système de sécurité incendie'], value: [50, 300], months: [2, 6] },
  { cpv: '45262660', category: 'works', title: 'Désamiantage et démolition {site}', lots: ['Désamiantage', 'Démolition'], value: [150, 1200], months: [3, 9] },
  { cpv: '45442100', category: 'works', title: 'Travaux de peinture et de revêtements de sols {site}', lots: ['Peinture', 'Sols souples', 'Parquets'], value: [40, 400], months: [2, 8] },
  { cpv: '90910000', category: 'services', title: 'Nettoyage des locaux {of}', lots: ['Bâtiments administratifs', 'Groupes scolaires', 'Équipements sportifs', 'Vitrerie'], value: [200, 2400], months: [12, 48] },
  { cpv: '77310000', category: 'services', title: 'Entretien des espaces verts {of}', lots: ['Parcs et jardins', 'Cimetières', 'Élagage et abattage'], value: [150, 1500], months: [12, 48] },
  { cpv: '50720000', category: 'services', title: 'Maintenance des installations de chauffage, ventilation et climatisation {of}', lots: ['Chauffage et eau chaude sanitaire', 'Ventilation et climatisation'], value: [150, 1800], months: [24, 60] },
  { cpv: '50750000', category: 'services', title: 'Maintenance des ascenseurs et monte-charges {of}', lots: ['Maintenance des ascenseurs'], value: [60, 500], months: [24, 48] },
  { cpv: '55524000', category: 'services', title: 'Restauration scolaire et portage de repas {of}', lots: ['Restauration scolaire', 'Portage de repas à domicile', 'Centres de loisirs'], value: [800, 6000], months: [12, 48] },
  { cpv: '60130000', category: 'services', title: 'Transport scolaire et périscolaire {of}', lots: ['Transport scolaire', 'Sorties périscolaires'], value: [150, 1200], months: [12, 48] },
  { cpv: '79710000', category: 'services', title: 'Gardiennage et télésurveillance des bâtiments {of}', lots: ['Gardiennage', 'Télésurveillance', 'Sécurité événementielle'], value: [100, 1500], months: [12, 48] },
  { cpv: '90511000', category: 'services', title: 'Collecte des déchets ménagers et assimilés {of}', lots: ['Ordures ménagères', 'Collecte sélective', 'Encombrants'], value: [1500, 12000], months: [36, 84] },
  { cpv: '71000000', category: 'services', title: 'Maîtrise d’œuvre pour la réhabilitation {site}', lots: ['Maîtrise d’œuvre'], value: [80, 700], months: [18, 48] },
  { cpv: '72267000', category: 'services', title: 'Tierce maintenance applicative du logiciel de gestion financière {of}', lots: ['Tierce maintenance applicative'], value: [60, 600], months: [24, 48] },
  { cpv: '79810000', category: 'services', title: 'Impression des supports de communication {of}', lots: ['Magazine municipal', 'Affiches et grands formats', 'Documents administratifs'], value: [40, 500], months: [12, 48] },
  { cpv: '39160000', category: 'goods', title: 'Fourniture de mobilier scolaire {of}', lots: ['Mobilier des classes', 'Mobilier de restauration', 'Mobilier de petite enfance'], value: [50, 600], months: [12, 48] },
  { cpv: '15000000', category: 'goods', title: 'Fourniture de denrées alimentaires pour la restauration collective {of}', lots: ['Fruits et légumes', 'Viandes et volailles', 'Produits laitiers', 'Épicerie'], value: [300, 3000], months: [12, 48] },
  { cpv: '34144900', category: 'goods', title: 'Acquisition de véhicules utilitaires électriques {of}', lots: ['Véhicules utilitaires légers', 'Bornes de recharge'], value: [100, 900], months: [6, 24] },
  { cpv: '30213000', category: 'goods', title: 'Fourniture de matériel informatique {of}', lots: ['Postes de travail', 'Écrans et périphériques', 'Tablettes pour les écoles'], value: [80, 1500], months: [12, 48] },
  { cpv: '39830000', category: 'goods', title: 'Fourniture de produits d’entretien et d’hygiène {of}', lots: ['Produits d’entretien', 'Articles d’hygiène'], value: [30, 400], months: [12, 48] },
  { cpv: '30192000', category: 'goods', title: 'Fourniture de papier et de fournitures de bureau {of}', lots: ['Papier', 'Fournitures de bureau'], value: [20, 300], months: [12, 48] },
];

const sites = [
  'du gymnase Jean-Moulin',
  'de l’école élémentaire Jules-Ferry',
  'du groupe scolaire Paul-Éluard',
  'de la médiathèque Louise-Michel',
  'du centre technique municipal',
  'de l’hôtel de ville',
  'de la crèche des Petits-Loups',
  'du conservatoire Maurice-Ravel',
  'du stade Pierre-de-Coubertin',
  'de la piscine Marcel-Cerdan',
  'du collège Jean-Jaurès',
  'de la maison des associations',
];
const streets = ['Victor-Hugo', 'de la République', 'Jean-Jaurès', 'Pasteur', 'Gambetta', 'du Général-Leclerc'];

/** Award criteria in basis points (10000 = 100 %), each set summing to 100 %. */
const criteriaSets: { label: string; kind: CriterionKind; weight: number }[][] = [
  [
    { label: 'Prix', kind: 'price', weight: 6000 },
    { label: 'Valeur technique', kind: 'quality', weight: 4000 },
  ],
  [
    { label: 'Valeur technique', kind: 'quality', weight: 5000 },
    { label: 'Prix', kind: 'price', weight: 4000 },
    { label: 'Performance en matière de protection de l’environnement', kind: 'environmental', weight: 1000 },
  ],
  [
    { label: 'Prix', kind: 'price', weight: 5000 },
    { label: 'Méthodologie et moyens humains', kind: 'quality', weight: 3000 },
    { label: 'Délais d’exécution', kind: 'other', weight: 1000 },
    { label: 'Insertion professionnelle des publics en difficulté', kind: 'social', weight: 1000 },
  ],
  [
    { label: 'Prix', kind: 'price', weight: 4500 },
    { label: 'Valeur technique', kind: 'quality', weight: 4000 },
    { label: 'Circuits courts et produits de saison', kind: 'environmental', weight: 1500 },
  ],
];

/** Questions companies really ask, with the kind of answer buyers give. */
// biome-ignore format: one pair a line
const questionPool: [string, string][] = [
  ['La visite du site est-elle obligatoire ? Pouvez-vous préciser les dates proposées ?', 'La visite est facultative mais vivement recommandée. Deux créneaux sont proposés ; le rendez-vous est fixé devant l’accueil principal à 9 h 30. Merci de vous inscrire auprès du contact indiqué dans l’avis.'],
  ['Le bordereau des prix ne comporte pas de ligne pour l’installation de chantier : où faut-il la chiffrer ?', 'L’installation de chantier est à répartir dans les prix unitaires ; aucune ligne spécifique n’est prévue au bordereau.'],
  ['Pouvez-vous communiquer le nombre d’heures réalisées par le titulaire actuel ?', 'Le titulaire actuel réalise environ 1 850 heures par an ; ce volume est donné à titre indicatif et n’engage pas l’acheteur.'],
  ['Les variantes sont-elles autorisées pour les matériaux de couverture ?', 'Les variantes ne sont pas autorisées. Seules les prestations supplémentaires éventuelles prévues au CCTP peuvent être chiffrées.'],
  ['Le mémoire technique est-il limité en nombre de pages ?', 'Le mémoire technique est limité à 20 pages hors annexes, au format A4.'],
  ['Une attestation de visite doit-elle être jointe à l’offre ?', 'Non, aucune attestation de visite n’est demandée.'],
  ['Le personnel actuel est-il repris en application de l’accord de branche ?', 'Oui, la liste du personnel à reprendre figure en annexe 3 du CCAP, mise à jour à la date de publication.'],
  ['Quel est le délai de paiement applicable ?', 'Le délai global de paiement est de 30 jours à compter de la réception de la facture.'],
  ['Les prix sont-ils fermes ou révisables ?', 'Les prix sont révisables annuellement selon la formule figurant à l’article 5 du CCAP.'],
  ['Une avance est-elle prévue ?', 'Une avance de 10 % est versée lorsque le montant du marché dépasse 50 000 euros HT, sauf renonciation du titulaire.'],
  ['Faut-il fournir des échantillons avec l’offre ?', 'Non, les échantillons seront demandés aux seuls candidats classés en tête après analyse.'],
  ['Les plans au format DWG peuvent-ils être communiqués ?', 'Les plans au format DWG ont été ajoutés au dossier de consultation.'],
];

const documentKinds: { type: DocumentType; file: string; title: string }[] = [
  { type: 'rc', file: 'RC', title: 'Règlement de la consultation' },
  { type: 'ccap', file: 'CCAP', title: 'Cahier des clauses administratives particulières' },
  { type: 'cctp', file: 'CCTP', title: 'Cahier des clauses techniques particulières' },
  { type: 'ae', file: 'AE', title: 'Acte d’engagement' },
];

/** The states demo tenders end in, with how many of each, and the events that lead there. */
const statusPlan: { status: TenderStatus; share: number; path: TenderEvent[] }[] = [
  { status: 'draft', share: 13, path: [] },
  { status: 'published', share: 43, path: ['publish'] },
  { status: 'closed', share: 12, path: ['publish', 'close'] },
  { status: 'opened', share: 5, path: ['publish', 'close', 'open'] },
  { status: 'evaluation', share: 5, path: ['publish', 'close', 'open', 'startEvaluation'] },
  { status: 'awarded', share: 9, path: ['publish', 'close', 'open', 'startEvaluation', 'award'] },
  { status: 'unsuccessful', share: 6, path: ['publish', 'close', 'declareUnsuccessful'] },
  { status: 'cancelled', share: 7, path: ['publish', 'cancel'] },
];

const auditActionOf: Record<TenderEvent, string> = {
  publish: 'tender.published',
  close: 'tender.closed',
  open: 'tender.opened',
  startEvaluation: 'tender.evaluation_started',
  award: 'tender.awarded',
  declareUnsuccessful: 'tender.declared_unsuccessful',
  cancel: 'tender.cancelled',
};

const reasons: Partial<Record<TenderStatus, string[]>> = {
  cancelled: [
    'Le besoin a été redéfini à la suite du vote du budget : une nouvelle consultation sera lancée.',
    'Motif d’intérêt général : le projet de réhabilitation est reporté.',
  ],
  unsuccessful: [
    'Aucune offre n’a été remise dans le délai.',
    'Toutes les offres remises étaient inacceptables, leur prix dépassant les crédits budgétaires alloués.',
  ],
};

// --- CPV labels --------------------------------------------------------------------------------

const cpvFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'reference',
  'cpv2008.csv',
);

/** French labels of the few CPV codes used here, read from the official list. */
export function cpvLabels(codes: readonly string[]): Map<string, string> {
  const wanted = new Set(codes);
  const labels = new Map<string, string>();
  for (const line of fs.readFileSync(cpvFile, 'utf8').split(/\r?\n/)) {
    const code = line.slice(0, 8);
    if (!wanted.has(code)) continue;
    // code,code_with_check_digit,label_fr,label_en — the French label may be quoted
    const rest = line.slice(line.indexOf(',', 9) + 1);
    const label = rest.startsWith('"') ? rest.slice(1, rest.indexOf('"', 1)) : rest.slice(0, rest.indexOf(','));
    labels.set(code, label.replaceAll('""', '"'));
  }
  return labels;
}

// --- generation (pure) -------------------------------------------------------------------------

export interface DemoTenderInput {
  buyers: { id: string; name: string; department: string | null; agentIds: string[] }[];
  companies: { id: string; userIds: string[] }[];
  /** buyer and company of the documented demo accounts: they get a full range of tenders */
  featuredBuyerId: string | undefined;
  featuredCompanyId: string | undefined;
  now: Date;
}

type Row<K extends keyof Database> = Insertable<Database[K]>;

interface PlannedDocument {
  id: string;
  tenderId: string;
  type: DocumentType;
  fileName: string;
  content: string;
  uploadedBy: string | null;
  createdAt: Date;
}

export interface DemoTenderPlan {
  tenders: Row<'tenders'>[];
  lots: Row<'lots'>[];
  criteria: Row<'award_criteria'>[];
  documents: PlannedDocument[];
  clarifications: Row<'clarifications'>[];
  retrievals: Row<'retrievals'>[];
  transitions: { tenderId: string; buyerId: string; userId: string | null; event: TenderEvent; at: Date }[];
  counters: { year: number; last: number }[];
}

/** "Ville de Montreuil" → "de la mairie de Montreuil"; other buyers keep their name. */
function ofBuyer(name: string): string {
  if (name.startsWith('Ville ')) return `de la mairie ${name.slice('Ville '.length)}`;
  return `— ${name}`;
}

function parisNoonIn(now: Date, days: number): Date {
  const { date } = toParisInputs(new Date(now.getTime() + days * day));
  return parisLocalToUtc(date, '12:00');
}

function between(prng: Prng, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  return new Date(from.getTime() + Math.floor(prng.next() * span));
}

const procedureByCategory: Record<MainCategory, Partial<Record<ProcedureType, number>>> = {
  works: { adapted: 60, open: 35, competitive_negotiation: 5 },
  services: { adapted: 45, open: 45, restricted: 5, competitive_dialogue: 5 },
  goods: { adapted: 50, open: 50 },
};

export function planDemoTenders(
  input: DemoTenderInput,
  count = demoTenderCount,
  seed = demoTenderSeed,
): DemoTenderPlan {
  const prng = createPrng(seed);
  const labels = cpvLabels(subjects.map((s) => s.cpv));
  const plan: DemoTenderPlan = {
    tenders: [],
    lots: [],
    criteria: [],
    documents: [],
    clarifications: [],
    retrievals: [],
    transitions: [],
    counters: [],
  };
  if (input.buyers.length === 0) return plan;
  const shares = statusPlan.reduce((s, p) => s + p.share, 0);
  const statuses: (typeof statusPlan)[number][] = [];
  for (const p of statusPlan) for (let i = 0; i < Math.round((p.share * count) / shares); i++) statuses.push(p);
  while (statuses.length < count) statuses.push(statusPlan[1] as (typeof statusPlan)[number]);
  statuses.length = count;
  const featured = input.buyers.find((b) => b.id === input.featuredBuyerId);
  const companyUsers = input.companies.flatMap((c) => c.userIds.map((userId) => ({ userId, companyId: c.id })));
  const featuredUsers = companyUsers.filter((u) => u.companyId === input.featuredCompanyId);

  const drafts: { createdAt: Date; index: number }[] = [];
  for (let i = 0; i < count; i++) {
    const target = statuses[i] as (typeof statusPlan)[number];
    // the demo buyer gets every state at least once (the first 40 tenders go round the states)
    // the demo buyer's account shows every state: one tender in eight is its own
    const buyer = featured && i % 8 === 0 ? featured : prng.pick(input.buyers);
    const subject = prng.pick(subjects);
    const site = prng.pick(sites);
    const title = subject.title
      .replace('{site}', site)
      .replace('{street}', prng.pick(streets))
      .replace('{of}', ofBuyer(buyer.name));
    const agent = buyer.agentIds.length > 0 ? prng.pick(buyer.agentIds) : null;
    const lotCount = Math.min(subject.lots.length, prng.chance(0.45) ? 1 : prng.int(2, 4));
    const valueCents = prng.int(subject.value[0], subject.value[1]) * 1000 * 100;
    const procedure = prng.weighted(procedureByCategory[subject.category] as Record<ProcedureType, number>);

    // dates: published tenders have their deadline ahead, finished ones behind
    let publishedAt: Date | null = null;
    let deadline: Date;
    if (target.status === 'draft') {
      deadline = parisNoonIn(input.now, prng.int(30, 70));
    } else if (target.status === 'published') {
      deadline = parisNoonIn(input.now, prng.int(2, 50));
      publishedAt = new Date(input.now.getTime() - prng.int(1, 35) * day - prng.int(0, 8 * 3600) * 1000);
    } else if (target.status === 'cancelled') {
      deadline = parisNoonIn(input.now, prng.int(-60, 30));
      publishedAt = new Date(deadline.getTime() - prng.int(30, 50) * day);
    } else {
      deadline = parisNoonIn(input.now, -prng.int(2, 200));
      publishedAt = new Date(deadline.getTime() - prng.int(25, 52) * day);
    }
    const questionsDeadline = new Date(deadline.getTime() - prng.int(6, 10) * day);
    const createdAt = new Date((publishedAt ?? input.now).getTime() - prng.int(1, 20) * day);
    const tenderId = uuidv7(createdAt.getTime());
    const reason = reasons[target.status];
    let status: TenderStatus = 'draft';
    let at = publishedAt ?? createdAt;
    for (const event of target.path) {
      status = transition(status, event);
      if (event === 'close') at = deadline;
      else if (event !== 'publish') at = new Date(Math.min(input.now.getTime(), at.getTime() + prng.int(1, 15) * day));
      else at = publishedAt ?? at;
      plan.transitions.push({ tenderId, buyerId: buyer.id, userId: agent, event, at });
    }
    const social = prng.chance(0.3);
    const environmental = prng.chance(0.35);
    const reserved = prng.chance(0.05) ? ('siae' as const) : null;
    const cpvLabel = labels.get(subject.cpv) ?? '';
    plan.tenders.push({
      id: tenderId,
      // set below, once every tender is placed in time
      reference: '',
      buyer_id: buyer.id,
      status,
      title,
      internal_reference: `${createdAt.getUTCFullYear()}-${subject.category === 'works' ? 'TX' : subject.category === 'goods' ? 'FO' : 'SV'}-${String(i + 1).padStart(3, '0')}`,
      description: `${title}. Objet principal : ${cpvLabel.toLowerCase()} (CPV ${subject.cpv}). ${
        lotCount > 1 ? `La consultation est allotie en ${lotCount} lots.` : 'La consultation n’est pas allotie.'
      } Consultation de démonstration.`,
      procedure_type: procedure,
      main_category: subject.category,
      cpv_codes: [subject.cpv],
      estimated_value_cents: valueCents,
      department: buyer.department,
      duration_months: prng.int(subject.months[0], subject.months[1]),
      variants_allowed: prng.chance(0.15),
      reserved_contract: reserved,
      social_clause_insertion: social,
      social_clause_other: social && prng.chance(0.3),
      environmental_clause: environmental,
      environmental_criterion: environmental && prng.chance(0.5),
      submission_deadline: deadline,
      questions_deadline: questionsDeadline,
      contact_name: 'Service de la commande publique',
      contact_email: `commande-publique-${i + 1}@acheteurs.demo.halle.example`,
      status_reason: reason ? prng.pick(reason) : null,
      created_by: agent,
      created_at: createdAt,
      updated_at: at,
      published_at: publishedAt,
      closed_at: status === 'draft' || status === 'published' || status === 'cancelled' ? null : deadline,
    });
    drafts.push({ createdAt, index: plan.tenders.length - 1 });

    const lotIds: string[] = [];
    for (let n = 1; n <= lotCount; n++) {
      const lotId = uuidv7(createdAt.getTime());
      lotIds.push(lotId);
      plan.lots.push({
        id: lotId,
        tender_id: tenderId,
        number: n,
        title: lotCount === 1 ? 'Lot unique' : (subject.lots[n - 1] as string),
        cpv_codes: [subject.cpv],
        estimated_value_cents: Math.round(valueCents / lotCount),
        social_clause_insertion: social && n === 1,
        environmental_clause: environmental,
      });
    }
    prng.pick(criteriaSets).forEach((c, position) => {
      plan.criteria.push({
        id: uuidv7(createdAt.getTime()),
        tender_id: tenderId,
        lot_id: null,
        position: position + 1,
        label: c.label,
        kind: c.kind,
        weight_bp: c.weight,
      });
    });

    // documents: every published tender has some; half of the drafts too
    const documentIds: string[] = [];
    if (status !== 'draft' || prng.chance(0.5)) {
      const kinds = documentKinds.slice(0, prng.int(2, documentKinds.length));
      for (const kind of kinds) {
        const id = uuidv7(createdAt.getTime());
        documentIds.push(id);
        plan.documents.push({
          id,
          tenderId,
          type: kind.type,
          fileName: `${kind.file} - ${title.slice(0, 60).replace(/[\\/:*?"<>|]/g, ' ')}.txt`,
          content: documentText(kind.title, title, buyer.name, subject, lotCount, labels.get(subject.cpv) ?? '', prng),
          uploadedBy: agent,
          createdAt,
        });
      }
    }
    if (status === 'draft' || !publishedAt) continue;

    // retrievals between publication and the deadline (or now), some identified, some anonymous
    const until = new Date(Math.min(deadline.getTime(), input.now.getTime()));
    const pool = prng.chance(0.15) && featuredUsers.length > 0 ? featuredUsers : companyUsers;
    const identified = new Map<string, { userId: string; companyId: string }>();
    const identifiedCount = prng.int(0, 12);
    for (let k = 0; k < identifiedCount && companyUsers.length > 0; k++) {
      const who = k === 0 ? prng.pick(pool) : prng.pick(companyUsers);
      identified.set(who.userId, who);
      plan.retrievals.push({
        id: uuidv7(),
        tender_id: tenderId,
        dce_version: 1,
        document_id: documentIds.length > 0 && prng.chance(0.4) ? prng.pick(documentIds) : null,
        user_id: who.userId,
        organisation_id: who.companyId,
        retrieved_at: between(prng, publishedAt, until),
      });
    }
    const anonymousCount = prng.int(0, 25);
    for (let k = 0; k < anonymousCount; k++) {
      plan.retrievals.push({
        id: uuidv7(),
        tender_id: tenderId,
        dce_version: 1,
        document_id: documentIds.length > 0 && prng.chance(0.3) ? prng.pick(documentIds) : null,
        user_id: null,
        organisation_id: null,
        retrieved_at: between(prng, publishedAt, until),
      });
    }

    // questions from companies that retrieved the documents, most of them answered
    const askers = [...identified.values()];
    const questionUntil = new Date(Math.min(questionsDeadline.getTime(), input.now.getTime()));
    const questionCount = askers.length === 0 ? 0 : prng.int(0, 4);
    const asked: Date[] = [];
    for (let k = 0; k < questionCount; k++) asked.push(between(prng, publishedAt, questionUntil));
    asked.sort((a, b) => a.getTime() - b.getTime());
    const used = new Set<number>();
    asked.forEach((askedAt, k) => {
      let pick = prng.int(0, questionPool.length - 1);
      while (used.has(pick)) pick = (pick + 1) % questionPool.length;
      used.add(pick);
      const [question, answer] = questionPool[pick] as [string, string];
      const asker = prng.pick(askers);
      const answered = status !== 'published' || prng.chance(0.7);
      const answeredAt = answered
        ? new Date(
            Math.max(
              askedAt.getTime(),
              Math.min(input.now.getTime() - 3600 * 1000, askedAt.getTime() + prng.int(1, 4) * day),
            ),
          )
        : null;
      plan.clarifications.push({
        id: uuidv7(askedAt.getTime()),
        tender_id: tenderId,
        number: k + 1,
        question,
        asked_by: asker.userId,
        company_id: asker.companyId,
        asked_at: askedAt,
        answer: answeredAt ? answer : null,
        answered_by: answeredAt ? agent : null,
        answered_at: answeredAt,
      });
    });
  }

  // human references follow creation time, one counter per year (Paris), as nextReference does
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const counters = new Map<number, number>();
  const yearOf = (d: Date) =>
    Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(d));
  for (const { createdAt, index } of drafts) {
    const year = yearOf(createdAt);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    (plan.tenders[index] as Row<'tenders'>).reference = `${year}-${String(n).padStart(4, '0')}`;
  }
  plan.counters = [...counters].map(([year, last]) => ({ year, last }));
  return plan;
}

function documentText(
  kind: string,
  title: string,
  buyer: string,
  subject: Subject,
  lots: number,
  cpvLabel: string,
  prng: Prng,
): string {
  const lines = [
    kind.toUpperCase(),
    '',
    `Acheteur : ${buyer}`,
    `Objet : ${title}`,
    `Code CPV principal : ${subject.cpv} — ${cpvLabel}`,
    `Allotissement : ${lots > 1 ? `${lots} lots` : 'lot unique'}`,
    '',
    'Document de démonstration généré par Halle : il ne constitue pas une pièce contractuelle.',
    '',
  ];
  // a few kilobytes of plausible articles, so sizes and downloads look real
  const articles = prng.int(8, 20);
  for (let a = 1; a <= articles; a++) {
    lines.push(
      `Article ${a}`,
      'Le titulaire exécute les prestations conformément aux stipulations du présent document et aux normes en vigueur. ' +
        'Il prend toutes dispositions pour assurer la continuité du service public et la sécurité des usagers.',
      '',
    );
  }
  return lines.join('\n');
}

// --- insertion -----------------------------------------------------------------------------------

const batchSize = 200;

async function insertInBatches<R>(rows: R[], insert: (batch: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}

export interface DemoTendersResult {
  tenders: number;
  documents: number;
  questions: number;
  retrievals: number;
}

/** What the seed knows of its organisations and people, turned into the input of the plan. */
export function demoTenderInput(
  data: DemoData,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  now: Date,
): DemoTenderInput {
  const usersOf = (key: string, roles: string[]) =>
    data.memberships
      .filter((m) => m.organisationKey === key && roles.includes(m.role))
      .map((m) => userIds.get(m.email) as string);
  const orgOfAccount = (email: string) => {
    const key = data.memberships.find((m) => m.email === email)?.organisationKey;
    return key ? orgIds.get(key) : undefined;
  };
  return {
    buyers: data.organisations
      .filter((o) => o.kind === 'buyer')
      .map((o) => ({
        id: orgIds.get(o.key) as string,
        name: o.name,
        department: o.department,
        agentIds: usersOf(o.key, ['buyer_admin', 'buyer_agent']),
      })),
    companies: data.organisations
      .filter((o) => o.kind === 'company')
      .map((o) => ({ id: orgIds.get(o.key) as string, userIds: usersOf(o.key, ['company_admin', 'company_member']) })),
    featuredBuyerId: orgOfAccount('acheteur@demo.halle.example'),
    featuredCompanyId: orgOfAccount('entreprise@demo.halle.example'),
    now,
  };
}

/**
 * Writes the demo tenders in the seed's transaction: documents go to the blob store first
 * (a few at a time), then every table is filled by batches. Transitions are audited as the
 * lifecycle would have done them.
 */
export async function seedDemoTenders(
  trx: Trx,
  blobs: BlobStore,
  actor: Actor,
  input: DemoTenderInput,
): Promise<DemoTendersResult> {
  const plan = planDemoTenders(input);
  const blobRows: Row<'blobs'>[] = [];
  const documentRows: Row<'tender_documents'>[] = [];
  for (let i = 0; i < plan.documents.length; i += 16) {
    await Promise.all(
      plan.documents.slice(i, i + 16).map(async (doc) => {
        const stored = await blobs.put(Readable.from([Buffer.from(doc.content, 'utf8')]));
        const blobId = uuidv7(doc.createdAt.getTime());
        blobRows.push({
          id: blobId,
          storage_key: stored.key,
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          content_type: 'text/plain; charset=utf-8',
          created_at: doc.createdAt,
        });
        documentRows.push({
          id: doc.id,
          tender_id: doc.tenderId,
          blob_id: blobId,
          file_name: doc.fileName,
          document_type: doc.type,
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          uploaded_by: doc.uploadedBy,
          created_at: doc.createdAt,
        });
      }),
    );
  }
  await insertInBatches(plan.tenders, (b) => trx.insertInto('tenders').values(b).execute());
  await insertInBatches(plan.lots, (b) => trx.insertInto('lots').values(b).execute());
  await insertInBatches(plan.criteria, (b) => trx.insertInto('award_criteria').values(b).execute());
  await insertInBatches(blobRows, (b) => trx.insertInto('blobs').values(b).execute());
  await insertInBatches(documentRows, (b) => trx.insertInto('tender_documents').values(b).execute());
  await insertInBatches(plan.retrievals, (b) => trx.insertInto('retrievals').values(b).execute());
  await insertInBatches(plan.clarifications, (b) => trx.insertInto('clarifications').values(b).execute());
  const actorType = actor.type;
  const audit = plan.transitions.map((t) => ({
    id: uuidv7(t.at.getTime()),
    occurred_at: t.at,
    actor_type: actorType,
    actor_user_id: null,
    organisation_id: t.buyerId,
    action: auditActionOf[t.event],
    subject_type: 'tender',
    subject_id: t.tenderId,
    before: null,
    after: JSON.stringify({ demo: true, event: t.event }),
  }));
  await insertInBatches(audit, (b) => trx.insertInto('audit_events').values(b).execute());
  for (const c of plan.counters) {
    await trx
      .insertInto('reference_counters')
      .values({ scope: 'tender', year: c.year, last_value: c.last })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'year'])
          .doUpdateSet({ last_value: sql`greatest(reference_counters.last_value, ${c.last})` }),
      )
      .execute();
  }
  return {
    tenders: plan.tenders.length,
    documents: documentRows.length,
    questions: plan.clarifications.length,
    retrievals: plan.retrievals.length,
  };
}
