import { AppError } from '../platform/errors.js';
import type { MessageKey } from '../web/i18n.js';
import { translatorFor } from '../web/i18n.js';

/** A command's input or situation is wrong: its message is printed and the process exits with 2. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode = 2;
}

/** The English text of a catalogue key, or the key itself when the catalogue has none. */
export function english(key: string): string {
  return translatorFor('en')(key as MessageKey);
}

/** Turns a use case's error (catalogue keys by field) into a clear English CLI message. */
export function cliErrorFrom(command: string, error: unknown, optionOf: Record<string, string> = {}): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.fields.length === 0)
    return new CliError(`${command}: ${english(error.messageKey ?? `error.${error.code}`)}`);
  const lines = error.fields.map((f) =>
    f.field === '_form'
      ? `${command}: ${english(f.message)}`
      : `${command}: ${optionOf[f.field] ?? f.field}: ${english(f.message)}`,
  );
  return new CliError(lines.join('\n'));
}
