import { platformOrganisationName } from '../modules/installation/index.js';
import { completeSiret, luhnValid } from '../modules/organisations/index.js';
import type { CompanySize, OrganisationKind, Role } from '../platform/db/schema.js';
import { createPrng, type Prng } from './prng.js';
import type { Commune, DemoReference, Epci } from './reference.js';
import {
  brandEnds,
  brandStarts,
  familyNames,
  firstNames,
  placeByDepartment,
  type Sector,
  sectorWeights,
  tradeByNaf,
} from './vocabulary.js';

/** The password of every demo account, documented in the README and printed at first start. */
export const demoPassword = 'Demo-Halle-2026!';
export const demoSeed = 20260101;
const demoCompanyCount = 150;

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  legalCategory: string | null;
  naf: string | null;
  size: CompanySize | null;
  department: string | null;
  city: string | null;
  isEss: boolean;
  isSiae: boolean;
  memberSince: string | null;
  /** when the organisation joined the platform (ISO date) */
  joinedOn: string;
}

export interface DemoUser {
  email: string;
  name: string;
  joinedOn: string;
}

export interface DemoMembership {
  email: string;
  organisationKey: string;
  role: Role;
}

/** An account whose e-mail is documented, to try each role of the platform. */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisationName: string;
}

export interface DemoData {
  organisations: DemoOrganisation[];
  users: DemoUser[];
  memberships: DemoMembership[];
  accounts: DemoAccount[];
}

const idfDepartments = ['75', '77', '78', '91', '92', '93', '94', '95'] as const;

/** Communes that are demo buyers (INSEE codes), a few per department of Île-de-France. */
const buyerCommunes: Record<string, string> = {
  '77284': 'Meaux',
  '77108': 'Chelles',
  '77288': 'Melun',
  '78646': 'Versailles',
  '78586': 'Sartrouville',
  '78361': 'Mantes-la-Jolie',
  '78498': 'Poissy',
  '91228': 'Évry-Courcouronnes',
  '91377': 'Massy',
  '91477': 'Palaiseau',
  '92012': 'Boulogne-Billancourt',
  '92050': 'Nanterre',
  '92040': 'Issy-les-Moulineaux',
  '92025': 'Colombes',
  '93066': 'Saint-Denis',
  '93048': 'Montreuil',
  '93001': 'Aubervilliers',
  '93055': 'Pantin',
  '94081': 'Vitry-sur-Seine',
  '94028': 'Créteil',
  '94080': 'Vincennes',
  '95018': 'Argenteuil',
  '95127': 'Cergy',
};

/** Seat of each intercommunality (not in the EPCI list): department and city. */
const epciSeats: Record<string, { department: string; city: string }> = {
  '200054781': { department: '75', city: 'Paris' },
  '200055655': { department: '95', city: 'Roissy-en-France' },
  '200056232': { department: '91', city: 'Orsay' },
  '200057859': { department: '91', city: 'Sainte-Geneviève-des-Bois' },
  '200058485': { department: '95', city: 'Beauchamp' },
  '200058782': { department: '78', city: 'Trappes' },
  '200059228': { department: '91', city: 'Évry-Courcouronnes' },
  '200059889': { department: '78', city: 'Aubergenville' },
};

/** INSEE legal categories of intercommunalities by type. */
const epciLegalCategory: Record<string, string> = { METRO: '7344', CU: '7343', CA: '7348', CC: '7346' };

const epciPrefixes: Record<string, string> = {
  CA: 'Communauté d’agglomération',
  CU: 'Communauté urbaine',
  CC: 'Communauté de communes',
};

/**
 * "CA Communauté Paris-Saclay" → "Communauté d’agglomération Paris-Saclay"; a name that
 * already says what it is ("CA Coeur d'Essonne Agglomération") keeps only its own words.
 */
export function epciDisplayName(epci: Epci): string {
  const name = epci.name.replaceAll("'", '’');
  const prefix = epciPrefixes[epci.type];
  const match = /^(CA|CU|CC) (.*)$/.exec(name);
  if (!prefix || !match?.[2]) return name;
  const rest = match[2];
  if (/Agglo|Communauté urbaine|Communauté de communes/.test(rest)) return rest;
  return `${prefix} ${rest.replace(/^Communauté /, '')}`;
}

/** "de Montreuil", "d’Évry-Courcouronnes", "du Blanc-Mesnil", "des Mureaux": French elision. */
function ofPlace(place: string): string {
  if (place.startsWith('Le ')) return `du ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `des ${place.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔ]/.test(place)) return `d’${place}`;
  return `de ${place}`;
}

/** "Le Blanc-Mesnil" → "Ville du Blanc-Mesnil", "Évry-Courcouronnes" → "Ville d’Évry-Courcouronnes". */
export function townHallName(commune: string): string {
  return `Ville ${ofPlace(commune)}`;
}

/** Lower-case ASCII words joined by dashes, for e-mail addresses and domains. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function isoDate(prng: Prng, fromYear: number, toYear: number): string {
  const year = prng.int(fromYear, toYear);
  const month = prng.int(1, 12);
  const day = prng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A random SIREN made valid by its Luhn check digit; companies' SIRENs start with 3 to 9. */
function randomSiren(prng: Prng): string {
  const body = `${prng.int(3, 9)}${String(prng.int(0, 9_999_999)).padStart(7, '0')}`;
  for (let d = 0; d < 10; d++) {
    if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  }
  throw new Error('unreachable: one check digit always completes a Luhn number');
}

const legalForms = {
  SAS: { category: '5710', weight: 46 },
  SARL: { category: '5499', weight: 36 },
  SA: { category: '5599', weight: 10 },
  SCOP: { category: '5458', weight: 8 },
} as const;
type LegalForm = keyof typeof legalForms;

function fillPattern(prng: Prng, pattern: string, department: string): string {
  const family = prng.pick(familyNames);
  let second = prng.pick(familyNames);
  while (second === family) second = prng.pick(familyNames);
  const brand = `${prng.pick(brandStarts)}${prng.pick(brandEnds)}`;
  const place = prng.pick(placeByDepartment[department] ?? ['Île-de-France']);
  return pattern.replace('{F}', family).replace('{G}', second).replace('{B}', brand).replace('{P}', place);
}

/**
 * Builds the whole demo data set, deterministically from `seed`: the same accounts, names
 * and SIRETs on every machine. Pure: no I/O besides the reference extracts passed in.
 */
export function generateDemoData(reference: DemoReference, seed = demoSeed): DemoData {
  const prng = createPrng(seed);
  const organisations: DemoOrganisation[] = [];
  const users: DemoUser[] = [];
  const memberships: DemoMembership[] = [];
  const usedSirens = new Set<string>();
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();

  const addUser = (name: string, email: string, organisationKey: string, role: Role, joinedOn: string) => {
    usedEmails.add(email);
    users.push({ email, name, joinedOn });
    memberships.push({ email, organisationKey, role });
  };

  /** 1 to 3 people per organisation: the first one administers it. */
  const addStaff = (org: DemoOrganisation, adminRole: Role, memberRole: Role) => {
    const count = prng.weighted({ one: 45, two: 35, three: 20 });
    const n = count === 'one' ? 1 : count === 'two' ? 2 : 3;
    const domain = `${slug(org.name.replace(/ (SAS|SARL|SA|SCOP)$/, ''))}.example`;
    for (let i = 0; i < n; i++) {
      const first = prng.pick(firstNames);
      const family = prng.pick(familyNames);
      const local = `${slug(first)}.${slug(family)}`.replace(/-/g, '');
      let email = `${local}@${domain}`;
      for (let k = 2; usedEmails.has(email); k++) email = `${local}${k}@${domain}`;
      addUser(`${first} ${family}`, email, org.key, i === 0 ? adminRole : memberRole, org.joinedOn);
    }
  };

  // Buyers: real names and SIRENs of Île-de-France public bodies (see data/reference/demo).
  const buyer = (
    siren: string,
    name: string,
    legalCategory: string,
    department: string,
    city: string,
  ): DemoOrganisation => {
    usedSirens.add(siren);
    const memberSince = isoDate(prng, 2013, 2025);
    return {
      key: siren,
      kind: 'buyer',
      name,
      siret: completeSiret(siren),
      legalCategory,
      naf: null,
      size: null,
      department,
      city,
      isEss: false,
      isSiae: false,
      memberSince,
      joinedOn: memberSince,
    };
  };
  for (const b of reference.otherBuyers) {
    organisations.push(buyer(b.siren, b.name, b.legalCategory, b.department, b.city));
  }
  for (const e of reference.epcis) {
    const seat = epciSeats[e.siren];
    if (!seat) continue;
    organisations.push(
      buyer(e.siren, epciDisplayName(e), epciLegalCategory[e.type] ?? '7348', seat.department, seat.city),
    );
  }
  const communesByCode = new Map(reference.communes.map((c) => [c.inseeCode, c]));
  for (const code of Object.keys(buyerCommunes)) {
    const c = communesByCode.get(code);
    if (!c || usedSirens.has(c.siren)) continue;
    organisations.push(buyer(c.siren, townHallName(c.name), '7210', c.department, c.name));
  }

  // The demo buyer's accounts are documented; its other agents are generated like any other.
  const demoBuyer = organisations.find((o) => o.key === '219300480') ?? organisations[0];
  if (!demoBuyer) throw new Error('the demo reference data holds no buyer');
  for (const org of organisations) {
    if (org !== demoBuyer) addStaff(org, 'buyer_admin', 'buyer_agent');
  }

  // Companies: fictitious names, random SIRENs made valid by Luhn.
  const citiesByDepartment = new Map<string, Commune[]>();
  for (const c of reference.communes) {
    const list = citiesByDepartment.get(c.department) ?? [];
    list.push(c);
    citiesByDepartment.set(c.department, list);
  }
  const otherDepartments = [...citiesByDepartment.keys()].filter(
    (d) => !(idfDepartments as readonly string[]).includes(d),
  );
  const nafBySector = new Map<Sector, string[]>();
  const nafCodes = new Set(reference.naf.map((n) => n.code));
  for (const [code, trade] of Object.entries(tradeByNaf)) {
    if (!nafCodes.has(code)) continue;
    nafBySector.set(trade.sector, [...(nafBySector.get(trade.sector) ?? []), code]);
  }
  const weights = Object.fromEntries(
    Object.entries(sectorWeights).filter(([s]) => nafBySector.has(s as Sector)),
  ) as Record<Sector, number>;

  const company = (values: {
    name: string;
    naf: string;
    legalForm: LegalForm | 'association';
    size: CompanySize;
    department: string;
    city: string;
    isEss?: boolean;
    isSiae?: boolean;
  }): DemoOrganisation => {
    let siren = randomSiren(prng);
    while (usedSirens.has(siren)) siren = randomSiren(prng);
    usedSirens.add(siren);
    usedNames.add(values.name);
    const joinedOn = isoDate(prng, 2014, 2025);
    return {
      key: siren,
      kind: 'company',
      name: values.name,
      siret: completeSiret(siren),
      legalCategory: values.legalForm === 'association' ? '9220' : legalForms[values.legalForm].category,
      naf: values.naf,
      size: values.size,
      department: values.department,
      city: values.city,
      isEss: values.isEss ?? values.legalForm === 'SCOP',
      isSiae: values.isSiae ?? false,
      memberSince: null,
      joinedOn,
    };
  };

  const demoCompany = company({
    name: 'Durand Rénovation SAS',
    naf: '43.99C',
    legalForm: 'SAS',
    size: 'PME',
    department: '93',
    city: 'Montreuil',
  });
  organisations.push(demoCompany);

  // A few social-economy bodies and integration enterprises (SIAE), as on every regional platform.
  const siaeSpecs = [
    { pattern: 'Régie de quartier {C}', naf: '81.21Z', legalForm: 'association' as const },
    { pattern: 'Jardins solidaires {C}', naf: '81.30Z', legalForm: 'association' as const },
    { pattern: '{F} Insertion Bâtiment', naf: '43.34Z', legalForm: 'SAS' as const },
    { pattern: 'Régie de quartier {C}', naf: '81.21Z', legalForm: 'association' as const },
    { pattern: 'Ateliers {F} Insertion', naf: '18.12Z', legalForm: 'SAS' as const },
    { pattern: 'Net {F} Insertion', naf: '81.21Z', legalForm: 'SARL' as const },
  ];
  for (const spec of siaeSpecs) {
    const department = prng.pick(idfDepartments);
    const city = prng.pick(citiesByDepartment.get(department) ?? []).name;
    let name = fillPattern(prng, spec.pattern, department).replace('{C}', ofPlace(city));
    if (spec.legalForm !== 'association') name = `${name} ${spec.legalForm}`;
    if (usedNames.has(name)) continue;
    organisations.push(
      company({
        name,
        naf: spec.naf,
        legalForm: spec.legalForm,
        size: prng.chance(0.6) ? 'TPE' : 'PME',
        department,
        city,
        isEss: true,
        isSiae: true,
      }),
    );
  }

  const idfWeights = { '75': 25, '92': 14, '93': 14, '94': 12, '77': 9, '78': 9, '91': 9, '95': 8 } as const;
  let companies = organisations.filter((o) => o.kind === 'company').length;
  while (companies < demoCompanyCount) {
    const sector = prng.weighted(weights);
    const naf = prng.pick(nafBySector.get(sector) ?? []);
    const trade = tradeByNaf[naf];
    if (!trade) continue;
    const department =
      prng.chance(0.86) || otherDepartments.length === 0 ? prng.weighted(idfWeights) : prng.pick(otherDepartments);
    const city = prng.pick(citiesByDepartment.get(department) ?? [{ name: 'Paris' } as Commune]).name;
    const size = prng.weighted({ TPE: 40, PME: 45, ETI: 11, GE: 4 });
    let legalForm = prng.weighted(
      Object.fromEntries(Object.entries(legalForms).map(([k, v]) => [k, v.weight])) as Record<LegalForm, number>,
    );
    // Large companies are public limited or simplified companies, not cooperatives of a few people.
    if ((size === 'ETI' || size === 'GE') && (legalForm === 'SARL' || legalForm === 'SCOP')) legalForm = 'SA';
    const name = `${fillPattern(prng, prng.pick(trade.patterns), department)} ${legalForm}`;
    if (usedNames.has(name)) continue;
    organisations.push(company({ name, naf, legalForm, size, department, city }));
    companies++;
  }

  for (const org of organisations) {
    if (org.kind === 'company' && org !== demoCompany) addStaff(org, 'company_admin', 'company_member');
  }

  const platform: DemoOrganisation = {
    key: 'platform',
    kind: 'platform',
    name: platformOrganisationName,
    siret: null,
    legalCategory: null,
    naf: null,
    size: null,
    department: '75',
    city: 'Paris',
    isEss: false,
    isSiae: false,
    memberSince: null,
    joinedOn: '2013-01-02',
  };
  organisations.push(platform);

  const rivalCompany = organisations.find((o) => o.kind === 'company' && o !== demoCompany) as DemoOrganisation;
  const accounts: DemoAccount[] = [
    {
      email: 'admin@demo.halle.example',
      name: 'Nadia Benali',
      role: 'platform_admin',
      organisationName: platform.name,
    },
    {
      email: 'operateur@demo.halle.example',
      name: 'Thomas Girard',
      role: 'platform_operator',
      organisationName: platform.name,
    },
    {
      email: 'acheteur@demo.halle.example',
      name: 'Sophie Lambert',
      role: 'buyer_admin',
      organisationName: demoBuyer.name,
    },
    { email: 'agent@demo.halle.example', name: 'Julien Moreau', role: 'buyer_agent', organisationName: demoBuyer.name },
    // a third buyer agent: an opening committee needs two members and a backup holder
    {
      email: 'secours@demo.halle.example',
      name: 'Karim Haddad',
      role: 'buyer_agent',
      organisationName: demoBuyer.name,
    },
    {
      email: 'entreprise@demo.halle.example',
      name: 'Marc Durand',
      role: 'company_admin',
      organisationName: demoCompany.name,
    },
    {
      email: 'collaborateur@demo.halle.example',
      name: 'Léa Petit',
      role: 'company_member',
      organisationName: demoCompany.name,
    },
    // a second company, so that journeys can show two companies answering one tender
    {
      email: 'concurrente@demo.halle.example',
      name: 'Inès Roux',
      role: 'company_admin',
      organisationName: rivalCompany.name,
    },
  ];
  const keyByName = new Map([
    [platform.name, platform],
    [demoBuyer.name, demoBuyer],
    [demoCompany.name, demoCompany],
    [rivalCompany.name, rivalCompany],
  ]);
  for (const a of accounts) {
    const org = keyByName.get(a.organisationName) as DemoOrganisation;
    addUser(a.name, a.email, org.key, a.role, org.joinedOn);
  }

  return { organisations, users, memberships, accounts };
}
