import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser, randomSiret } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { AppError } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { completeSiret, createOrganisation as createOrganisationUseCase } from '../organisations/index.js';

let rt: Runtime;
let app: FastifyInstance;
let platform: { id: string };
let operator: { id: string; email: string; password: string };
let admin: { id: string; email: string; password: string };
let companyAdmin: { id: string; email: string; password: string };
let company: { id: string; siret: string };
let mailId: string;
let auditId: string;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  platform = await createOrganisation(rt, { kind: 'platform', name: 'GIP Plateforme' });
  operator = await createUser(rt, {
    name: 'Olivia Opératrice',
    memberships: [{ organisationId: platform.id, role: 'platform_operator' }],
  });
  admin = await createUser(rt, { memberships: [{ organisationId: platform.id, role: 'platform_admin' }] });
  company = await createOrganisation(rt, { kind: 'company', name: 'Bâtiments Durand' });
  companyAdmin = await createUser(rt, {
    name: 'Alice Durand',
    memberships: [{ organisationId: company.id, role: 'company_admin' }],
  });
  mailId = await rt.db.transaction().execute((trx) =>
    queueMail(trx, rt.jobs, {
      to: 'lecteur@exemple.fr',
      subject: 'Invitation à rejoindre Halle',
      text: 'Bonjour,\nOuvrez ce lien : http://localhost:3000/invitation/abc',
      template: 'test.invitation',
    }),
  );
  await createOrganisationUseCase(
    rt,
    { type: 'cli' },
    { kind: 'company', name: 'Créée en ligne de commande', siret: randomSiret(), naf: '43.21a', isEss: true },
  );
  const event = await rt.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', 'organisations.organisation.created')
    .executeTakeFirstOrThrow();
  auditId = event.id;
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

/** The rows of the page's table: the account menu also shows organisation names. */
function tableOf(html: string): string {
  return html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0] ?? '';
}

async function browserFor(user: { email: string; password: string }): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}

function pages(): string[] {
  return [
    '/administration',
    '/administration/organisations',
    '/administration/organisations?type=buyer&q=commune&departement=75&page=1',
    '/administration/organisations/nouvelle',
    `/administration/organisations/${company.id}`,
    '/administration/journal',
    '/administration/journal?action=identity.',
    `/administration/journal/${auditId}`,
    '/administration/journal.csv',
    '/administration/courriels',
    `/administration/courriels/${mailId}`,
  ];
}

describe('back office access', () => {
  it('sends anonymous visitors to sign-in, and back to the page afterwards', async () => {
    const browser = new TestBrowser(app);
    for (const url of pages()) {
      const res = await browser.get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe(`/connexion?suite=${encodeURIComponent(url)}`);
    }
    const res = await browser.post('/connexion', {
      email: operator.email,
      password: operator.password,
      suite: '/administration/courriels',
    });
    expect(res.headers.location).toBe('/administration/courriels');
  });

  it('refuses a company administrator with 403 on every page, and creates nothing', async () => {
    const browser = await browserFor(companyAdmin);
    for (const url of pages()) {
      const res = await browser.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain("Vous n'avez pas accès à cette page.");
      expect(res.body).not.toContain('lecteur@exemple.fr');
    }
    const siret = randomSiret();
    const post = await browser.post(
      '/administration/organisations/nouvelle',
      { name: 'Commune pirate', siret, legalCategory: '7210', department: '75' },
      { from: '/' },
    );
    expect(post.statusCode).toBe(403);
    expect(await rt.db.selectFrom('organisations').select('id').where('siret', '=', siret).execute()).toHaveLength(0);
  });

  it('serves every page to platform operators and administrators', async () => {
    for (const user of [operator, admin]) {
      const browser = await browserFor(user);
      for (const url of pages()) {
        const res = await browser.get(url);
        expect(res.statusCode, url).toBe(200);
      }
      const home = await browser.get('/');
      expect(home.body).toContain('href="/administration"');
    }
  });

  it('refuses a platform role held in an organisation that is not the platform', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const misplaced = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'platform_operator' }] });
    const browser = await browserFor(misplaced);
    expect((await browser.get('/administration')).statusCode).toBe(403);
  });

  it('answers 404 for unknown or malformed identifiers', async () => {
    const browser = await browserFor(operator);
    for (const url of [
      '/administration/organisations/0190aaaa-0000-7000-8000-000000000000',
      '/administration/organisations/pas-un-identifiant',
      '/administration/journal/1',
      '/administration/courriels/0190aaaa-0000-7000-8000-000000000000',
    ]) {
      expect((await browser.get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('back office pages', () => {
  it('shows the dashboard figures', async () => {
    const browser = await browserFor(operator);
    const res = await browser.get('/administration');
    expect(res.body).toContain('Tableau de bord');
    const figure = (label: string) => {
      const match = res.body.match(new RegExp(`<strong>(\\d+)</strong>(?:<a [^>]*>)?${label}`));
      return Number(match?.[1]);
    };
    const companies = await rt.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'company')
      .executeTakeFirstOrThrow();
    expect(figure('entreprises')).toBe(companies.n);
    expect(figure('courriels en attente')).toBeGreaterThanOrEqual(1);
    // the sign-ins of this test are today's audit events
    expect(figure("événements d'audit aujourd’hui")).toBeGreaterThan(0);
  });

  it('lists organisations with filters and shows one with its members', async () => {
    const browser = await browserFor(operator);
    const all = await browser.get('/administration/organisations?type=company');
    expect(tableOf(all.body)).toContain('Bâtiments Durand');
    expect(tableOf(all.body)).not.toContain('GIP Plateforme');
    const byName = await browser.get('/administration/organisations?q=batiments');
    expect(byName.body).toContain('Bâtiments Durand');
    expect(byName.body).not.toContain('Créée en ligne de commande');
    const bySiret = await browser.get(`/administration/organisations?q=${company.siret.slice(0, 9)}`);
    expect(bySiret.body).toContain('Bâtiments Durand');
    const otherDepartment = await browser.get('/administration/organisations?q=batiments&departement=13');
    expect(tableOf(otherDepartment.body)).not.toContain('Bâtiments Durand');
    const wildcard = await browser.get('/administration/organisations?q=%25');
    expect(tableOf(wildcard.body)).not.toContain('Bâtiments Durand');
    const bad = await browser.get('/administration/organisations?departement=999&page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Saisissez un numéro de département');

    const detail = await browser.get(`/administration/organisations/${company.id}`);
    expect(detail.body).toContain('Bâtiments Durand');
    expect(detail.body).toContain('Alice Durand');
    expect(detail.body).toContain(companyAdmin.email);
    expect(detail.body).toContain('Administrateur');
  });

  it('paginates organisations by 50', async () => {
    // SIRETs of one SIREN: randomSiret() is slow (it scans NICs of invalid SIRENs)
    const siren = randomSiret().slice(0, 9);
    let nic = 10;
    for (let i = 0; i < 51; i++) {
      const siret = completeSiret(siren, nic);
      nic = Number(siret.slice(9)) + 1;
      await createOrganisation(rt, { kind: 'buyer', name: `Syndicat pagination ${i}`, siret });
    }
    const browser = await browserFor(operator);
    const first = await browser.get('/administration/organisations?q=syndicat%20pagination');
    expect(first.body.match(/Syndicat pagination \d+/g)).toHaveLength(50);
    expect(first.body).toContain('Page 1 sur 2 (51 résultats)');
    expect(first.body).toContain('href="/administration/organisations?q=syndicat+pagination&amp;page=2"');
    const second = await browser.get('/administration/organisations?q=syndicat+pagination&page=2');
    expect(second.body.match(/Syndicat pagination \d+/g)).toHaveLength(1);
  });

  it('shows the outbox, filtered by recipient, and a mail body as text', async () => {
    const browser = await browserFor(operator);
    const list = await browser.get('/administration/courriels?destinataire=LECTEUR@');
    expect(list.body).toContain('lecteur@exemple.fr');
    expect(list.body).toContain('Invitation à rejoindre Halle');
    expect(list.body).toContain('en attente');
    const none = await browser.get('/administration/courriels?destinataire=personne');
    expect(none.body).not.toContain('lecteur@exemple.fr');
    const mail = await browser.get(`/administration/courriels/${mailId}`);
    expect(mail.body).toContain(
      '<pre class="mail">Bonjour,\nOuvrez ce lien : http://localhost:3000/invitation/abc</pre>',
    );
  });
});

describe('registering a member buyer', () => {
  const form = (siret: string) => ({
    name: 'Commune de Montreuil',
    siret,
    legalCategory: '7210',
    department: '93',
    city: 'Montreuil',
    memberSince: '2026-01-01',
    memberUntil: '',
  });

  it('creates the buyer, records the audit event and shows the new organisation', async () => {
    const browser = await browserFor(operator);
    const siret = randomSiret();
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    const res = await browser.post('/administration/organisations/nouvelle', form(spaced));
    expect(res.statusCode).toBe(303);
    const row = await rt.db
      .selectFrom('organisations')
      .selectAll()
      .where('siret', '=', siret)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'buyer',
      name: 'Commune de Montreuil',
      legal_category: '7210',
      department: '93',
      city: 'Montreuil',
      member_since: '2026-01-01',
      member_until: null,
    });
    expect(res.headers.location).toBe(`/administration/organisations/${row.id}?inscrite=1`);
    const audit = await rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'organisations.organisation.created',
      actor_type: 'user',
      actor_user_id: operator.id,
      organisation_id: row.id,
    });
    expect(audit.after).toMatchObject({ siret, kind: 'buyer' });
    const page = await browser.get(res.headers.location as string);
    expect(page.body).toContain("L'organisation a été inscrite.");
    expect(page.body).toContain('Commune de Montreuil');
  });

  it('refuses a wrong SIRET with a French message next to the field, and writes nothing', async () => {
    const browser = await browserFor(operator);
    const siret = randomSiret();
    const wrong = `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;
    const before = await rt.db.selectFrom('audit_events').select('id').execute();
    for (const [value, message] of [
      [wrong, "Ce SIRET n'existe pas"],
      ['1234', 'Le SIRET doit compter 14 chiffres.'],
      ['', 'Saisissez le SIRET.'],
    ] as const) {
      const res = await browser.post('/administration/organisations/nouvelle', {
        ...form(value),
        name: 'Commune fautive',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('id="champ-siret-erreur"');
      expect(res.body).toContain('value="Commune fautive"');
    }
    const bad = await browser.post('/administration/organisations/nouvelle', {
      ...form(randomSiret()),
      name: 'Commune fautive',
      legalCategory: '72',
      department: '100',
      memberSince: '2026-02-01',
      memberUntil: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Saisissez la catégorie juridique sur 4 chiffres');
    expect(bad.body).toContain('Saisissez un numéro de département');
    expect(bad.body).toContain('ne peut précéder son début');
    const rows = await rt.db.selectFrom('organisations').select('id').where('name', '=', 'Commune fautive').execute();
    expect(rows).toHaveLength(0);
    expect(await rt.db.selectFrom('audit_events').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a SIRET already registered, with a French message', async () => {
    const browser = await browserFor(operator);
    const res = await browser.post('/administration/organisations/nouvelle', {
      ...form(company.siret),
      name: 'Commune doublon',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Une organisation est déjà inscrite avec ce SIRET.');
    expect(res.body).toContain('id="champ-siret-erreur"');
    const rows = await rt.db.selectFrom('organisations').select('name').where('siret', '=', company.siret).execute();
    expect(rows).toEqual([{ name: 'Bâtiments Durand' }]);
  });

  it('keeps one organisation when two registrations of the same SIRET race', async () => {
    const siret = randomSiret();
    const input = { kind: 'buyer' as const, name: 'Course', siret, legalCategory: '7210', department: '75' };
    const results = await Promise.allSettled([
      createOrganisationUseCase(rt, { type: 'cli' }, input),
      createOrganisationUseCase(rt, { type: 'cli' }, input),
      createOrganisationUseCase(rt, { type: 'cli' }, input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      const error = (r as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'conflict',
        fields: [{ field: 'siret', message: 'backoffice.siret.taken' }],
      });
    }
    expect(await rt.db.selectFrom('organisations').select('id').where('siret', '=', siret).execute()).toHaveLength(1);
    // the losers rolled back: one creation event for this SIRET
    const audits = await rt.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'organisations.organisation.created')
      .where(sql`after->>'siret'`, '=', siret)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('validates companies created from the command line', async () => {
    await expect(
      createOrganisationUseCase(
        rt,
        { type: 'cli' },
        { kind: 'company', name: 'X', siret: randomSiret(), naf: '4321A' },
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: [{ field: 'naf', message: 'backoffice.naf.invalid' }] });
    const row = await rt.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', 'Créée en ligne de commande')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'company', naf: '43.21A', is_ess: true, is_siae: false, legal_category: null });
  });
});
