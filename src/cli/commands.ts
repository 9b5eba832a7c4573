import { migrateCommand, serve, worker } from './serve.js';

export class CliError extends Error {
  override name = 'CliError';
}

export interface CliCommand {
  help: string;
  run(args: string[]): Promise<void>;
}

/** Every command of the `halle` binary. */
export const commands: Record<string, CliCommand> = {
  serve: { help: 'run the platform (web and worker roles, see HALLE_ROLE)', run: serve },
  worker: { help: 'run the worker role only (jobs and schedules)', run: worker },
  migrate: { help: 'apply database migrations and exit', run: migrateCommand },
};
