import { parseArgs } from 'node:util';
import { issueSetupLink, setupLinkHours } from '../modules/installation/index.js';
import { type CliContext, parseCommandArgs } from './context.js';
import { CliError } from './errors.js';

export const adminSetupLinkHelp = `print a new one-time link to create the first administrator (valid ${setupLinkHours} h)`;

/** `halle admin:setup-link`: replaces a lost first-start link; useless once an administrator exists. */
export async function adminSetupLinkCommand(ctx: CliContext, args: string[]): Promise<void> {
  parseCommandArgs('admin:setup-link', () => parseArgs({ args, options: {}, strict: true }));
  const result = await issueSetupLink(ctx.rt, { type: 'cli' }, { replace: true });
  if (result.status !== 'issued') {
    throw new CliError(
      'admin:setup-link: the platform already has an administrator; create others with halle admin:create.',
    );
  }
  ctx.out(`Create the first administrator: ${result.url}`);
  ctx.out(`  (one-time link, valid until ${result.expiresAt.toISOString()})`);
}
