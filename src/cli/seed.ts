import { parseArgs } from 'node:util';
import { seedDemoContractsOfAccounts } from '../demo/contracts.js';
import { formatDemoAccounts, seedDemo } from '../demo/seed.js';
import { type CliContext, parseCommandArgs } from './context.js';
import { CliError } from './errors.js';

export const seedHelp = 'load the demo data set (buyers, companies, demo accounts) into an empty database';

export function parseSeedArgs(args: string[]): void {
  parseCommandArgs('seed', () => parseArgs({ args, options: {}, strict: true }));
}

/** `halle seed`: the demo data, only into an empty database and never in production. */
export async function seedCommand(ctx: CliContext, args: string[]): Promise<void> {
  parseSeedArgs(args);
  const result = await seedDemo(ctx.rt, { type: 'cli' });
  if (result.status === 'production') {
    throw new CliError('seed: demo data is never loaded into a production installation (NODE_ENV=production).');
  }
  if (result.status === 'not_empty') {
    throw new CliError(
      `seed: the database already holds ${result.organisations} organisation(s); demo data goes only into an empty database.\n` +
        'Use an empty HALLE_DATA_DIR (embedded engine) or an empty DATABASE_URL.',
    );
  }
  await seedDemoContractsOfAccounts(ctx.rt);
  ctx.out(
    `Demo data loaded in ${result.milliseconds} ms: ${result.buyers} buyers, ${result.companies} companies, ${result.users} users.\n`,
  );
  ctx.out(formatDemoAccounts(result.accounts, result.password));
}
