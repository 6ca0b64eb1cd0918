/**
 * The notebook as the app's hosts run it: opened after a start-up check, and still answering when it
 * cannot be opened. Start-up looks for a missing or empty file beside its backups (empty-file.ts), a
 * lost `-wal` (db/open-marker.ts), a file or folder that cannot be written (then it opens read-only by
 * itself), and runs `PRAGMA quick_check` before anything is written. A missing, empty, damaged,
 * too-new or log-less notebook is not opened; the session then answers the start-up
 * area (shared/areas/startup.ts) so the renderer can show what is wrong and offer the way out, and
 * every other call with that reason. Recovery reopens the notebook in this process, without a restart.
 *
 * The damaged file is never written: read-only mode reads a private copy, a restore renames the file
 * aside, and keeping a notebook without its lost log copies the file aside first.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { API_METHODS, type NotebookApi } from '../../../shared/api';
import {
  STARTUP_METHODS,
  type StartupApi,
  type StartupChoice,
  type StartupProblem,
  type StartupState,
} from '../../../shared/areas/startup';
import { ApiError, isApiError } from '../../../shared/errors';
import { lastGoodBackup, recoverFromLastGoodBackup } from '../backup/recovery';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import {
  releaseOpenMarker,
  removeOpenMarker,
  uncleanStopMarked,
  walLostAfterUncleanStop,
  writeOpenMarker,
} from '../db/open-marker';
import { openDatabase } from '../db/open';
import { canReadInPlace, immutableUri } from '../db/read-in-place';
import { makeReadOnlyCopy, type ReadOnlyCopy } from '../db/read-only-copy';
import type { ClipResult } from '../../../shared/areas/library';
import { Notebook, type NotebookOptions } from '../notebook';
import type { BodyMethod } from '../request-body';
import { DATABASE_FILE } from '../paths';
import { READ_ONLY_METHODS, describeRuntimeFailure, readOnlyError } from './guard';
import { emptyNotebookProblem } from './empty-file';
import { nothingToRecover, openState } from './open-state';
import { notOpenError, problemOf, readOnlyReasonOf, walMissingProblem } from './problems';

/**
 * Notebooks up to this size get `PRAGMA quick_check` on every start. It reads every page, so it costs
 * seconds on a large notebook (bench suite startup-check; numbers in bench/results/history.md); at this
 * size it costs a fraction of a second, which the page spends loading anyway (the host answers the page before the worker has opened the notebook). Larger ones
 * get it after an unclean stop (the marker file is there), when damage is most likely and the user
 * expects a check; and every page of every notebook is read by the daily automatic backup, whose
 * `integrity_check` (stronger than quick_check) fails saying the notebook itself may be damaged.
 */
export const QUICK_CHECK_ALWAYS_BYTES = 32 * 1024 * 1024;

/** Whether start-up runs quick_check on `databasePath` (see {@link QUICK_CHECK_ALWAYS_BYTES}). */
export function shouldQuickCheck(databasePath: string, uncleanStop: boolean): boolean {
  if (uncleanStop) return true;
  try {
    return fs.statSync(databasePath).size <= QUICK_CHECK_ALWAYS_BYTES;
  } catch {
    return false; // No file yet: a new notebook has nothing to check.
  }
}

/** Why the notebook file or its folder cannot be written, or null when both can. */
export function writeBlocker(databasePath: string): string | null {
  try {
    if (fs.existsSync(databasePath)) fs.accessSync(databasePath, fs.constants.W_OK);
    const folder = path.dirname(databasePath);
    if (fs.existsSync(folder)) fs.accessSync(folder, fs.constants.W_OK);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

// Every NotebookApi method is installed in the constructor; this declaration tells the type checker.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface NotebookSession extends NotebookApi {}

/** One notebook for the lifetime of a host, in whatever state start-up found it. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class NotebookSession implements StartupApi {
  readonly databasePath: string;
  private notebook: Notebook | null = null;
  private copy: ReadOnlyCopy | null = null;
  private problemFound: StartupProblem | null = null;
  private readOnlyReason: string | null = null;
  private markerWritten = false;
  private readonly keptAside: string[] = [];
  /** Found on demand while a problem is shown: [backup, readable-read-only reason]. */
  private backupCache: ReturnType<typeof lastGoodBackup> | undefined;
  private readOnlyProbe: string | null | undefined;
  /** Recovery actions run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly options: NotebookOptions) {
    this.databasePath = path.join(options.dataDir, DATABASE_FILE);
    for (const method of API_METHODS) {
      if ((STARTUP_METHODS as readonly string[]).includes(method)) continue;
      (this as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
        this.forward(method, args);
    }
  }

  /** Checks and opens the notebook in `options.dataDir`. Never throws for the notebook's state. */
  static start(options: NotebookOptions): NotebookSession {
    const session = new NotebookSession(options);
    session.openAtStart();
    return session;
  }

  /** What start-up (or the last recovery action) found wrong with the notebook, or null. */
  get problem(): StartupProblem | null {
    return this.problemFound;
  }

  /** The open notebook's mode, or 'problem'. */
  get mode(): StartupState['mode'] {
    if (this.notebook === null) return 'problem';
    return this.readOnlyReason === null ? 'normal' : 'read-only';
  }

  private openAtStart(): void {
    const file = this.databasePath;
    // Before anything opens (and so creates) the file: an empty notebook beside its backups is a loss.
    const empty = emptyNotebookProblem(this.options.dataDir, file);
    if (empty !== null) {
      this.problemFound = empty;
      return;
    }
    // Before anything opens the file: opening would create a new, empty -wal and hide the loss.
    if (walLostAfterUncleanStop(file)) {
      this.problemFound = walMissingProblem(file);
      return;
    }
    const blocker = writeBlocker(file);
    if (blocker !== null) {
      this.openAutomaticallyReadOnly(blocker);
      return;
    }
    try {
      this.openWritable(shouldQuickCheck(file, uncleanStopMarked(file)));
    } catch (error) {
      if (isApiError(error) && error.code === 'DB_READONLY' && fs.existsSync(file)) {
        this.openAutomaticallyReadOnly(String(error.details?.cause ?? error.message));
      } else {
        this.problemFound = problemOf(error, file);
      }
    }
  }

  private openAutomaticallyReadOnly(cause: string): void {
    try {
      this.openCopy(readOnlyReasonOf(null, cause));
    } catch (error) {
      this.problemFound = problemOf(error, this.databasePath);
    }
  }

  private openWritable(quickCheck: boolean): void {
    const notebook = Notebook.open({ ...this.options, quickCheck });
    this.notebook = notebook;
    this.markerWritten = writeOpenMarker(this.databasePath, this.options.host);
  }

  /** Opens a private copy read-only; an older schema is brought up to date on the copy, never the file. */
  private openCopy(reason: string): void {
    const copy = makeReadOnlyCopy(this.databasePath);
    try {
      upgradeCopyIfOlder(copy.path);
      this.notebook = Notebook.open({ ...this.options, readOnly: { file: copy.path, reason } });
      this.copy = copy;
      this.readOnlyReason = reason;
    } catch (error) {
      copy.remove();
      throw error;
    }
  }

  private async closeCurrent(): Promise<void> {
    const notebook = this.notebook;
    this.notebook = null;
    this.readOnlyReason = null;
    let logEmptied = false;
    if (notebook !== null) {
      try {
        logEmptied = await notebook.close();
      } catch (error) {
        // A damaged notebook (read-only copy) can fail while a service reads on its way out; the copy
        // is thrown away below anyway, and the user's file was never open.
        console.error('Dossier: closing the notebook failed:', error);
      }
    }
    // Only when the close folded the whole log into the file: a -wal that still holds commits (another
    // program kept the checkpoint from finishing) must stay covered by the marker, or its loss would
    // go unnoticed.
    if (this.markerWritten && logEmptied) releaseOpenMarker(this.databasePath);
    this.markerWritten = false;
    this.copy?.remove();
    this.copy = null;
  }

  /**
   * Runs clip `method` on its request's JSON body, read in the worker that prepares the clip (see
   * request-body.ts): the same checks, refusals and errors as the call with parsed arguments.
   */
  async clipWithBody(method: BodyMethod, body: Uint8Array): Promise<ClipResult> {
    return (await this.forward(method, [], (notebook) => notebook.clipWithBody(method, body))) as ClipResult;
  }

  private async forward(
    method: (typeof API_METHODS)[number],
    args: unknown[],
    run?: (notebook: Notebook) => Promise<unknown>,
  ): Promise<unknown> {
    if (this.closed) throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
    const notebook = this.notebook;
    if (notebook === null) throw notOpenError(this.problemFound ?? walMissingProblem(this.databasePath));
    if (this.readOnlyReason !== null && !READ_ONLY_METHODS.has(method)) {
      throw readOnlyError(method, this.readOnlyReason);
    }
    try {
      if (run !== undefined) return await run(notebook);
      const fn = notebook[method] as (...a: unknown[]) => Promise<unknown>;
      return await fn.apply(notebook, args);
    } catch (error) {
      throw describeRuntimeFailure(error, method, this.databasePath);
    }
  }

  /**
   * Runs `task` on the open notebook's database (in read-only mode, the private copy's): for the CLI's
   * whole-notebook jobs that are no API method. Refused like an API call while start-up found a problem,
   * and when `writes` while the notebook is read-only.
   */
  runOnDatabase<T>(job: string, writes: boolean, task: (db: Database.Database) => T): T {
    if (this.closed) throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
    const notebook = this.notebook;
    if (notebook === null) throw notOpenError(this.problemFound ?? walMissingProblem(this.databasePath));
    if (writes && this.readOnlyReason !== null) throw readOnlyError(job, this.readOnlyReason);
    try {
      return notebook.runOnDatabase(task);
    } catch (error) {
      throw describeRuntimeFailure(error, job, this.databasePath);
    }
  }

  private serialized<T>(action: () => Promise<T>): Promise<T> {
    const run = this.queue.then(action, action);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** @inheritdoc */
  async getStartupState(): Promise<StartupState> {
    const base = openState(this.options.dataDir, this.databasePath, this.readOnlyReason);
    const state: StartupState = { ...base, mode: this.mode, keptAside: [...this.keptAside] };
    if (this.problemFound === null) return state;
    const backup = this.goodBackup();
    return {
      ...state,
      problem: this.problemFound,
      lastGoodBackup: backup === null ? null : { name: backup.name, createdAt: backup.createdAt },
      restore: this.restoreChoice(backup),
      openReadOnly:
        this.mode === 'read-only'
          ? { available: false, reason: 'The notebook is open read-only now.' }
          : this.problemFound.kind === 'empty'
            ? { available: false, reason: 'There is nothing to read: the notebook file is missing or empty.' }
            : this.readOnlyChoice(),
      openWithoutLostChanges:
        this.problemFound.kind !== 'wal-missing'
          ? { available: false, reason: 'Only for a notebook whose latest changes were lost.' }
          : blockedChoice(writeBlocker(this.databasePath)),
      startNew:
        this.problemFound.kind !== 'empty'
          ? { available: false, reason: 'Only when the notebook file is missing or empty.' }
          : blockedChoice(writeBlocker(this.databasePath)),
    };
  }

  private goodBackup(): ReturnType<typeof lastGoodBackup> {
    if (this.backupCache === undefined) {
      try {
        this.backupCache = lastGoodBackup(this.options.dataDir);
      } catch {
        this.backupCache = null; // An unreadable backups folder has no backup to offer.
      }
    }
    return this.backupCache;
  }

  private restoreChoice(backup: ReturnType<typeof lastGoodBackup>): StartupChoice {
    const blocker = writeBlocker(this.databasePath);
    if (blocker !== null) {
      return { available: false, reason: `The notebook folder cannot be written (${blocker}).` };
    }
    if (backup === null) {
      return {
        available: false,
        reason: `There is no backup of this notebook that passes its integrity check (in ${path.join(this.options.dataDir, 'backups')}).`,
      };
    }
    return { available: true, reason: null };
  }

  /**
   * Whether a read-only copy opens: tried once, so the button never lies. Read in place when it can be
   * (db/read-in-place.ts): copying the whole file only to open it and throw it away costs seconds for a
   * large notebook. A copy is still needed after an unclean stop (the -wal must be read too) and for an
   * older schema, which is brought up to date on the copy as {@link openCopy} would.
   */
  private readOnlyChoice(): StartupChoice {
    if (this.readOnlyProbe === undefined) {
      try {
        const file = this.databasePath;
        if (canReadInPlace(file) && !needsUpgrade(file)) {
          openDatabase(file, { readonly: true, acceptNewerSchema: true, inPlace: true }).close();
        } else {
          const copy = makeReadOnlyCopy(file);
          try {
            upgradeCopyIfOlder(copy.path);
            openDatabase(copy.path, { readonly: true, acceptNewerSchema: true }).close();
          } finally {
            copy.remove();
          }
        }
        this.readOnlyProbe = null;
      } catch (error) {
        this.readOnlyProbe = cannotReadReason(error);
      }
    }
    return blockedChoice(this.readOnlyProbe);
  }

  /** @inheritdoc */
  restoreFromLastGoodBackup(): Promise<StartupState> {
    return this.serialized(async () => {
      if (this.problemFound === null) throw nothingToRecover('restoreFromLastGoodBackup');
      const blocker = writeBlocker(this.databasePath);
      if (blocker !== null)
        throw new ApiError('DB_READONLY', `The notebook folder cannot be written (${blocker}).`);
      await this.closeCurrent();
      this.backupCache = undefined;
      const result = recoverFromLastGoodBackup(this.options.dataDir);
      if (result === null) {
        throw new ApiError(
          'NOT_FOUND',
          'There is no backup of this notebook that passes its integrity check.',
        );
      }
      // The marker belonged to the file now set aside; the restored one starts clean.
      removeOpenMarker(this.databasePath);
      if (result.movedAside !== null) this.keptAside.push(result.movedAside);
      this.problemFound = null;
      this.readOnlyProbe = undefined;
      this.openWritable(false); // The backup passed integrity_check just now.
      return this.getStartupState();
    });
  }

  /** @inheritdoc */
  openReadOnly(): Promise<StartupState> {
    return this.serialized(async () => {
      if (this.mode === 'normal') throw nothingToRecover('openReadOnly');
      if (this.mode === 'problem') this.openCopy(readOnlyReasonOf(this.problemFound));
      return this.getStartupState();
    });
  }

  /** @inheritdoc */
  openWithoutLostChanges(): Promise<StartupState> {
    return this.serialized(async () => {
      if (this.problemFound?.kind !== 'wal-missing') throw nothingToRecover('openWithoutLostChanges');
      await this.closeCurrent();
      const aside = `${this.databasePath}.before-lost-wal-${stamp(new Date())}`;
      fs.copyFileSync(this.databasePath, aside, fs.constants.COPYFILE_EXCL);
      this.keptAside.push(aside);
      removeOpenMarker(this.databasePath);
      try {
        this.openWritable(true);
        this.problemFound = null;
      } catch (error) {
        this.problemFound = problemOf(error, this.databasePath);
        this.readOnlyProbe = undefined;
      }
      return this.getStartupState();
    });
  }

  /** @inheritdoc */
  startNewNotebook(): Promise<StartupState> {
    return this.serialized(async () => {
      if (this.problemFound?.kind !== 'empty') throw nothingToRecover('startNewNotebook');
      const blocker = writeBlocker(this.databasePath);
      if (blocker !== null)
        throw new ApiError('DB_READONLY', `The notebook folder cannot be written (${blocker}).`);
      // Even an empty file is set aside, never deleted; its marker and log went with the old notebook.
      if (fs.existsSync(this.databasePath)) {
        const aside = `${this.databasePath}.empty-${stamp(new Date())}`;
        fs.renameSync(this.databasePath, aside);
        this.keptAside.push(aside);
      }
      removeOpenMarker(this.databasePath);
      this.openWritable(false);
      this.problemFound = null;
      this.backupCache = undefined;
      return this.getStartupState();
    });
  }

  /** Closes the notebook (a clean close: checkpoint, marker removed) and any read-only copy. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.closeCurrent();
  }
}

function blockedChoice(reason: string | null): StartupChoice {
  return reason === null ? { available: true, reason: null } : { available: false, reason };
}

/**
 * Whether the database at `file` (opened as `name`: a path, or an immutable URI) is at an older schema
 * that read-only mode brings up to date on its copy. A file that cannot even be read needs nothing:
 * opening it read-only then reports why.
 */
function isOlder(name: string): boolean {
  try {
    const probe = new Database(name, { readonly: true, fileMustExist: true });
    try {
      const version = schemaVersion(probe);
      return version > 0 && version < LATEST_SCHEMA_VERSION;
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}

/** {@link isOlder}, read in place: the caller checked canReadInPlace. */
function needsUpgrade(databasePath: string): boolean {
  return isOlder(immutableUri(databasePath));
}

/** Migrates a private copy that is at an older schema, so this version can read it. */
function upgradeCopyIfOlder(copy: string): void {
  if (isOlder(copy)) openDatabase(copy).close();
}

/**
 * Why even a read-only copy cannot be opened, in words for the disabled button. The copy's temp path
 * in the underlying message would only confuse, so SQLite's own cause is shown, or the whole message
 * when it explains something else (a newer layout, for instance).
 */
function cannotReadReason(error: unknown): string {
  if (isApiError(error) && error.code === 'DB_CORRUPT' && typeof error.details?.cause === 'string') {
    return `Even read-only it cannot be read: the damage reaches the parts every screen needs (${error.details.cause}).`;
  }
  return `Even read-only it cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}
