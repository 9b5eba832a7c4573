import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser, randomSiret } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { formatSiret } from './domain/siret.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

let counter = 0;
function signUpFields(overrides: Record<string, string> = {}): Record<string, string> {
  counter++;
  return {
    siret: formatSiret(randomSiret()),
    name: `Électricité Martin ${counter}`,
    naf: '43.21A',
    size: 'PME',
    department: '93',
    city: 'Montreuil',
    is_ess: 'on',
    person_name: 'Claire Martin',
    email: `claire.martin.${counter}@exemple.fr`,
    password: 'Lumiere-Verte-2026',
    password_confirm: 'Lumiere-Verte-2026',
    accept_terms: 'on',
    ...overrides,
  };
}

async function counts() {
  const count = async (table: 'organisations' | 'users' | 'memberships' | 'email_tokens' | 'outbox_mails') => {
    const row = await rt.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    organisations: await count('organisations'),
    users: await count('users'),
    memberships: await count('memberships'),
    tokens: await count('email_tokens'),
    mails: await count('outbox_mails'),
  };
}

/** Posts the form and checks that it failed with this French message and wrote nothing. */
async function expectRefused(fields: Record<string, string>, status: number, message: string) {
  const before = await counts();
  const browser = new TestBrowser(app);
  const res = await browser.post('/inscription', fields);
  expect(res.statusCode).toBe(status);
  expect(res.body).toContain(message);
  expect(res.body).toContain('Le formulaire contient des erreurs');
  expect(await counts()).toEqual(before);
  return res;
}

describe('company sign-up', () => {
  it('shows the form with the field names, NAF sub-classes and departments', async () => {
    const res = await new TestBrowser(app).get('/inscription');
    expect(res.statusCode).toBe(200);
    for (const name of ['siret', 'name', 'naf', 'size', 'department', 'city', 'is_ess', 'is_siae']) {
      expect(res.body).toContain(`name="${name}"`);
    }
    for (const name of ['person_name', 'email', 'password', 'password_confirm', 'accept_terms']) {
      expect(res.body).toContain(`name="${name}"`);
    }
    expect(res.body).toContain('<h1>Créer un compte entreprise</h1>');
    expect(res.body).toContain("43.21A — Travaux d'installation électrique dans tous locaux");
    expect(res.body).toContain('<option value="2A">2A — Corse-du-Sud</option>');
    expect(res.body).toContain('<option value="971">971 — Guadeloupe</option>');
    expect(res.body).not.toContain('value="988"');
    expect(res.body).toContain('PME — petite ou moyenne entreprise');
  });

  it('creates exactly the company, its administrator, the membership and the verification mail', async () => {
    const before = await counts();
    const fields = signUpFields({ email: 'Claire.Durand@Exemple.fr', siret: ' 732 829 320 00074 ' });
    const browser = new TestBrowser(app);
    const res = await browser.post('/inscription', fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/inscription/confirmation');
    const after = await counts();
    expect(after).toEqual({
      organisations: before.organisations + 1,
      users: before.users + 1,
      memberships: before.memberships + 1,
      tokens: before.tokens + 1,
      mails: before.mails + 1,
    });

    const org = await rt.db
      .selectFrom('organisations')
      .selectAll()
      .where('siret', '=', '73282932000074')
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      kind: 'company',
      name: fields.name,
      naf: '43.21A',
      size: 'PME',
      department: '93',
      city: 'Montreuil',
      is_ess: true,
      is_siae: false,
    });
    const user = await rt.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'Claire.Durand@Exemple.fr')
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Claire Martin');
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.email_verified_at).toBeNull();
    const membership = await rt.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ organisation_id: org.id, role: 'company_admin' });
    const mail = await rt.db
      .selectFrom('outbox_mails')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('Claire.Durand@Exemple.fr');
    expect(mail.template).toBe('identity.verify_email');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', org.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'organisations.member.added',
      'organisations.organisation.created',
      'organisations.user.registered',
    ]);

    const done = await browser.get('/inscription/confirmation');
    expect(done.body).toContain('Compte créé ; un lien de vérification vous a été envoyé');
    // the new administrator can sign in and sees the company in their space
    await browser.signIn('claire.durand@exemple.fr', fields.password ?? '');
    const space = await browser.get('/mon-espace');
    expect(space.body).toContain(fields.name);
    expect(space.body).toContain('Administrateur');
    expect(space.body).toContain('pas encore confirmée');
    const page = await browser.get('/mon-espace/organisation');
    expect(page.body).toContain('732 829 320 00074');
    expect(page.body).toContain("43.21A — Travaux d'installation électrique dans tous locaux");
    expect(page.body).toContain('93 — Seine-Saint-Denis');
  });

  it('tells a wrong SIRET length from a wrong key, and writes nothing', async () => {
    await expectRefused(signUpFields({ siret: '7328293200007' }), 400, 'Le SIRET doit comporter 14 chiffres.');
    await expectRefused(signUpFields({ siret: '7328293200007A' }), 400, 'Le SIRET doit comporter 14 chiffres.');
    await expectRefused(signUpFields({ siret: '73282932000075' }), 400, 'Ce SIRET n’est pas valide (clé de contrôle)');
    await expectRefused(signUpFields({ siret: '' }), 400, 'Saisissez le SIRET de l’établissement.');
  });

  it('refuses a SIRET already registered without naming the company that holds it', async () => {
    const existing = await createOrganisation(rt, { name: 'Secrète Industries' });
    const res = await expectRefused(
      signUpFields({ siret: formatSiret(existing.siret) }),
      409,
      'Cette entreprise a déjà un compte sur la plateforme : demandez à son administrateur de vous inviter.',
    );
    expect(res.body).not.toContain('Secrète Industries');
  });

  it('refuses an e-mail address already used, whatever its case, on the email field', async () => {
    await createUser(rt, { email: 'deja.inscrit@exemple.fr' });
    const res = await expectRefused(
      signUpFields({ email: 'Deja.Inscrit@EXEMPLE.fr' }),
      409,
      'Un compte existe déjà avec cette adresse électronique',
    );
    expect(res.body).toContain('id="champ-email-erreur"');
  });

  it('refuses a weak or mismatched password, an unknown NAF or department, and missing terms', async () => {
    await expectRefused(
      signUpFields({ password: 'court', password_confirm: 'court' }),
      400,
      'Le mot de passe doit contenir au moins 12 caractères.',
    );
    await expectRefused(
      signUpFields({ password: 'motdepasse123', password_confirm: 'motdepasse123' }),
      400,
      'Ce mot de passe est trop courant',
    );
    await expectRefused(
      signUpFields({ password_confirm: 'Autre-Chose-2026' }),
      400,
      'Les deux mots de passe ne sont pas identiques.',
    );
    await expectRefused(
      signUpFields({ naf: '99.99Z' }),
      400,
      'Ce code NAF n’existe pas dans la nomenclature NAF rév. 2.',
    );
    await expectRefused(signUpFields({ naf: '43.21' }), 400, 'Ce code NAF n’existe pas');
    await expectRefused(signUpFields({ department: '988' }), 400, 'Ce département n’existe pas.');
    await expectRefused(signUpFields({ size: 'XXL' }), 400, 'Choisissez la taille de l’entreprise.');
    const fields = signUpFields();
    delete fields.accept_terms;
    await expectRefused(fields, 400, 'Vous devez accepter les conditions d’utilisation');
  });

  it('shows every error at once and keeps the typed values, never the password', async () => {
    const res = await expectRefused(
      signUpFields({ siret: '123', naf: '', email: 'pas-une-adresse', password_confirm: 'x' }),
      400,
      'Le SIRET doit comporter 14 chiffres.',
    );
    expect(res.body).toContain('Choisissez l’activité principale.');
    expect(res.body).toContain('Saisissez une adresse électronique valide');
    expect(res.body).toContain('Les deux mots de passe ne sont pas identiques.');
    expect(res.body).toContain('value="pas-une-adresse"');
    expect(res.body).not.toContain('Lumiere-Verte-2026');
  });

  it('stores HTML and SQL typed in the name as text, and escapes it on every page', async () => {
    const name = `<script>alert("x")</script>'); DROP TABLE organisations; --`;
    const fields = signUpFields({ name });
    const browser = new TestBrowser(app);
    expect((await browser.post('/inscription', fields)).statusCode).toBe(303);
    const org = await rt.db
      .selectFrom('organisations')
      .select('name')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    expect(org.name).toBe(name);
    await browser.signIn(fields.email ?? '', fields.password ?? '');
    for (const url of ['/mon-espace', '/mon-espace/organisation']) {
      const page = await browser.get(url);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
    }
  });

  it('turns a unique-index race into the same French message, not a 500', async () => {
    // Two sign-ups with one SIRET at the same moment: both pass the first check, one loses
    // at the unique index and must still get the field message.
    const siret = randomSiret();
    const a = new TestBrowser(app);
    const b = new TestBrowser(app);
    await a.get('/inscription');
    await b.get('/inscription');
    const post = (browser: TestBrowser, fields: Record<string, string>) =>
      browser.post('/inscription', fields, { csrf: browser.csrf() });
    const fa = signUpFields({ siret });
    const fb = signUpFields({ siret: formatSiret(siret) });
    const [ra, rb] = await Promise.all([post(a, fa), post(b, fb)]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([303, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.body).toContain('Cette entreprise a déjà un compte sur la plateforme');
    const orgs = await rt.db.selectFrom('organisations').select('id').where('siret', '=', siret).execute();
    expect(orgs).toHaveLength(1);
    // the loser's account was rolled back with its company: one person, no orphan
    const people = await rt.db
      .selectFrom('users')
      .select('id')
      .where('email', 'in', [fa.email ?? '', fb.email ?? ''])
      .execute();
    expect(people).toHaveLength(1);
  });

  it('sends a signed-in person to their space instead of the form', async () => {
    const org = await createOrganisation(rt);
    const user = await createUser(rt, { memberships: [{ organisationId: org.id, role: 'company_member' }] });
    const browser = new TestBrowser(app);
    await browser.signIn(user.email, user.password);
    const res = await browser.get('/inscription');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mon-espace');
  });
});
