/**
 * The notebook looked at without touching it, for `dossier info`: is there one, did it lose its
 * `-wal`, is it from a newer Dossier, does `PRAGMA quick_check` pass, can it be written. A plain
 * read-only SQLite connection would create `-wal` and `-shm` files beside a WAL database, so the file is
 * read in place with SQLite's immutable flag, or from a private copy; the data folder ends exactly as
 * it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StartupProblem } from '../../../shared/areas/startup';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, schemaVersion, tooNewError } from '../db/migrate';
import { uncleanStopMarked, walLostAfterUncleanStop } from '../db/open-marker';
import { canReadInPlace, immutableUri } from '../db/read-in-place';
import { makeReadOnlyCopy, type ReadOnlyCopy } from '../db/read-only-copy';
import { describeSqliteFailure } from '../db/sqlite-errors';
import { DATABASE_FILE } from '../paths';
import { emptyNotebookProblem } from './empty-file';
import { problemOf, walMissingProblem } from './problems';
import { shouldQuickCheck, writeBlocker } from './session';

/** What {@link inspectNotebook} found. */
export type Inspection =
  /** No notebook file in the folder (nothing was created). */
  | { kind: 'missing'; databasePath: string }
  | { kind: 'problem'; databasePath: string; problem: StartupProblem }
  | {
      kind: 'ok';
      databasePath: string;
      schemaVersion: number;
      sqliteVersion: string;
      /** Whether `PRAGMA quick_check` ran (and passed). */
      quickChecked: boolean;
      /** Why the app would open it read-only, or null. */
      readOnlyReason: string | null;
    };

/** How {@link inspectNotebook} looks. */
export interface InspectOptions {
  /**
   * Run `PRAGMA quick_check` (it reads every page: seconds for a large notebook). Default: when the
   * app would at start-up (see shouldQuickCheck in session.ts).
   */
  quickCheck?: boolean;
}

/**
 * Inspects the notebook in `dataDir` without creating or changing any file there. The file is read in
 * place (db/read-in-place.ts) when it can be; after an unclean stop (a `-wal` beside it) or where this
 * process cannot read in place, from a private copy.
 */
export function inspectNotebook(dataDir: string, options: InspectOptions = {}): Inspection {
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const empty = emptyNotebookProblem(dataDir, databasePath);
  if (empty !== null) return { kind: 'problem', databasePath, problem: empty };
  if (!fs.existsSync(databasePath)) return { kind: 'missing', databasePath };
  if (walLostAfterUncleanStop(databasePath)) {
    return { kind: 'problem', databasePath, problem: walMissingProblem(databasePath) };
  }
  const quickCheck = options.quickCheck ?? shouldQuickCheck(databasePath, uncleanStopMarked(databasePath));
  let copy: ReadOnlyCopy | null = null;
  try {
    if (!canReadInPlace(databasePath)) copy = makeReadOnlyCopy(databasePath);
  } catch (error) {
    return { kind: 'problem', databasePath, problem: problemOf(error, databasePath) };
  }
  try {
    const db =
      copy === null
        ? new Database(immutableUri(databasePath), { readonly: true, fileMustExist: true })
        : new Database(copy.path, { readonly: true, fileMustExist: true });
    try {
      const version = schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) throw tooNewError(version, LATEST_SCHEMA_VERSION, databasePath);
      if (quickCheck) {
        const rows = db.pragma('quick_check') as { quick_check: string }[];
        const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
        if (problems.length > 0) {
          throw new ApiError('DB_CORRUPT', `${databasePath} failed its integrity check.`, {
            problems: problems.slice(0, 10),
          });
        }
      } else {
        // Without the full check, at least every table's definition must read.
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      }
      const sqlite = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get();
      const blocker = writeBlocker(databasePath);
      return {
        kind: 'ok',
        databasePath,
        schemaVersion: version,
        sqliteVersion: sqlite?.v ?? 'unknown',
        quickChecked: quickCheck,
        readOnlyReason: blocker === null ? null : `the file or its folder cannot be written (${blocker})`,
      };
    } finally {
      db.close();
    }
  } catch (error) {
    const described = describeSqliteFailure(error, databasePath, 'Dossier could not read the notebook');
    return { kind: 'problem', databasePath, problem: problemOf(described, databasePath) };
  } finally {
    copy?.remove();
  }
}
