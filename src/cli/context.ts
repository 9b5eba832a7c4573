import { randomBytes } from 'node:crypto';
import { checkPasswordStrength } from '../modules/identity/index.js';
import { loadConfig } from '../platform/config.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { CliError } from './errors.js';

/** What a command acts on: a runtime (a test one in tests) and where to print. */
export interface CliContext {
  rt: Runtime;
  out(text: string): void;
}

/** Runs a `parseArgs` call (strict mode), its errors turned into CLI errors with a hint. */
export function parseCommandArgs<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: ${message}\nRun "halle help" for the list of commands and options.`);
  }
}

export function requireOption(command: string, value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`${command}: --${option} is required.`);
  return value;
}

/** Opens the runtime of the configuration, runs the command, closes the runtime even on error. */
export async function withRuntime(run: (ctx: CliContext) => Promise<void>): Promise<void> {
  const rt = await openRuntime(loadConfig());
  try {
    await run({ rt, out: (text) => process.stdout.write(`${text}\n`) });
  } finally {
    await rt.close();
  }
}

/** A strong random password, for accounts created without one (printed once, never stored). */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (checkPasswordStrength(password) === null) return password;
  }
}
