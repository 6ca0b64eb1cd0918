/**
 * The CLI's small command framework. Each command is one file in `commands/` exporting a
 * {@link CliCommand}; index.ts lists them. Commands write only through `io`, so tests capture their
 * output without spawning a process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BackupCatalog } from '../core/backup/catalog';
import { BACKUP_FOLDER } from '../core/backup/names';
import { DATABASE_FILE, resolveDataDir } from '../core/paths';
import type { StartupProblem } from '../../shared/areas/startup';
import { ApiError } from '../../shared/errors';
import { NotebookSession } from '../core/startup/session';

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

/** What a command does when start-up finds the notebook damaged (see {@link withNotebook}). */
export type WhenDamaged =
  /** Refuse: print what is wrong and how to restore, exit 1 (commands that change or need all of it). */
  | 'refuse'
  /** Go on with what can still be read, from a private read-only copy, saying so on stderr. */
  | 'read-what-remains';

/** Whether a command may create the notebook when the folder has none. */
export type WhenMissing =
  /** Create it (commands that store something: clip, import, import-json). */
  | 'create'
  /** Refuse, as `info` does: a mistyped --data-dir must not leave an empty notebook behind. */
  | 'refuse';

/** The error for a folder with no notebook; it names the backups there, if any, and how to restore. */
export function missingNotebookError(dataDir: string, dataDirFlag: string | undefined): ApiError {
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const backups = new BackupCatalog(path.join(dataDir, BACKUP_FOLDER)).list();
  const where = dataDirFlag === undefined ? '' : ` --data-dir ${quoteArg(dataDir)}`;
  return new ApiError(
    'NOT_FOUND',
    `No notebook at ${dataDir} (there is no ${databasePath}). Check --data-dir; nothing was created.` +
      (backups.length === 0
        ? ''
        : ` Its backups folder holds ${backups.length} backup(s); \`dossier restore --latest${where}\` ` +
          'restores the newest.'),
    { dataDir },
  );
}

/**
 * The error for a notebook that start-up found unusable: what is wrong, that nothing was changed, and
 * the command that restores the last good backup.
 */
export function damagedNotebookError(
  problem: StartupProblem,
  dataDir: string,
  dataDirFlag: string | undefined,
): ApiError {
  const where = dataDirFlag === undefined ? '' : ` --data-dir ${quoteArg(dataDir)}`;
  const code =
    problem.kind === 'corrupt' ? 'DB_CORRUPT' : problem.kind === 'too-new' ? 'DB_TOO_NEW' : 'UNAVAILABLE';
  const restore =
    problem.kind === 'empty'
      ? `Nothing in ${dataDir} was changed. To restore the newest good backup: dossier restore --latest${where}\n` +
        `To start a new, empty notebook instead, first move the backups folder (${path.join(dataDir, 'backups')}) ` +
        'somewhere else: Dossier never deletes backups.'
      : `Nothing in ${dataDir} was changed. To restore the last good backup (the current file is kept ` +
        `beside it, renamed): dossier restore --latest${where}`;
  return new ApiError(
    code,
    [
      `${problem.title}. ${problem.message}`,
      ...problem.details.map((line) => `  ${line}`),
      restore,
      `\`dossier info${where}\` shows what is wrong; \`dossier backup --list${where}\` lists the backups.`,
    ].join('\n'),
    { problem: problem.kind },
  );
}

/** `arg` as a shell would need it typed. */
function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Opens the notebook in this process (no worker: a CLI call is one short task) after the same start-up
 * checks as the app (core/startup/session.ts): a lost `-wal`, a damaged file, a newer Dossier's
 * notebook, a folder that cannot be written (then it opens read-only). Runs `task` and closes the
 * notebook again, also when `task` fails; a clean close removes the in-use marker as the app's does.
 *
 * On damage, `whenDamaged` decides: refuse with {@link damagedNotebookError}, or read a private copy.
 * The damaged file is never opened for writing either way. A folder without a notebook gets one unless
 * `whenMissing` is 'refuse' (commands that only read).
 */
export async function withNotebook<T>(
  dataDirFlag: string | undefined,
  io: CliIo,
  task: (notebook: NotebookSession) => Promise<T>,
  whenDamaged: WhenDamaged = 'refuse',
  whenMissing: WhenMissing = 'create',
): Promise<T> {
  const dataDir = resolveDataDir({ flag: dataDirFlag, env: io.env });
  if (whenMissing === 'refuse' && !fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw missingNotebookError(dataDir, dataDirFlag);
  }
  const session = NotebookSession.start({ dataDir, host: 'cli' });
  try {
    const problem = session.problem;
    if (problem !== null) {
      if (whenDamaged === 'refuse') throw damagedNotebookError(problem, dataDir, dataDirFlag);
      try {
        await session.openReadOnly();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        const refused = damagedNotebookError(problem, dataDir, dataDirFlag);
        throw new ApiError(refused.code, `${refused.message}\nEven read-only it cannot be read: ${why}`);
      }
      io.stderr.write(
        `dossier: ${problem.title}; reading what remains from a private read-only copy (${dataDir} is ` +
          'not changed). Run `dossier info` for details.\n',
      );
    }
    return await task(session);
  } finally {
    await session.close();
  }
}

/** Writes values as JSON Lines: one JSON document per line, easy to pipe into jq or grep. */
export function writeJsonLines(io: CliIo, values: Iterable<unknown>): void {
  let text = '';
  for (const value of values) text += `${JSON.stringify(value)}\n`;
  io.stdout.write(text);
}
