import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/support/browser.js';
import { randomSiret } from '../../test/support/factories.js';
import { createTestRuntime } from '../../test/support/runtime.js';
import { buildServer } from '../app/server.js';
import type { Runtime } from '../platform/runtime.js';
import { adminCreateCommand } from './adminCreate.js';
import { adminSetupLinkCommand } from './adminSetupLink.js';
import { commands } from './commands.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';
import { orgCreateCommand } from './orgCreate.js';
import { seedCommand } from './seed.js';
import { userCreateCommand } from './userCreate.js';

let rt: Runtime;
let app: FastifyInstance;
let printed: string[];
let ctx: CliContext;

beforeAll(async () => {
  rt = await createTestRuntime({ HALLE_SEED_DEMO: '0' });
  app = await buildServer(rt);
  ctx = { rt, out: (text) => printed.push(text) };
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

function output(): string {
  return printed.join('\n');
}

async function failure(run: Promise<unknown>): Promise<CliError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CliError)) throw new Error(`expected a CliError, got ${String(error)}`);
  expect(error.exitCode).toBe(2);
  return error;
}

describe('halle org:create', () => {
  it('creates a company and a buyer, audited with the CLI as actor', async () => {
    printed = [];
    const siret = randomSiret();
    await orgCreateCommand(ctx, [
      '--kind',
      'company',
      '--siret',
      `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
      '--name',
      'Menuiserie Lefèvre SARL',
      '--department',
      '77',
      '--naf',
      '43.32A',
      '--size',
      'TPE',
      '--ess',
    ]);
    const company = await rt.db
      .selectFrom('organisations')
      .selectAll()
      .where('siret', '=', siret)
      .executeTakeFirstOrThrow();
    expect(company).toMatchObject({
      kind: 'company',
      name: 'Menuiserie Lefèvre SARL',
      naf: '43.32A',
      size: 'TPE',
      is_ess: true,
    });
    expect(output()).toContain(`Created company Menuiserie Lefèvre SARL (SIRET ${siret}`);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('subject_id', '=', company.id)
      .execute();
    expect(audit).toEqual([{ action: 'organisations.organisation.created', actor_type: 'cli' }]);

    const buyerSiret = randomSiret();
    await orgCreateCommand(ctx, [
      '--kind=buyer',
      `--siret=${buyerSiret}`,
      '--name=Ville de Meaux',
      '--department=77',
      '--legal-category=7210',
      '--member-since=2019-03-01',
    ]);
    const buyer = await rt.db
      .selectFrom('organisations')
      .selectAll()
      .where('siret', '=', buyerSiret)
      .executeTakeFirstOrThrow();
    expect(buyer).toMatchObject({ kind: 'buyer', legal_category: '7210', department: '77' });
  });

  it('rejects a bad SIRET, a duplicate SIRET and missing options with clear messages', async () => {
    const before = await rt.db.selectFrom('organisations').select('id').execute();
    const bad = await failure(orgCreateCommand(ctx, ['--kind', 'company', '--siret', '12345678901234', '--name', 'X']));
    expect(bad.message).toBe('org:create: --siret "12345678901234" is not a valid SIRET (its check digit is wrong).');
    const short = await failure(orgCreateCommand(ctx, ['--kind', 'company', '--siret', '123', '--name', 'X']));
    expect(short.message).toContain('must have 14 digits');

    const siret = randomSiret();
    await orgCreateCommand(ctx, ['--kind', 'company', '--siret', siret, '--name', 'Première SAS']);
    const duplicate = await failure(
      orgCreateCommand(ctx, ['--kind', 'company', '--siret', siret, '--name', 'Seconde SAS']),
    );
    expect(duplicate.message).toMatch(/^org:create: --siret: /);

    const noName = await failure(orgCreateCommand(ctx, ['--kind', 'company', '--siret', randomSiret()]));
    expect(noName.message).toBe('org:create: --name is required.');
    const kind = await failure(orgCreateCommand(ctx, ['--kind', 'club', '--siret', randomSiret(), '--name', 'X']));
    expect(kind.message).toContain('--kind must be "buyer" or "company"');
    const unknown = await failure(orgCreateCommand(ctx, ['--kind', 'company', '--colour', 'bleu']));
    expect(unknown.message).toContain("Unknown option '--colour'");
    const buyerWithoutDepartment = await failure(
      orgCreateCommand(ctx, [
        '--kind',
        'buyer',
        '--siret',
        randomSiret(),
        '--name',
        'Ville',
        '--legal-category',
        '7210',
      ]),
    );
    expect(buyerWithoutDepartment.message).toMatch(/^org:create: --department: /);

    const after = await rt.db.selectFrom('organisations').select('id').execute();
    expect(after).toHaveLength(before.length + 1);
  });
});

describe('halle user:create', () => {
  it('creates a user with a membership, and prints a generated password that signs in', async () => {
    const siret = randomSiret();
    await orgCreateCommand(ctx, ['--kind', 'company', '--siret', siret, '--name', 'Peinture Morel SAS']);
    printed = [];
    await userCreateCommand(ctx, [
      '--email',
      'Lucie.Morel@exemple.fr',
      '--name',
      'Lucie Morel',
      '--org',
      siret,
      '--role',
      'admin',
    ]);
    const password = /password \(shown once\): (\S+)/.exec(output())?.[1];
    expect(password).toBeDefined();
    const row = await rt.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'memberships.role'])
      .where('users.email', '=', 'Lucie.Morel@exemple.fr')
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('company_admin');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('subject_id', '=', row.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'identity.user.created', actor_type: 'cli' },
        { action: 'organisations.membership.created', actor_type: 'cli' },
      ]),
    );
    const browser = new TestBrowser(app);
    await browser.signIn('lucie.morel@exemple.fr', password as string);
    expect((await browser.get('/')).body).toContain('Peinture Morel SAS');
  });

  it('rejects a duplicate e-mail, a weak password, an unknown organisation and a role of another kind', async () => {
    await userCreateCommand(ctx, [
      '--email',
      'paul.durand@exemple.fr',
      '--name',
      'Paul Durand',
      '--password',
      'Un-Bon-Mot2Passe',
    ]);
    const duplicate = await failure(
      userCreateCommand(ctx, [
        '--email',
        'PAUL.DURAND@exemple.fr',
        '--name',
        'Autre Paul',
        '--password',
        'Un-Bon-Mot2Passe',
      ]),
    );
    expect(duplicate.message).toBe(
      'user:create: a user with the e-mail address PAUL.DURAND@exemple.fr already exists.',
    );
    const weak = await failure(
      userCreateCommand(ctx, ['--email', 'a.b@exemple.fr', '--name', 'A B', '--password', 'court']),
    );
    expect(weak.message).toBe('user:create: --password: The password must be at least 12 characters long.');
    const email = await failure(userCreateCommand(ctx, ['--email', 'pas-une-adresse', '--name', 'A B']));
    expect(email.message).toContain('is not a valid e-mail address');
    const noOrg = await failure(
      userCreateCommand(ctx, ['--email', 'c.d@exemple.fr', '--name', 'C D', '--org', randomSiret()]),
    );
    expect(noOrg.message).toMatch(/^user:create: no organisation has the SIRET \d{14}\.$/);
    const siret = randomSiret();
    await orgCreateCommand(ctx, ['--kind', 'company', '--siret', siret, '--name', 'Plomberie Roux SARL']);
    const role = await failure(
      userCreateCommand(ctx, ['--email', 'e.f@exemple.fr', '--name', 'E F', '--org', siret, '--role', 'buyer_agent']),
    );
    expect(role.message).toContain('--role "buyer_agent" does not exist in a company organisation');
    const users = await rt.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['a.b@exemple.fr', 'c.d@exemple.fr', 'e.f@exemple.fr'])
      .execute();
    expect(users).toEqual([]);
  });
});

describe('halle admin:create and admin:setup-link', () => {
  it('creates platform administrators, the platform organisation once, then refuses a new setup link', async () => {
    printed = [];
    await adminSetupLinkCommand(ctx, []);
    expect(output()).toMatch(/Create the first administrator: http:\/\/localhost:3000\/installation\/\S+/);
    await adminCreateCommand(ctx, ['--email', 'chef@exemple.fr', '--name', 'Chef Plateforme']);
    await adminCreateCommand(ctx, [
      '--email',
      'adjoint@exemple.fr',
      '--name',
      'Adjoint Plateforme',
      '--password',
      'Un-Bon-Mot2Passe',
    ]);
    const admins = await rt.db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select(['organisations.id', 'organisations.kind'])
      .where('memberships.role', '=', 'platform_admin')
      .execute();
    expect(admins).toHaveLength(2);
    expect(new Set(admins.map((a) => a.id)).size).toBe(1);
    expect(admins[0]?.kind).toBe('platform');
    const dup = await failure(adminCreateCommand(ctx, ['--email', 'chef@exemple.fr', '--name', 'Encore']));
    expect(dup.message).toBe('admin:create: --email: An account already uses this e-mail address.');
    const weak = await failure(
      adminCreateCommand(ctx, ['--email', 'x@exemple.fr', '--name', 'X', '--password', 'abc']),
    );
    expect(weak.message).toContain('--password: The password must be at least 12 characters long.');
    const link = await failure(adminSetupLinkCommand(ctx, []));
    expect(link.message).toContain('already has an administrator');
    // The link printed before the administrators existed no longer opens the form.
    const url = /installation\/(\S+)/.exec(output())?.[1] as string;
    expect((await new TestBrowser(app).get(`/installation/${url}`)).statusCode).toBe(410);
  });
});

describe('halle seed', () => {
  it('refuses a database that already holds organisations', async () => {
    const error = await failure(seedCommand(ctx, []));
    expect(error.message).toContain('demo data goes only into an empty database');
  });
});

describe('the halle binary', () => {
  it('lists the commands', () => {
    expect(Object.keys(commands)).toEqual(
      expect.arrayContaining(['seed', 'org:create', 'user:create', 'admin:create', 'admin:setup-link']),
    );
  });

  it('exits with 2 and a clear message on a bad SIRET, before opening any database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-cli-'));
    const { DATABASE_URL: _ignored, TEST_DATABASE_URL: _alsoIgnored, ...env } = process.env;
    try {
      const run = promisify(execFile)(
        process.execPath,
        ['bin/halle.js', 'org:create', '--kind', 'company', '--siret', '12345678901234', '--name', 'X'],
        { env: { ...env, HALLE_DATA_DIR: dataDir } },
      );
      const error = (await run.then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: number; stderr?: string } | undefined;
      expect(error?.code).toBe(2);
      expect(error?.stderr).toContain('is not a valid SIRET (its check digit is wrong)');
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
