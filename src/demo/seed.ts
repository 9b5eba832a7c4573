import { sql } from 'kysely';
import { seedCompanyProfiles } from '../modules/company-registry/index.js';
import { hashPassword } from '../modules/identity/index.js';
import { reindexSearch } from '../modules/search/index.js';
import { type Actor, recordAudit } from '../platform/audit/record.js';
import type { Trx } from '../platform/db/kysely.js';
import { uuidv7 } from '../platform/ids.js';
import type { Runtime } from '../platform/runtime.js';
import { type DemoAccount, demoPassword, generateDemoData } from './generate.js';
import { loadDemoReference } from './reference.js';
import { demoTenderInput, seedDemoTenders } from './tenders.js';

export type SeedResult =
  | {
      status: 'seeded';
      buyers: number;
      companies: number;
      users: number;
      accounts: DemoAccount[];
      password: string;
      milliseconds: number;
    }
  /** demo data goes only into an empty database: nothing was written */
  | { status: 'not_empty'; organisations: number }
  /** demo data never goes into a production installation */
  | { status: 'production' };

const batchSize = 200;

async function insertInBatches<R>(rows: R[], insert: (batch: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}

/** The joining day at 9 a.m. Paris time: demo rows look as if created over the years. */
const at = (day: string) => `${day}T09:00:00+01:00`;

/**
 * Loads the demo data set (≈40 buyers of Île-de-France, 150 companies, their people and the
 * documented demo accounts) in one transaction. Refuses a database that already holds an
 * organisation, and any production installation.
 */
export async function seedDemo(rt: Runtime, actor: Actor): Promise<SeedResult> {
  if (rt.config.env === 'production') return { status: 'production' };
  const started = performance.now();
  const data = generateDemoData(loadDemoReference());
  // One argon2id hash for every demo account: hundreds of hashes would take minutes.
  const passwordHash = await hashPassword(demoPassword);

  return rt.db.transaction().execute(async (trx: Trx): Promise<SeedResult> => {
    // Two processes starting together on an empty database: the second waits, then sees the data.
    await sql`SELECT pg_advisory_xact_lock(hashtext('halle.demo.seed'))`.execute(trx);
    const existing = await trx
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return { status: 'not_empty', organisations: Number(existing.n) };

    const orgIds = new Map<string, string>();
    const organisations = data.organisations.map((o) => {
      const id = uuidv7(new Date(at(o.joinedOn)).getTime());
      orgIds.set(o.key, id);
      return {
        id,
        kind: o.kind,
        name: o.name,
        siret: o.siret,
        legal_category: o.legalCategory,
        naf: o.naf,
        size: o.size,
        department: o.department,
        city: o.city,
        is_ess: o.isEss,
        is_siae: o.isSiae,
        member_since: o.memberSince,
        member_until: null,
        created_at: at(o.joinedOn),
        updated_at: at(o.joinedOn),
      };
    });
    const userIds = new Map<string, string>();
    const users = data.users.map((u) => {
      const id = uuidv7(new Date(at(u.joinedOn)).getTime());
      userIds.set(u.email, id);
      return {
        id,
        email: u.email,
        name: u.name,
        password_hash: passwordHash,
        email_verified_at: at(u.joinedOn),
        created_at: at(u.joinedOn),
        updated_at: at(u.joinedOn),
      };
    });
    const memberships = data.memberships.map((m) => ({
      user_id: userIds.get(m.email) as string,
      organisation_id: orgIds.get(m.organisationKey) as string,
      role: m.role,
    }));

    await insertInBatches(organisations, (b) => trx.insertInto('organisations').values(b).execute());
    await insertInBatches(users, (b) => trx.insertInto('users').values(b).execute());
    await insertInBatches(memberships, (b) => trx.insertInto('memberships').values(b).execute());
    // company profiles from the registry extract; most demo companies are in the supplier directory
    await seedCompanyProfiles(
      trx,
      organisations.filter((o) => o.kind === 'company'),
    );
    const tenders = await seedDemoTenders(trx, rt.blobs, actor, demoTenderInput(data, orgIds, userIds, new Date()));
    // demo tenders are written directly, without events: index them here so they are searchable
    await reindexSearch(trx);

    const buyers = data.organisations.filter((o) => o.kind === 'buyer').length;
    const companies = data.organisations.filter((o) => o.kind === 'company').length;
    await recordAudit(trx, actor, {
      action: 'demo.seeded',
      subjectType: 'platform',
      after: { buyers, companies, users: users.length, accounts: data.accounts.map((a) => a.email), tenders },
    });
    return {
      status: 'seeded',
      buyers,
      companies,
      users: users.length,
      accounts: data.accounts,
      password: demoPassword,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}

const roleLabels: Record<DemoAccount['role'], string> = {
  platform_admin: 'platform admin',
  platform_operator: 'platform operator',
  buyer_admin: 'buyer admin',
  buyer_agent: 'buyer agent',
  company_admin: 'company admin',
  company_member: 'company member',
};

/** The demo accounts as a plain-text table for the terminal. */
export function formatDemoAccounts(accounts: DemoAccount[], password: string): string {
  const rows = accounts.map((a) => [roleLabels[a.role], a.email, a.organisationName]);
  const header = ['role', 'e-mail', 'organisation'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [
    'Demo accounts (same password for all):',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `  password: ${password}`,
  ].join('\n');
}
