import type { CompanySize } from '../../../platform/db/schema.js';

/** What a company registry knows of an establishment, as the profile form uses it. */
export interface CompanyRecord {
  siret: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  department: string;
  naf: string;
  legalCategory: string;
  size: CompanySize | null;
  headOffice: boolean;
  isEss: boolean;
  isSiae: boolean;
}

/**
 * The port: finds an establishment by its SIRET. `null` when the registry does not know it;
 * throws `RegistryUnavailable` when it cannot answer (down, slow, malformed answer).
 */
export interface CompanyRegistry {
  readonly source: 'embedded' | 'http';
  lookup(siret: string): Promise<CompanyRecord | null>;
}

export class RegistryUnavailable extends Error {}

/** The outcome shown to the person: the registry never blocks the form. */
export type LookupOutcome =
  | { status: 'found'; record: CompanyRecord; source: 'embedded' | 'http' }
  | { status: 'unknown' }
  | { status: 'unavailable' };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * INSEE headcount bands (`tranche_effectif_salarie`): NN (none), 00 (0), 01 (1–2), 02 (3–5),
 * 03 (6–9) make a micro-enterprise (TPE); otherwise the INSEE category (PME, ETI, GE) decides.
 */
export function sizeOf(category: unknown, headcountBand: unknown): CompanySize | null {
  const band = text(headcountBand);
  if (['NN', '00', '01', '02', '03'].includes(band) && category !== 'ETI' && category !== 'GE') return 'TPE';
  if (category === 'PME' || category === 'ETI' || category === 'GE') return category;
  return null;
}

/** "93100 MONTREUIL" at the end of a one-line address is the postal code and city: keep the street. */
function streetOf(address: string, postalCode: string): string {
  const at = postalCode ? address.lastIndexOf(postalCode) : -1;
  return (at > 0 ? address.slice(0, at) : address).trim().slice(0, 300);
}

/**
 * Reads an answer of recherche-entreprises.api.gouv.fr `/search?q=<siret>`: `results[]` of
 * companies (`siren`, `nom_complet`, `nature_juridique`, `activite_principale`,
 * `categorie_entreprise`, `tranche_effectif_salarie`, `siege`, `matching_etablissements[]`,
 * `complements.est_ess` / `est_siae`); establishments carry `siret`, `adresse`, `code_postal`,
 * `libelle_commune`, `departement`, `activite_principale`, `est_siege`. Anything that does not
 * have this shape is a malformed answer (the caller treats it as the registry being unavailable).
 */
export function recordFromSearchAnswer(body: unknown, siret: string): CompanyRecord | null | 'malformed' {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { results?: unknown }).results)) {
    return 'malformed';
  }
  for (const company of (body as { results: unknown[] }).results) {
    if (!company || typeof company !== 'object') continue;
    const c = company as Record<string, unknown>;
    if (text(c.siren) !== siret.slice(0, 9)) continue;
    const establishments = [c.siege, ...(Array.isArray(c.matching_etablissements) ? c.matching_etablissements : [])];
    const found = establishments.find(
      (e): e is Record<string, unknown> =>
        !!e && typeof e === 'object' && text((e as { siret?: unknown }).siret) === siret,
    );
    if (!found) continue;
    const complements = (c.complements && typeof c.complements === 'object' ? c.complements : {}) as Record<
      string,
      unknown
    >;
    const postalCode = /^\d{5}$/.test(text(found.code_postal)) ? text(found.code_postal) : '';
    const naf = text(found.activite_principale) || text(c.activite_principale);
    return {
      siret,
      name: (text(c.nom_raison_sociale) || text(c.nom_complet)).slice(0, 200),
      address: streetOf(text(found.adresse), postalCode),
      postalCode,
      city: text(found.libelle_commune).slice(0, 120),
      department: text(found.departement),
      naf,
      legalCategory: text(c.nature_juridique),
      size: sizeOf(c.categorie_entreprise, c.tranche_effectif_salarie),
      headOffice: found.est_siege === true,
      isEss: complements.est_ess === true,
      isSiae: complements.est_siae === true,
    };
  }
  return null;
}
