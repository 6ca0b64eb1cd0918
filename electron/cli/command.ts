/**
 * The CLI's small command framework. Each command is one file in `commands/` exporting a
 * {@link CliCommand}; index.ts lists them. Commands write only through `io`, so tests capture their
 * output without spawning a process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveDataDir } from '../core/paths';
import { Notebook } from '../core/notebook';

/** Where a command writes and what environment it sees. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** One `dossier <name>` command. */
export interface CliCommand {
  /** The word typed after `dossier`. */
  name: string;
  /** One line for `dossier --help`. */
  summary: string;
  /** The full text of `dossier <name> --help`, starting with `Usage:`. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was typed: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The `--data-dir` option every command that opens the notebook accepts. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

/** Help text describing {@link DATA_DIR_OPTION}. */
export const DATA_DIR_HELP =
  '  --data-dir DIR  the notebook folder (default: $DOSSIER_DATA_DIR, or the platform app-data folder)';

/** util.parseArgs, with its errors turned into {@link UsageError}s. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Opens the notebook in this process (no worker: a CLI call is one short task), runs `task` and
 * closes the notebook again, also when `task` fails.
 */
export async function withNotebook<T>(
  dataDirFlag: string | undefined,
  io: CliIo,
  task: (notebook: Notebook) => Promise<T>,
): Promise<T> {
  const notebook = Notebook.open({
    dataDir: resolveDataDir({ flag: dataDirFlag, env: io.env }),
    host: 'cli',
  });
  try {
    return await task(notebook);
  } finally {
    await notebook.close();
  }
}

/** Writes values as JSON Lines: one JSON document per line, easy to pipe into jq or grep. */
export function writeJsonLines(io: CliIo, values: Iterable<unknown>): void {
  let text = '';
  for (const value of values) text += `${JSON.stringify(value)}\n`;
  io.stdout.write(text);
}
