/**
 * Opens the notebook database: creates its folder, refuses files it must not touch, sets the
 * connection pragmas and brings the schema up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion, tooNewError } from './migrate';
import { immutableUri } from './read-in-place';
import { missingSchemaParts } from './schema-compat';
import { describeSqliteFailure } from './sqlite-errors';

/** How to open a database. */
export interface OpenDatabaseOptions {
  /**
   * Open without writing anything: no folder is created, no migration runs, and the connection refuses
   * writes. The file must exist and already be at the latest schema.
   */
  readonly?: boolean;
  /**
   * Run `PRAGMA quick_check` before anything is written, and refuse a damaged file with DB_CORRUPT
   * (details.problems: what the check found). It reads every page (seconds for a large notebook: bench
   * suite startup-check), which is why start-up decides when to ask for it (see startup/session.ts).
   */
  quickCheck?: boolean;
  /**
   * Only with `readonly`: accept a database from a newer Dossier when every table and column this
   * version reads is still there (newer versions usually only add). Otherwise DB_TOO_NEW says what is
   * missing.
   */
  acceptNewerSchema?: boolean;
  /**
   * Only with `readonly`: read the file in place with SQLite's immutable flag instead of locking it,
   * for a short look that must leave nothing beside the file. The caller checked
   * `canReadInPlace` (read-in-place.ts) first.
   */
  inPlace?: boolean;
}

/**
 * Opens (creating if needed) the SQLite database at `path` and migrates it to the latest schema.
 *
 * Rejects with DB_TOO_NEW when the file was written by a newer Dossier, DB_CORRUPT when it is not a
 * database, DB_READONLY when it cannot be written; in each case the file is left byte-for-byte as it was.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readonly = options.readonly === true;
  const db = connect(path, readonly, readonly && options.inPlace === true);
  try {
    // Nothing so far has written to the file. Decide whether we may before changing anything: even
    // switching to WAL rewrites the header, and a newer Dossier's notebook must stay exactly as it is.
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) refuseNewer(db, found, path, readonly && options.acceptNewerSchema);
    if (readonly && found < LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'DB_READONLY',
        `The notebook at ${path} needs upgrading (schema ${found} to ${LATEST_SCHEMA_VERSION}), which a ` +
          'read-only open cannot do. Open it once in Dossier normally, then try again. The file was not changed.',
        { path, found, supported: LATEST_SCHEMA_VERSION },
      );
    }
    if (options.quickCheck === true) quickCheck(db, path);
    configure(db, readonly);
    if (!readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw describeSqliteFailure(error, path, 'Dossier could not open the notebook');
  }
}

function connect(file: string, readonly: boolean, inPlace: boolean): Database.Database {
  try {
    if (!readonly) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // SQLite silently opens a write-protected file read-only and fails only at the first save; the
      // user should hear about it now, before typing anything.
      if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    }
    const db = new Database(inPlace ? immutableUri(file) : file, { readonly, fileMustExist: readonly });
    // Before the first read: another Dossier process (the CLI beside the app) may hold a lock briefly.
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw describeSqliteFailure(error, file, 'Dossier could not open the notebook');
  }
}

/**
 * Connection settings. journal_mode is stored in the file; the others apply to this connection only and
 * so must be set on every connection, which is why every connection comes from here.
 */
function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    // WAL: readers (search, the CLI) never block the writer, and a commit is one append to the log.
    db.pragma('journal_mode = WAL');
  }
  // FULL, not NORMAL: a note the UI shows as "saved" must survive a power cut, not just a crash of
  // Dossier. In WAL mode NORMAL skips the fsync on commit, so the last commits can be lost when the OS
  // goes down; FULL costs one fsync per commit, which autosave every second or so easily affords.
  db.pragma('synchronous = FULL');
  // Off by default in SQLite, per connection; without it the ON DELETE rules and references are ignored.
  db.pragma('foreign_keys = ON');
  // SQLite's default page cache is 2 MB. Full-text search reads the same index pages query after query;
  // 64 MB keeps them in the process (measured in bench/results/history.md). Filled only as used.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  if (readonly) db.pragma('query_only = ON');
}

/** Page cache per connection, in KiB. */
export const CACHE_KIB = 64 * 1024;

/** Throws DB_TOO_NEW unless `accept` and this version can read every table and column it needs. */
function refuseNewer(db: Database.Database, found: number, path: string, accept = false): void {
  const error = tooNewError(found, LATEST_SCHEMA_VERSION, path);
  if (!accept) throw error;
  const missing = missingSchemaParts(db);
  if (missing.length === 0) return;
  throw new ApiError(
    'DB_TOO_NEW',
    `${error.message} It cannot be read by this version either: its layout changed ` +
      `(${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' ...' : ''} no longer exist).`,
    { ...error.details, missing: missing.slice(0, 50) },
  );
}

/**
 * Throws DB_CORRUPT when `PRAGMA quick_check` finds damage. Runs before anything is written: a damaged
 * b-tree written to can lose more than it already has.
 */
function quickCheck(db: Database.Database, path: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  if (problems.length === 0) return;
  throw new ApiError(
    'DB_CORRUPT',
    `The notebook at ${path} is damaged: its integrity check found ${problems.length} problem(s), ` +
      `starting with "${problems[0]}". The file was not changed; restore it from a backup or open it read-only.`,
    { path, problems: problems.slice(0, 10) },
  );
}
