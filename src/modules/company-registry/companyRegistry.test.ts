import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser, randomSiret } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { recordFromSearchAnswer, sizeOf } from './domain/registry.js';
import { httpRegistry } from './httpRegistry.js';

/** A SIRET of the embedded extract that no organisation of the platform holds. */
const newcomerSiret = '81234567600017';
const esc = (s: string) => s.replaceAll("'", '&#39;');

/** An answer in the format of recherche-entreprises.api.gouv.fr `/search?q=<siret>`. */
function searchAnswer(siret: string) {
  return {
    results: [
      {
        siren: siret.slice(0, 9),
        nom_complet: 'ATELIER DUPONT (ATELIER DUPONT)',
        nom_raison_sociale: 'ATELIER DUPONT',
        nature_juridique: '5499',
        activite_principale: '43.32A',
        categorie_entreprise: 'PME',
        tranche_effectif_salarie: '02',
        siege: {
          siret,
          adresse: '12 RUE DES LILAS 93100 MONTREUIL',
          code_postal: '93100',
          libelle_commune: 'MONTREUIL',
          departement: '93',
          activite_principale: '43.32A',
          est_siege: true,
        },
        matching_etablissements: [],
        complements: { est_ess: true, est_siae: false },
      },
    ],
    total_results: 1,
    page: 1,
    per_page: 10,
    total_pages: 1,
  };
}

/** The local HTTP peer: answers like the public service, or fails as told by the SIRET asked. */
let peer: http.Server;
let peerUrl: string;
const knownSiret = randomSiret();
const failingSiret = randomSiret();
const silentSiret = randomSiret();
const garbledSiret = randomSiret();

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  peer = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://peer').searchParams.get('q') ?? '';
    if (!req.url?.startsWith('/search')) return res.writeHead(404).end();
    if (q === failingSiret) return res.writeHead(503).end('maintenance');
    if (q === silentSiret) return; // never answers: the adapter's timeout decides
    res.writeHead(200, { 'content-type': 'application/json' });
    if (q === garbledSiret) return res.end('{"results": [');
    res.end(JSON.stringify(q === knownSiret ? searchAnswer(q) : { results: [], total_results: 0 }));
  });
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
  peer.closeAllConnections();
  await new Promise((resolve) => peer.close(resolve));
});

describe('registry answers (pure)', () => {
  it('reads the public search format, head office and establishment alike', () => {
    const record = recordFromSearchAnswer(searchAnswer('12345678200010'), '12345678200010');
    expect(record).toEqual({
      siret: '12345678200010',
      name: 'ATELIER DUPONT',
      address: '12 RUE DES LILAS',
      postalCode: '93100',
      city: 'MONTREUIL',
      department: '93',
      naf: '43.32A',
      legalCategory: '5499',
      size: 'TPE',
      headOffice: true,
      isEss: true,
      isSiae: false,
    });
    expect(recordFromSearchAnswer({ results: [] }, '12345678200010')).toBeNull();
    expect(recordFromSearchAnswer({ error: 'x' }, '12345678200010')).toBe('malformed');
    expect(recordFromSearchAnswer(searchAnswer('12345678200010'), '12345678200028')).toBeNull();
  });

  it('derives the size from the INSEE category and headcount band', () => {
    expect(sizeOf('PME', '12')).toBe('PME');
    expect(sizeOf('PME', 'NN')).toBe('TPE');
    expect(sizeOf('GE', '53')).toBe('GE');
    expect(sizeOf(null, null)).toBeNull();
  });
});

describe('HTTP registry adapter against a local peer', () => {
  it('finds a company, reports an unknown SIRET, and fails on errors, garbage and silence', async () => {
    const registry = httpRegistry(peerUrl, 300);
    expect(await registry.lookup(knownSiret)).toMatchObject({ name: 'ATELIER DUPONT', postalCode: '93100' });
    expect(await registry.lookup(randomSiret())).toBeNull();
    for (const siret of [failingSiret, garbledSiret, silentSiret]) {
      await expect(registry.lookup(siret)).rejects.toThrow();
    }
  });
});

describe('sign-up from a SIRET', () => {
  it('refuses a SIRET with a wrong check digit, accepts La Poste’s by the sum rule', async () => {
    const browser = new TestBrowser(app);
    const bad = await browser.post('/inscription/siret', { siret: '123 456 789 00011' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(esc('Ce SIRET n’est pas valide (clé de contrôle)'));
    const short = await browser.post('/inscription/siret', { siret: '1234' });
    expect(short.body).toContain('Le SIRET doit comporter 14 chiffres.');
    // 356 000 000 10000 fails Luhn but its digits add up to a multiple of 5
    const laPoste = await browser.post('/inscription/siret', { siret: '35600000010000' });
    expect(laPoste.statusCode).toBe(200);
    expect(laPoste.body).toContain('value="35600000010000"');
  });

  it('fills the sign-up form from the embedded registry', async () => {
    const res = await new TestBrowser(app).post('/inscription/siret', { siret: newcomerSiret });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nous avons trouvé votre entreprise');
    expect(res.body).toContain('value="Menuiserie Lefèvre SARL"');
    expect(res.body).toContain('action="/inscription"');
  });

  it('asks to join a company whose SIRET is already registered; its administrators get the request', async () => {
    const company = await createOrganisation(rt, { kind: 'company' });
    const admin = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const browser = new TestBrowser(app);
    const res = await browser.post('/inscription/siret', { siret: company.siret });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Votre entreprise est déjà inscrite');
    expect(res.body).not.toContain(company.name);
    const sent = await browser.post(
      '/inscription/siret/rejoindre',
      {
        siret: company.siret,
        person_name: 'Léa Petit',
        email: 'lea.petit@exemple.fr',
        message: 'Je suis la nouvelle comptable',
      },
      { csrf: browser.csrf() },
    );
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Votre demande a été transmise');
    const mails = await mailsTo(rt, admin.email, 'registry.join_request');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain('lea.petit@exemple.fr');
    // a bad e-mail writes nothing
    const invalid = await browser.post(
      '/inscription/siret/rejoindre',
      { siret: company.siret, person_name: 'X', email: 'pas-une-adresse' },
      { csrf: browser.csrf() },
    );
    expect(invalid.statusCode).toBe(400);
    expect(await mailsTo(rt, admin.email, 'registry.join_request')).toHaveLength(1);
  });

  it('lets the person type everything by hand when the registry is down', async () => {
    const downRt = await createTestRuntime({ COMPANY_REGISTRY_URL: peerUrl, COMPANY_REGISTRY_TIMEOUT_MS: '300' });
    const downApp = await buildServer(downRt);
    try {
      const browser = new TestBrowser(downApp);
      const down = await browser.post('/inscription/siret', { siret: failingSiret });
      expect(down.statusCode).toBe(200);
      expect(down.body).toContain('Le répertoire des entreprises ne répond pas');
      expect(down.body).toContain(`value="${failingSiret}"`);
      const found = await browser.post('/inscription/siret', { siret: knownSiret });
      expect(found.body).toContain('value="ATELIER DUPONT"');
      const unknown = await browser.post('/inscription/siret', { siret: randomSiret() });
      expect(unknown.body).toContain('pas dans le répertoire');
    } finally {
      await downApp.close();
      await downRt.close();
    }
  });
});

describe('company profile', () => {
  it('an administrator completes the profile; invalid fields are refused and nothing is saved', async () => {
    const { browser, orgId } = await signedInAs(rt, app, 'company_admin');
    const page = await browser.get('/mon-espace/entreprise');
    expect(page.statusCode).toBe(200);
    const lookup = await browser.post('/mon-espace/entreprise/registre', {}, { from: '/mon-espace/entreprise' });
    expect(lookup.body).toContain('pas dans le répertoire');
    const fields = {
      name: 'Société Test',
      address: '3 rue Lafayette',
      postal_code: '75009',
      city: 'Paris',
      department: '75',
      naf: '43.21A',
      legal_category: '5710',
      size: 'PME',
      head_office: 'on',
      description: 'Électricité générale',
      keywords: 'électricité, courants faibles',
      cpv_codes: '45310000, 45311000-0',
    };
    const invalid = await browser.post(
      '/mon-espace/entreprise',
      { ...fields, postal_code: '7500' },
      { from: '/mon-espace/entreprise' },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Le code postal comporte 5 chiffres.');
    expect(
      await rt.db.selectFrom('company_profiles').selectAll().where('organisation_id', '=', orgId).execute(),
    ).toEqual([]);
    const saved = await browser.post('/mon-espace/entreprise', fields, { from: '/mon-espace/entreprise' });
    expect(saved.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('company_profiles')
      .selectAll()
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ postal_code: '75009', cpv_codes: ['45310000', '45311000'], head_office: true });
    const org = await rt.db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Société Test', legal_category: '5710' });
    const audit = await rt.db.selectFrom('audit_events').select('action').where('subject_id', '=', orgId).execute();
    expect(audit.map((a) => a.action)).toContain('company.profile.saved');
  });

  it('members read, only administrators change; buyers have no company profile', async () => {
    const member = await signedInAs(rt, app, 'company_member');
    expect((await member.browser.get('/mon-espace/entreprise')).body).toContain('Seuls les administrateurs');
    const refused = await member.browser.post(
      '/mon-espace/entreprise',
      { name: 'Pirate' },
      { from: '/mon-espace/entreprise' },
    );
    expect(refused.statusCode).toBe(403);
    const buyer = await signedInAs(rt, app, 'buyer_admin');
    expect((await buyer.browser.get('/mon-espace/entreprise')).statusCode).toBe(403);
    expect((await new TestBrowser(app).get('/mon-espace/entreprise')).statusCode).toBe(303);
  });
});
