import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { createPlatformAdmin } from './createPlatformAdmin.js';
import { issueSetupLink } from './setupLink.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime({ HALLE_SEED_DEMO: '0' });
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('installation link', () => {
  it('answers 410 in French to an unknown or expired link', async () => {
    const browser = new TestBrowser(app);
    const unknown = await browser.get('/installation/not-a-real-token-at-all-0123456789');
    expect(unknown.statusCode).toBe(410);
    expect(unknown.body).toContain('Ce lien d’installation n’est plus valable');

    const old = await issueSetupLink(rt, { type: 'system' }, { now: new Date(Date.now() - 25 * 3600_000) });
    if (old.status !== 'issued') throw new Error('expected a link');
    const expired = await browser.get(pathOf(old.url));
    expect(expired.statusCode).toBe(410);
  });

  it('creates the first administrator once, then answers 410', async () => {
    const link = await issueSetupLink(rt, { type: 'system' }, { replace: true });
    if (link.status !== 'issued') throw new Error('expected a link');
    const path = pathOf(link.url);
    const browser = new TestBrowser(app);

    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Créer le premier administrateur');

    // Every problem is shown at once, next to its field, and nothing is written.
    const bad = await browser.post(path, {
      name: '',
      email: 'pas-une-adresse',
      password: 'court',
      passwordConfirmation: 'autre',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Saisissez votre prénom et votre nom.');
    expect(bad.body).toContain('Saisissez une adresse électronique valide');
    expect(bad.body).toContain('Le mot de passe doit contenir au moins 12 caractères.');
    expect(bad.body).toContain('Les deux mots de passe ne sont pas identiques.');
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(await rt.db.selectFrom('users').select('id').execute()).toEqual([]);

    // An address already used by someone else is refused; the link stays usable.
    await createUser(rt, { email: 'deja.pris@exemple.fr' });
    const taken = await browser.post(path, {
      name: 'Awa Traoré',
      email: 'Deja.Pris@exemple.fr',
      password: 'Tres-Solide-Mot2Passe',
      passwordConfirmation: 'Tres-Solide-Mot2Passe',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Un compte utilise déjà cette adresse électronique.');

    const done = await browser.post(path, {
      name: 'Awa Traoré',
      email: 'awa.traore@exemple.fr',
      password: 'Tres-Solide-Mot2Passe',
      passwordConfirmation: 'Tres-Solide-Mot2Passe',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/installation/terminee');
    expect((await browser.get('/installation/terminee')).body).toContain('Compte administrateur créé');

    const admins = await rt.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select(['users.email', 'organisations.kind', 'organisations.name'])
      .where('memberships.role', '=', 'platform_admin')
      .execute();
    expect(admins).toEqual([
      { email: 'awa.traore@exemple.fr', kind: 'platform', name: 'Halle — exploitant de la plateforme' },
    ]);
    const audit = await rt.db.selectFrom('audit_events').select(['action', 'actor_type']).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'installation.admin.created', actor_type: 'anonymous' },
        { action: 'installation.platform_organisation.created', actor_type: 'anonymous' },
      ]),
    );

    // The link is spent: the form and a replayed submission both answer 410, and create nobody.
    expect((await browser.get(path)).statusCode).toBe(410);
    const replay = await browser.post(
      path,
      {
        name: 'Intrus',
        email: 'intrus@exemple.fr',
        password: 'Tres-Solide-Mot2Passe',
        passwordConfirmation: 'Tres-Solide-Mot2Passe',
      },
      { from: '/' },
    );
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('n’est plus valable');
    expect(await rt.db.selectFrom('users').select('id').where('email', '=', 'intrus@exemple.fr').execute()).toEqual([]);

    // No new link once an administrator exists.
    expect(await issueSetupLink(rt, { type: 'system' })).toEqual({ status: 'admin_exists' });

    const signIn = new TestBrowser(app);
    await signIn.signIn('awa.traore@exemple.fr', 'Tres-Solide-Mot2Passe');
    expect((await signIn.get('/')).body).toContain('Awa Traoré');
  });

  it('creates one administrator when one link is submitted twice at the same time', async () => {
    const own = await createTestRuntime({ HALLE_SEED_DEMO: '0' });
    try {
      const link = await issueSetupLink(own, { type: 'system' });
      if (link.status !== 'issued') throw new Error('expected a link');
      const token = link.url.split('/').pop() as string;
      const attempt = (email: string) =>
        createPlatformAdmin(
          own,
          { type: 'anonymous' },
          { name: 'Course', email, password: 'Tres-Solide-Mot2Passe' },
          { setupToken: token },
        ).then(
          () => 'created',
          (e: unknown) => (e instanceof AppError ? e.code : 'other'),
        );
      const results = await Promise.all([attempt('un@exemple.fr'), attempt('deux@exemple.fr')]);
      expect(results.sort()).toEqual(['created', 'gone']);
      const admins = await own.db
        .selectFrom('memberships')
        .select('user_id')
        .where('role', '=', 'platform_admin')
        .execute();
      expect(admins).toHaveLength(1);
      expect(
        await own.db.selectFrom('organisations').select('id').where('kind', '=', 'platform').execute(),
      ).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
