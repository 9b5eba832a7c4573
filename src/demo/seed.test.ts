import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/support/browser.js';
import { createTestRuntime } from '../../test/support/runtime.js';
import { buildServer } from '../app/server.js';
import { jsonSchemaErrors } from '../modules/contracts/testSchemas.js';
import { checkSiren, checkSiret } from '../modules/organisations/index.js';
import type { Runtime } from '../platform/runtime.js';
import { seedDemoContractsOfAccounts } from './contracts.js';
import { demoPassword, epciDisplayName, generateDemoData, townHallName } from './generate.js';
import { loadDemoReference } from './reference.js';
import { seedDemo } from './seed.js';

const idf = ['75', '77', '78', '91', '92', '93', '94', '95'];

describe('demo data generation', () => {
  const reference = loadDemoReference();

  it('is deterministic: same accounts, names and SIRETs on every run', () => {
    const a = generateDemoData(reference);
    const b = generateDemoData(reference);
    expect(b.organisations.map((o) => [o.name, o.siret])).toEqual(a.organisations.map((o) => [o.name, o.siret]));
    expect(b.users.map((u) => u.email)).toEqual(a.users.map((u) => u.email));
    const other = generateDemoData(reference, 7);
    expect(other.organisations.map((o) => o.siret)).not.toEqual(a.organisations.map((o) => o.siret));
  });

  it('keeps only reference SIRENs that pass the Luhn check', () => {
    for (const row of [...reference.communes, ...reference.epcis, ...reference.otherBuyers]) {
      expect(checkSiren(row.siren), `${row.name} ${row.siren}`).toBeNull();
    }
    expect(reference.otherBuyers.map((b) => b.siren)).toEqual(
      expect.arrayContaining(['237500079', '217500016', '267500452', '344810825']),
    );
    // A copy of the extracts with one SIREN whose check digit is wrong: that row is dropped.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-demo-ref-'));
    try {
      const source = path.resolve('data/reference/demo');
      for (const f of ['communes.csv', 'epci.csv', 'naf.json'])
        fs.copyFileSync(path.join(source, f), path.join(dir, f));
      fs.writeFileSync(
        path.join(dir, 'other-buyers.csv'),
        'siren,nom,categorie_juridique,departement,ville\n237500079,Région Île-de-France,7230,93,Saint-Ouen-sur-Seine\n227800011,Faux département,7220,78,Versailles\n',
      );
      expect(loadDemoReference(dir).otherBuyers.map((b) => b.siren)).toEqual(['237500079']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names public bodies the French way', () => {
    expect(townHallName('Évry-Courcouronnes')).toBe('Ville d’Évry-Courcouronnes');
    expect(townHallName('Le Blanc-Mesnil')).toBe('Ville du Blanc-Mesnil');
    expect(townHallName('Les Mureaux')).toBe('Ville des Mureaux');
    expect(townHallName('Montreuil')).toBe('Ville de Montreuil');
    expect(epciDisplayName({ siren: '200056232', name: 'CA Communauté Paris-Saclay', type: 'CA' })).toBe(
      'Communauté d’agglomération Paris-Saclay',
    );
  });

  it('spreads companies over sizes, activities and departments, with a few ESS and SIAE', () => {
    const companies = generateDemoData(reference).organisations.filter((o) => o.kind === 'company');
    const nafCodes = new Set(reference.naf.map((n) => n.code));
    expect(companies.every((c) => c.naf !== null && nafCodes.has(c.naf))).toBe(true);
    expect(new Set(companies.map((c) => c.naf)).size).toBeGreaterThanOrEqual(30);
    const count = (size: string) => companies.filter((c) => c.size === size).length;
    expect(count('TPE') + count('PME')).toBeGreaterThan(count('ETI') + count('GE'));
    expect(count('GE')).toBeGreaterThan(0);
    const inIdf = companies.filter((c) => idf.includes(c.department ?? '')).length;
    expect(inIdf / companies.length).toBeGreaterThan(0.75);
    expect(inIdf).toBeLessThan(companies.length);
    expect(companies.filter((c) => c.isSiae).length).toBeGreaterThanOrEqual(3);
    expect(companies.filter((c) => c.isEss).length).toBeGreaterThan(companies.filter((c) => c.isSiae).length);
  });
});

describe('seedDemo', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await createTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('loads ~40 buyers and 150 companies with valid distinct SIRETs, then refuses a second run', async () => {
    // how long it takes is measured by bench/cold-start.mjs, not asserted here
    const result = await seedDemo(rt, { type: 'cli' });
    expect(result.status).toBe('seeded');

    const orgs = await rt.db.selectFrom('organisations').selectAll().execute();
    const buyers = orgs.filter((o) => o.kind === 'buyer');
    const companies = orgs.filter((o) => o.kind === 'company');
    expect(buyers.length).toBeGreaterThanOrEqual(35);
    expect(buyers.length).toBeLessThanOrEqual(45);
    expect(companies).toHaveLength(150);
    expect(orgs.filter((o) => o.kind === 'platform')).toHaveLength(1);
    const sirets = [...buyers, ...companies].map((o) => o.siret as string);
    expect(sirets.every((s) => checkSiret(s) === null)).toBe(true);
    expect(new Set(sirets).size).toBe(sirets.length);
    expect(buyers.every((b) => idf.includes(b.department ?? ''))).toBe(true);
    expect(buyers.every((b) => b.member_since !== null && /^[0-9]{4}$/.test(b.legal_category ?? ''))).toBe(true);
    expect(buyers.find((b) => b.siren === '237500079')?.name).toBe('Région Île-de-France');
    expect(buyers.find((b) => b.siren === '217500016')?.name).toBe('Ville de Paris');

    // Every organisation has 1 to 3 people, exactly one of them (at least) administering it.
    const memberships = await rt.db.selectFrom('memberships').selectAll().execute();
    for (const org of orgs) {
      const own = memberships.filter((m) => m.organisation_id === org.id);
      expect(own.length, org.name).toBeGreaterThanOrEqual(1);
      expect(own.length, org.name).toBeLessThanOrEqual(3);
      expect(
        own.some((m) => m.role.endsWith('_admin')),
        org.name,
      ).toBe(true);
    }
    const users = await rt.db.selectFrom('users').select(['email', 'password_hash']).execute();
    expect(users.every((u) => /@[a-z0-9.-]+\.example$/.test(u.email))).toBe(true);
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);

    const audit = await rt.db.selectFrom('audit_events').selectAll().where('action', '=', 'demo.seeded').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_type).toBe('cli');

    const again = await seedDemo(rt, { type: 'cli' });
    expect(again).toEqual({ status: 'not_empty', organisations: orgs.length });
    expect(await rt.db.selectFrom('organisations').select('id').execute()).toHaveLength(orgs.length);
    expect(
      await rt.db.selectFrom('audit_events').select('id').where('action', '=', 'demo.seeded').execute(),
    ).toHaveLength(1);
  });

  it('gives demo accounts that sign in with the documented password and the right roles', async () => {
    const app = await buildServer(rt);
    try {
      const roles = await rt.db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select(['users.email', 'memberships.role', 'organisations.kind'])
        .where('users.email', 'like', '%@demo.halle.example')
        .execute();
      const byEmail = Object.fromEntries(roles.map((r) => [r.email, r.role]));
      expect(byEmail).toEqual({
        'admin@demo.halle.example': 'platform_admin',
        'operateur@demo.halle.example': 'platform_operator',
        'acheteur@demo.halle.example': 'buyer_admin',
        'agent@demo.halle.example': 'buyer_agent',
        'secours@demo.halle.example': 'buyer_agent',
        'entreprise@demo.halle.example': 'company_admin',
        'collaborateur@demo.halle.example': 'company_member',
        'concurrente@demo.halle.example': 'company_admin',
      });
      const browser = new TestBrowser(app);
      await browser.signIn('acheteur@demo.halle.example', demoPassword);
      const home = await browser.get('/');
      expect(home.body).toContain('Sophie Lambert');
      expect(home.body).toContain('Ville de Montreuil');
    } finally {
      await app.close();
    }
  });

  it('gives the demo buyer running contracts, one won by the demo company, with valid essential data', async () => {
    expect(await seedDemoContractsOfAccounts(rt)).toBeGreaterThanOrEqual(2);
    const montreuil = await rt.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Ville de Montreuil')
      .executeTakeFirstOrThrow();
    const durand = await rt.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Durand Rénovation SAS')
      .executeTakeFirstOrThrow();
    const contracts = await rt.db.selectFrom('contracts').selectAll().where('buyer_id', '=', montreuil.id).execute();
    expect(contracts.every((c) => c.status === 'notified')).toBe(true);
    expect(contracts.some((c) => c.company_id === durand.id)).toBe(true);
    const records = await rt.db.selectFrom('decp_records').select(['kind', 'record']).execute();
    expect(records.filter((r) => r.kind === 'initial')).toHaveLength(contracts.length);
    expect(records.filter((r) => r.kind === 'modification')).toHaveLength(1);
    expect(jsonSchemaErrors({ marches: { marche: records.map((r) => r.record) } })).toEqual([]);
  });

  it('never loads demo data in production', async () => {
    const prodRt = { ...rt, config: { ...rt.config, env: 'production' as const } };
    const before = await rt.db.selectFrom('audit_events').select('id').execute();
    expect(await seedDemo(prodRt, { type: 'cli' })).toEqual({ status: 'production' });
    expect(await rt.db.selectFrom('audit_events').select('id').execute()).toHaveLength(before.length);
  });
});
