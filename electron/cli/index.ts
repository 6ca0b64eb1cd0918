/**
 * The `dossier` command line, built to out/main/cli.js and started by electron/cli/dossier.mjs.
 * Commands are registered in {@link COMMANDS}, one file each in commands/.
 */
import { isApiError } from '../../shared/errors';
import { ModelFileError } from '../core/extract/models/container';
import { APP_VERSION } from '../core/version';
import { UsageError, type CliCommand, type CliIo } from './command';
import { backup } from './commands/backup';
import { clip } from './commands/clip';
import { exportJson, importJson } from './commands/export';
import { extract } from './commands/extract';
import { importCommand } from './commands/import';
import { info } from './commands/info';
import { notes } from './commands/notes';
import { restore } from './commands/restore';
import { search } from './commands/search';

export type { CliCommand, CliIo } from './command';

/** Every command, in the order `dossier --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  info,
  notes,
  extract,
  clip,
  importCommand,
  backup,
  restore,
  search,
  exportJson,
  importJson,
];

/** The text of `dossier --help`. */
export function helpText(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `Usage: dossier <command> [options]

Dossier's command line: works on the same notebook as the app, without opening it.

Commands:
${lines.join('\n')}

Options:
  -h, --help      show this help; \`dossier <command> --help\` explains one command
  -v, --version   print Dossier's version

Commands that open the notebook take --data-dir DIR (default: $DOSSIER_DATA_DIR, or the platform's
app-data folder, the same one the app uses).
`;
}

/** The message for a failed command: what happened and what to do, never a stack trace. */
export function describeError(error: unknown): string {
  // A missing or damaged model says which file and what to do: no "unexpected" about it.
  if (isApiError(error) || error instanceof ModelFileError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      "Dossier's SQLite module is built for Electron, not for this Node.js. " +
      'Run `node electron/scripts/native.mjs node` in the Dossier folder, then try again.'
    );
  }
  return `Unexpected error: ${message}`;
}

function isHelpFlag(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h';
}

/** Runs `dossier <argv...>`; resolves to the process exit code (0 ok, 1 failed, 2 usage error). */
export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || isHelpFlag(first)) {
    io.stdout.write(helpText(commands));
    return 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const helpFor = first === 'help' ? rest[0] : undefined;
  if (first === 'help' && helpFor === undefined) {
    io.stdout.write(helpText(commands));
    return 0;
  }
  const name = helpFor ?? first;
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const what = name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`;
    io.stderr.write(`dossier: ${what}. Run \`dossier --help\` to see the commands.\n`);
    return 2;
  }
  // `--help` anywhere before `--` asks for help rather than running the command.
  const endOfOptions = rest.indexOf('--');
  const options = endOfOptions === -1 ? rest : rest.slice(0, endOfOptions);
  if (helpFor !== undefined || options.some(isHelpFlag)) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`dossier ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`dossier ${command.name}: ${describeError(error)}\n`);
    if (io.env.DOSSIER_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
