import { parseArgs } from 'node:util';
import { createPlatformAdmin } from '../modules/installation/index.js';
import { type CliContext, generatePassword, parseCommandArgs, requireOption } from './context.js';
import { cliErrorFrom } from './errors.js';

export const adminCreateHelp =
  'create a platform administrator: --email --name [--password] (creates the platform organisation if missing)';

const optionOf = { email: '--email', name: '--name', password: '--password' };

export function parseAdminCreateArgs(args: string[]): { email: string; name: string; password: string | undefined } {
  const values = parseCommandArgs('admin:create', () =>
    parseArgs({
      args,
      strict: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    }),
  ).values;
  return {
    email: requireOption('admin:create', values.email, 'email'),
    name: requireOption('admin:create', values.name, 'name'),
    password: values.password,
  };
}

/** `halle admin:create`: a platform administrator, without the installation link. */
export async function adminCreateCommand(ctx: CliContext, args: string[]): Promise<void> {
  const input = parseAdminCreateArgs(args);
  const password = input.password ?? generatePassword();
  try {
    await createPlatformAdmin(ctx.rt, { type: 'cli' }, { ...input, password });
  } catch (error) {
    throw cliErrorFrom('admin:create', error, optionOf);
  }
  ctx.out(`Created platform administrator ${input.name} <${input.email}>.`);
  if (input.password === undefined) ctx.out(`  password (shown once): ${password}`);
}
