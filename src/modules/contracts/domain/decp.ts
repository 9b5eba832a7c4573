/**
 * The essential data of a contract (données essentielles de la commande publique, DECP), format
 * of the arrêté of 22 December 2022 (schema 2.0.3, `data/reference/decp/`): the "marche" object,
 * its check against the schema's mandatory fields and lists, and its XML form. Pure, no I/O.
 */

export const natures = ['Marché', 'Marché de partenariat', 'Marché de défense ou de sécurité'] as const;
export const procedures = [
  'Procédure adaptée',
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  'Procédure avec négociation',
  'Marché passé sans publicité ni mise en concurrence préalable',
  'Dialogue compétitif',
] as const;
export const techniques = [
  'Accord-cadre',
  'Concours',
  'Système de qualification',
  "Système d'acquisition dynamique",
  'Catalogue électronique',
  'Enchère électronique',
  'Sans objet',
] as const;
export const executionModes = ['Tranches', 'Bons de commande', 'Marchés subséquents', 'Sans objet'] as const;
export const ccags = [
  'Travaux',
  "Maitrise d'œuvre",
  'Fournitures courantes et services',
  'Marchés industriels',
  'Prestations intellectuelles',
  "Techniques de l'information et de la communication",
  'Pas de CCAG',
] as const;
export const groupingTypes = ['Conjoint', 'Solidaire', 'Pas de groupement'] as const;
export const placeTypes = [
  'Code postal',
  'Code commune',
  'Code arrondissement',
  'Code canton',
  'Code département',
  'Code région',
  'Code pays',
] as const;
/** type de prix: ferme, actualisable, révisable (définitifs) or provisional */
export const priceTypes = ['Définitif ferme', 'Définitif actualisable', 'Définitif révisable', 'Provisoire'] as const;
export const priceForms = ['Unitaire', 'Forfaitaire', 'Mixte'] as const;
export const socialConsiderations = [
  'Clause sociale',
  'Critère social',
  'Marché réservé',
  'Pas de considération sociale',
] as const;
export const environmentalConsiderations = [
  'Clause environnementale',
  'Critère environnemental',
  'Pas de considération environnementale',
] as const;
export const priceVariations = ['Ferme', 'Actualisable', 'Révisable'] as const;

/** What the record is built from: the contract as the platform keeps it. */
export interface DecpSource {
  decpId: string;
  buyerSiret: string;
  nature: string;
  object: string;
  cpvCode: string | null;
  techniques: string[];
  executionModes: string[];
  frameworkAgreementId: string | null;
  innovative: boolean;
  ccag: string | null;
  offersReceived: number | null;
  advanceGranted: boolean;
  advanceRate: number | null;
  groupingType: string;
  subcontractingDeclared: boolean;
  procedure: string | null;
  placeCode: string | null;
  placeType: string | null;
  durationMonths: number | null;
  notificationDate: string | null;
  /** first publication of the data: never changes afterwards */
  publicationDate: string;
  amountCents: number | null;
  priceTypes: string[];
  priceForm: string | null;
  contractors: { name: string; siret: string | null }[];
  socialConsiderations: string[];
  environmentalConsiderations: string[];
  subcontracts: {
    number: number;
    siret: string;
    durationMonths: number;
    notifiedOn: string;
    publishedOn: string;
    amountCents: number;
    priceVariation: string;
  }[];
  modifications: {
    number: number;
    notifiedOn: string;
    publishedOn: string;
    durationMonths: number | null;
    amountCents: number | null;
  }[];
}

export type DecpMarche = Record<string, unknown>;

const euros = (cents: number) => Math.round(cents) / 100;

/** The "marche" object, properties in the schema's order; absent optional data is left out. */
export function buildMarche(s: DecpSource): DecpMarche {
  const marche: DecpMarche = {
    id: s.decpId,
    acheteur: { id: s.buyerSiret },
    nature: s.nature,
    objet: s.object,
    codeCPV: s.cpvCode ?? undefined,
    techniques: { technique: s.techniques },
    modalitesExecution: { modaliteExecution: s.executionModes },
    idAccordCadre: s.frameworkAgreementId ?? undefined,
    marcheInnovant: s.innovative,
    ccag: s.ccag ?? undefined,
    offresRecues: s.offersReceived ?? undefined,
    attributionAvance: s.advanceGranted,
    tauxAvance: s.advanceGranted ? (s.advanceRate ?? 0) : undefined,
    typeGroupementOperateurs: s.groupingType,
    sousTraitanceDeclaree: s.subcontractingDeclared,
    actesSousTraitance: s.subcontracts.length
      ? s.subcontracts.map((a) => ({
          acteSousTraitance: {
            id: a.number,
            sousTraitant: { id: a.siret, typeIdentifiant: 'SIRET' },
            dureeMois: a.durationMonths,
            dateNotification: a.notifiedOn,
            datePublicationDonnees: a.publishedOn,
            montant: euros(a.amountCents),
            variationPrix: a.priceVariation,
          },
        }))
      : undefined,
    procedure: s.procedure ?? undefined,
    lieuExecution: s.placeCode || s.placeType ? { code: s.placeCode ?? '', typeCode: s.placeType ?? '' } : undefined,
    dureeMois: s.durationMonths ?? undefined,
    dateNotification: s.notificationDate ?? undefined,
    datePublicationDonnees: s.publicationDate,
    montant: s.amountCents === null ? undefined : euros(s.amountCents),
    typesPrix: { typePrix: s.priceTypes },
    formePrix: s.priceForm ?? undefined,
    titulaires: s.contractors.map((c) => ({ titulaire: { typeIdentifiant: 'SIRET', id: c.siret ?? '' } })),
    considerationsSociales: { considerationSociale: s.socialConsiderations },
    considerationsEnvironnementales: { considerationEnvironnementale: s.environmentalConsiderations },
    modifications: s.modifications.length
      ? s.modifications.map((m) => ({
          modification: {
            id: m.number,
            dateNotificationModification: m.notifiedOn,
            datePublicationDonneesModification: m.publishedOn,
            dureeMois: m.durationMonths ?? undefined,
            montant: m.amountCents === null ? undefined : euros(m.amountCents),
          },
        }))
      : undefined,
  };
  return JSON.parse(JSON.stringify(marche)) as DecpMarche;
}

/** A property of the record that breaks the schema, named as in the DECP. */
export interface DecpProblem {
  property: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const isList = (value: unknown, allowed: readonly string[]) =>
  Array.isArray(value) &&
  value.length > 0 &&
  new Set(value).size === value.length &&
  value.every((v) => allowed.includes(v as string));

/**
 * The mandatory properties of a "marche" and their lists, patterns and bounds, as the official
 * schema states them (tests check this function and the schema agree on valid and broken records).
 */
export function decpProblems(m: DecpMarche): DecpProblem[] {
  const problems: DecpProblem[] = [];
  const check = (property: string, ok: boolean) => {
    if (!ok) problems.push({ property });
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const id = str(m.id);
  check('id', id.length >= 1 && id.length <= 16);
  check('acheteur', /^[0-9]{14}$/.test(str((m.acheteur as { id?: unknown } | undefined)?.id)));
  check('nature', natures.includes(m.nature as never));
  check('objet', str(m.objet).length >= 1 && str(m.objet).length <= 1000);
  check('codeCPV', /^[0-9]{8}(-[0-9])?$/.test(str(m.codeCPV)));
  check('techniques', isList((m.techniques as { technique?: unknown } | undefined)?.technique, techniques));
  check(
    'modalitesExecution',
    isList((m.modalitesExecution as { modaliteExecution?: unknown } | undefined)?.modaliteExecution, executionModes),
  );
  if (m.idAccordCadre !== undefined)
    check('idAccordCadre', str(m.idAccordCadre).length >= 1 && str(m.idAccordCadre).length <= 16);
  check('marcheInnovant', typeof m.marcheInnovant === 'boolean');
  check('ccag', ccags.includes(m.ccag as never));
  check('offresRecues', Number.isInteger(m.offresRecues) && (m.offresRecues as number) >= 1);
  check('attributionAvance', typeof m.attributionAvance === 'boolean');
  if (m.tauxAvance !== undefined) {
    check('tauxAvance', typeof m.tauxAvance === 'number' && m.tauxAvance >= 0 && m.tauxAvance <= 1);
  }
  check('typeGroupementOperateurs', groupingTypes.includes(m.typeGroupementOperateurs as never));
  check('sousTraitanceDeclaree', typeof m.sousTraitanceDeclaree === 'boolean');
  check('procedure', procedures.includes(m.procedure as never));
  const place = m.lieuExecution as { code?: unknown; typeCode?: unknown } | undefined;
  check('lieuExecution', str(place?.code).length > 0 && placeTypes.includes(place?.typeCode as never));
  check('dureeMois', Number.isInteger(m.dureeMois) && (m.dureeMois as number) >= 1);
  check('dateNotification', datePattern.test(str(m.dateNotification)));
  check('datePublicationDonnees', datePattern.test(str(m.datePublicationDonnees)));
  check('montant', typeof m.montant === 'number' && m.montant >= 1);
  check('typesPrix', isList((m.typesPrix as { typePrix?: unknown } | undefined)?.typePrix, priceTypes));
  check('formePrix', priceForms.includes(m.formePrix as never));
  const holders = m.titulaires as { titulaire?: { id?: unknown } }[] | undefined;
  check(
    'titulaires',
    Array.isArray(holders) && holders.length > 0 && holders.every((h) => str(h.titulaire?.id).length > 0),
  );
  check(
    'considerationsSociales',
    isList(
      (m.considerationsSociales as { considerationSociale?: unknown } | undefined)?.considerationSociale,
      socialConsiderations,
    ),
  );
  check(
    'considerationsEnvironnementales',
    isList(
      (m.considerationsEnvironnementales as { considerationEnvironnementale?: unknown } | undefined)
        ?.considerationEnvironnementale,
      environmentalConsiderations,
    ),
  );
  return problems;
}

function escapeXml(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

function element(name: string, value: unknown, indent: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return value.map((v) => element(name, v, indent)).join('');
    }
    // [{ titulaire: {…} }, …] → <titulaires><titulaire>…</titulaire>…</titulaires>
    const inner = value
      .map((item) =>
        Object.entries(item as Record<string, unknown>)
          .map(([k, v]) => element(k, v, `${indent}  `))
          .join(''),
      )
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** The XML document of the schema's XSD: `<marches>` with one `<marche>` per record. */
export function marchesXml(records: DecpMarche[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<marches>\n${records.map((r) => element('marche', r, '  ')).join('')}</marches>\n`;
}

/** The JSON document of the schema: `{ "marches": { "marche": [...] } }`. */
export function marchesJson(records: DecpMarche[]): { marches: { marche: DecpMarche[] } } {
  return { marches: { marche: records } };
}
