import { CliError, commands } from './cli/commands.js';
import { ConfigError } from './platform/config.js';
import { DataDirInUseError } from './platform/db/pool.js';

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 1;
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)} ${c.help}`);
  return `Usage: halle <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stdout.write(usage());
    if (name && name !== 'help' && name !== '--help') process.exitCode = 2;
    return;
  }
  try {
    await command.run(args);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliError || error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
