import { adminCreateCommand, adminCreateHelp, parseAdminCreateArgs } from './adminCreate.js';
import { adminSetupLinkCommand, adminSetupLinkHelp } from './adminSetupLink.js';
import { type CliContext, withRuntime } from './context.js';
import { orgCreateCommand, orgCreateHelp, parseOrgCreateArgs } from './orgCreate.js';
import { parseSearchReindexArgs, searchReindexCommand, searchReindexHelp } from './searchReindex.js';
import { parseSeedArgs, seedCommand, seedHelp } from './seed.js';
import { migrateCommand, serve, worker } from './serve.js';
import { parseUserCreateArgs, userCreateCommand, userCreateHelp } from './userCreate.js';
import {
  parseVerifyRegisterArgs,
  verifyReceiptCommand,
  verifyReceiptHelp,
  verifyRegisterCommand,
  verifyRegisterHelp,
} from './verifySubmissions.js';

export { CliError } from './errors.js';

export interface CliCommand {
  help: string;
  run(args: string[]): Promise<void>;
}

/**
 * A command that works on the database. Its arguments are checked before the database is
 * opened, so a typo fails at once; tests call `execute` with a test runtime.
 */
function databaseCommand(
  help: string,
  execute: (ctx: CliContext, args: string[]) => Promise<void>,
  check: (args: string[]) => unknown = () => undefined,
): CliCommand {
  return {
    help,
    async run(args) {
      check(args);
      await withRuntime((ctx) => execute(ctx, args));
    },
  };
}

/** Every command of the `halle` binary. */
export const commands: Record<string, CliCommand> = {
  serve: { help: 'run the platform (web and worker roles, see HALLE_ROLE)', run: serve },
  worker: { help: 'run the worker role only (jobs and schedules)', run: worker },
  migrate: { help: 'apply database migrations and exit', run: migrateCommand },
  seed: databaseCommand(seedHelp, seedCommand, parseSeedArgs),
  'org:create': databaseCommand(orgCreateHelp, orgCreateCommand, parseOrgCreateArgs),
  'user:create': databaseCommand(userCreateHelp, userCreateCommand, parseUserCreateArgs),
  'admin:create': databaseCommand(adminCreateHelp, adminCreateCommand, parseAdminCreateArgs),
  'admin:setup-link': databaseCommand(adminSetupLinkHelp, adminSetupLinkCommand),
  'search:reindex': databaseCommand(searchReindexHelp, searchReindexCommand, parseSearchReindexArgs),
  'verify-receipt': { help: verifyReceiptHelp, run: (args) => verifyReceiptCommand(args) },
  'verify-register': databaseCommand(verifyRegisterHelp, verifyRegisterCommand, parseVerifyRegisterArgs),
};
