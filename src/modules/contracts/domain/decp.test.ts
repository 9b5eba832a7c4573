import { describe, expect, it } from 'vitest';
import { jsonSchemaErrors, officialExampleXml, xsdErrors } from '../testSchemas.js';
import { buildMarche, type DecpSource, decpProblems, marchesJson, marchesXml } from './decp.js';

const source: DecpSource = {
  decpId: 'HA202600000001',
  buyerSiret: '21930048000015',
  nature: 'Marché',
  object: 'Rénovation énergétique du groupe scolaire Jules-Ferry & gymnase <annexe>',
  cpvCode: '45210000',
  techniques: ['Sans objet'],
  executionModes: ['Tranches'],
  frameworkAgreementId: null,
  innovative: false,
  ccag: 'Travaux',
  offersReceived: 3,
  advanceGranted: true,
  advanceRate: 0.05,
  groupingType: 'Conjoint',
  subcontractingDeclared: true,
  procedure: "Appel d'offres ouvert",
  placeCode: '93',
  placeType: 'Code département',
  durationMonths: 18,
  notificationDate: '2026-11-20',
  publicationDate: '2026-11-20',
  amountCents: 125_000_050,
  priceTypes: ['Définitif révisable'],
  priceForm: 'Forfaitaire',
  contractors: [
    { name: 'Bâtiment Durable', siret: '73282932000074' },
    { name: 'Charpentes Réunies', siret: '55204599900869' },
  ],
  socialConsiderations: ['Clause sociale'],
  environmentalConsiderations: ['Clause environnementale', 'Critère environnemental'],
  subcontracts: [
    {
      number: 1,
      siret: '44306184100047',
      durationMonths: 6,
      notifiedOn: '2026-12-01',
      publishedOn: '2026-12-01',
      amountCents: 2_000_000,
      priceVariation: 'Révisable',
    },
  ],
  modifications: [
    { number: 1, notifiedOn: '2027-01-10', publishedOn: '2027-01-11', durationMonths: 20, amountCents: 130_000_000 },
  ],
};

describe('DECP records', () => {
  it('builds a record valid against the official JSON schema and XSD, with acts and modifications', async () => {
    const record = buildMarche(source);
    expect(decpProblems(record)).toEqual([]);
    expect(jsonSchemaErrors(marchesJson([record]))).toEqual([]);
    expect(await xsdErrors(marchesXml([record]))).toEqual([]);
    expect(record.montant).toBe(1_250_000.5);
    expect(record.tauxAvance).toBe(0.05);
  });

  it('the XSD accepts the official example and an empty export (the validator can say yes)', async () => {
    expect(await xsdErrors(officialExampleXml)).toEqual([]);
    expect(await xsdErrors(marchesXml([]))).toEqual([]);
    expect(jsonSchemaErrors(marchesJson([]))).toEqual([]);
  });

  it.each([
    ['montant', { amountCents: null }],
    ['codeCPV', { cpvCode: null }],
    ['ccag', { ccag: null }],
    ['formePrix', { priceForm: null }],
    ['typesPrix', { priceTypes: [] }],
    ['procedure', { procedure: null }],
    ['lieuExecution', { placeCode: null, placeType: null }],
    ['dureeMois', { durationMonths: null }],
    ['offresRecues', { offersReceived: null }],
    ['considerationsSociales', { socialConsiderations: [] }],
  ] as [string, Partial<DecpSource>][])(
    'a record without %s is refused by the domain check, the schema and the XSD',
    async (property, change) => {
      const record = buildMarche({ ...source, ...change });
      expect(decpProblems(record).map((p) => p.property)).toContain(property);
      expect(jsonSchemaErrors(marchesJson([record])).length).toBeGreaterThan(0);
      expect((await xsdErrors(marchesXml([record]))).length).toBeGreaterThan(0);
    },
  );

  it('refuses a contractor without SIRET, which the schema would let through as an empty id', () => {
    const record = buildMarche({ ...source, contractors: [{ name: 'Sans SIRET', siret: null }] });
    expect(decpProblems(record).map((p) => p.property)).toEqual(['titulaires']);
  });

  it('a mutated record (a mandatory property removed) is invalid for the JSON schema and the XSD', async () => {
    for (const property of ['acheteur', 'nature', 'objet', 'montant', 'dateNotification', 'titulaires']) {
      const record = buildMarche(source);
      delete record[property];
      expect(jsonSchemaErrors(marchesJson([record])), property).not.toEqual([]);
      expect(await xsdErrors(marchesXml([record])), property).not.toEqual([]);
      expect(decpProblems(record).map((p) => p.property)).toContain(property);
    }
  });

  it('escapes XML special characters', () => {
    const xml = marchesXml([buildMarche(source)]);
    expect(xml).toContain('Jules-Ferry &amp; gymnase &lt;annexe&gt;');
    expect(xml).toContain('<procedure>Appel d&apos;offres ouvert</procedure>');
  });
});
