import { seedDemoContractsOfAccounts } from '../demo/contracts.js';
import { formatDemoAccounts, type SeedResult, seedDemo } from '../demo/seed.js';
import { hasPlatformAdmin, issueSetupLink } from '../modules/installation/index.js';
import type { Runtime } from '../platform/runtime.js';

export type FirstStartResult =
  | { kind: 'demo'; seed: Extract<SeedResult, { status: 'seeded' }> }
  | { kind: 'setup_link'; url: string; expiresAt: Date }
  | { kind: 'setup_link_pending'; expiresAt: Date }
  | { kind: 'ready' };

/**
 * What a freshly started web process does for the people installing the platform: on the
 * embedded engine outside production (config.seedDemo), an empty database gets the demo data;
 * otherwise, a platform without administrator gets a one-time link to create the first one.
 */
export async function firstStart(rt: Runtime): Promise<FirstStartResult> {
  if (rt.config.seedDemo) {
    const empty = (await rt.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) === undefined;
    if (empty) {
      const seed = await seedDemo(rt, { type: 'system' });
      if (seed.status === 'seeded') {
        // contracts go through their own use cases, each in its transaction, after the data is in
        await seedDemoContractsOfAccounts(rt);
        return { kind: 'demo', seed };
      }
    }
  }
  if (await hasPlatformAdmin(rt.db)) return { kind: 'ready' };
  const link = await issueSetupLink(rt, { type: 'system' });
  if (link.status === 'issued') return { kind: 'setup_link', url: link.url, expiresAt: link.expiresAt };
  if (link.status === 'pending') return { kind: 'setup_link_pending', expiresAt: link.expiresAt };
  return { kind: 'ready' };
}

/** The lines to print on the terminal after a first start, if any. */
export function describeFirstStart(result: FirstStartResult): string | undefined {
  switch (result.kind) {
    case 'demo':
      return [
        `Demo data loaded: ${result.seed.buyers} buyers, ${result.seed.companies} companies, ${result.seed.users} users (${result.seed.milliseconds} ms).`,
        '',
        formatDemoAccounts(result.seed.accounts, result.seed.password),
      ].join('\n');
    case 'setup_link':
      return [
        `Create the first administrator: ${result.url}`,
        `  (one-time link, valid until ${result.expiresAt.toISOString()}; or run: halle admin:create --email … --name …)`,
      ].join('\n');
    case 'setup_link_pending':
      return [
        `The platform has no administrator yet. A one-time setup link was printed at an earlier start (valid until ${result.expiresAt.toISOString()}).`,
        '  Get a new link with: halle admin:setup-link   or create one directly: halle admin:create --email … --name …',
      ].join('\n');
    case 'ready':
      return undefined;
  }
}
