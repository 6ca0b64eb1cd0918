/**
 * The start-up area of the API: whether the notebook opened normally, read-only, or not at all (a
 * damaged file, a lost write-ahead log, a newer Dossier's notebook), and the ways out the start screen
 * offers. The host starts in every one of these states, so the renderer always gets an answer here
 * and chooses its screen from it; the recovery actions reopen the notebook without a restart.
 *
 * None of these ever overwrites the notebook file: a restore renames the damaged file aside first.
 */

import type { IsoTimestamp } from '../model';

/** How the notebook is open. */
export type StartupMode =
  /** Open for reading and writing. */
  | 'normal'
  /** Open for reading only: every change is refused with READ_ONLY. */
  | 'read-only'
  /** Not open: {@link StartupState.problem} says why; only this area's methods work. */
  | 'problem';

/** What is wrong with the notebook. */
export type StartupProblemKind =
  /** The file is damaged (PRAGMA quick_check failed) or is not a database at all. */
  | 'corrupt'
  /** Dossier was not shut down cleanly and the `-wal` file with its latest changes is gone. */
  | 'wal-missing'
  /** Written by a newer Dossier (DB_TOO_NEW). */
  | 'too-new'
  /**
   * The notebook file is missing or empty (0 bytes) while backups of it exist: deleted, truncated or
   * badly synced. Opening it would start an empty notebook and hide the loss, so it is not opened.
   */
  | 'empty'
  /** Anything else that kept the notebook from opening (the message says what). */
  | 'unreadable';

/** What is wrong, in words for the start screen. */
export interface StartupProblem {
  kind: StartupProblemKind;
  /** One line, e.g. "The notebook file is damaged". */
  title: string;
  /** What happened, what it means for the user's data and what they can do. */
  message: string;
  /** Technical findings (quick_check lines, SQLite's message), at most 10. */
  details: string[];
}

/** One way out of a problem: whether it can be taken now, and why not when it cannot. */
export interface StartupChoice {
  available: boolean;
  /** Why the choice is not available (shown beside the disabled button), or null. */
  reason: string | null;
}

/** The newest backup that passed its integrity check just now. */
export interface GoodBackup {
  /** The file name inside the backups folder. */
  name: string;
  createdAt: IsoTimestamp;
}

/** Where the notebook stands after start (or after a recovery action). */
export interface StartupState {
  mode: StartupMode;
  /** Why the notebook could not be opened normally, or null when it opened normally. */
  problem: StartupProblem | null;
  /** Why the notebook is read-only (shown in the banner), or null when it is not. */
  readOnlyReason: string | null;
  dataDir: string;
  databasePath: string;
  /** The backup "Restore from last good backup" would use, or null (see `restore.reason`). */
  lastGoodBackup: GoodBackup | null;
  /** Restore the last good backup; the current file is renamed aside, never deleted. */
  restore: StartupChoice;
  /** Open what can be read of the notebook, changing nothing. */
  openReadOnly: StartupChoice;
  /**
   * Only for `wal-missing`: keep using the notebook as it is on disk (without the lost changes), after
   * keeping a copy of the file aside.
   */
  openWithoutLostChanges: StartupChoice;
  /** Only for `empty`: start a new, empty notebook anyway; the backups stay where they are. */
  startNew: StartupChoice;
  /** Files that a recovery action set aside (the damaged notebook, or the copy of it). */
  keptAside: string[];
}

/** Methods of the start-up area. They answer in every state, also when the notebook could not open. */
export interface StartupApi {
  /** How the notebook opened, what is wrong with it if anything, and the choices the user has. */
  getStartupState(): Promise<StartupState>;

  /**
   * Replaces a notebook that could not be opened with its newest backup that passes its integrity
   * check, keeping the old file renamed aside (`dossier.sqlite.replaced-<time>`), and opens it.
   * Rejects with NOT_FOUND when there is no good backup, INVALID_ARGUMENT when the notebook is open
   * normally (restore a chosen backup from the backups panel instead).
   */
  restoreFromLastGoodBackup(): Promise<StartupState>;

  /**
   * Opens the notebook read-only from a private copy, so the file (damaged or not) is not touched.
   * Rejects with the reason (DB_CORRUPT, DB_TOO_NEW) when even that cannot be read.
   */
  openReadOnly(): Promise<StartupState>;

  /**
   * After a lost `-wal`: copies the notebook file aside, then opens it normally. The changes that were
   * only in the lost log are gone either way; this keeps everything that reached the file.
   * Rejects with INVALID_ARGUMENT for any other state.
   */
  openWithoutLostChanges(): Promise<StartupState>;

  /**
   * After `empty`: starts a new, empty notebook in place of the missing or empty file (an empty file
   * is kept aside first). The backups are not touched. Rejects with INVALID_ARGUMENT for any other
   * state.
   */
  startNewNotebook(): Promise<StartupState>;
}

/** The start-up area's methods, in the order hosts register them. */
export const STARTUP_METHODS = [
  'getStartupState',
  'restoreFromLastGoodBackup',
  'openReadOnly',
  'openWithoutLostChanges',
  'startNewNotebook',
] as const satisfies readonly (keyof StartupApi)[];
