/**
 * Writing one backup file and checking one. A backup is written under a `.partial` name with SQLite's
 * online backup API, turned into a self-contained single file, integrity-checked, and only then given
 * its final name (an atomic rename): a file with a backup's name has passed the check, and a crash
 * or a full disk half-way leaves at most a `.partial` file that is never listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { describeSqliteFailure } from '../db/sqlite-errors';
import { PARTIAL_SUFFIX } from './names';

/** What checking a backup file found. */
export interface BackupCheck {
  ok: boolean;
  schemaVersion: number | null;
  /** Bytes of the file in use by data (its pages less the free ones), or null when unreadable. */
  dataBytes: number | null;
  /** What is wrong, for messages; empty when ok. */
  problems: string[];
}

/**
 * Checks the notebook database in `file` without changing it: it opens as SQLite, `PRAGMA
 * integrity_check` says ok, `foreign_key_check` finds nothing, and its schema is one this Dossier knows.
 */
export function checkBackupFile(file: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const messages = integrity.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    problems.push(...messages.slice(0, 5));
    const version = schemaVersion(db);
    if (version === 0) problems.push('the file holds no Dossier notebook (schema version 0)');
    if (version > LATEST_SCHEMA_VERSION) {
      problems.push(
        `written by a newer Dossier (schema ${version}; this one knows ${LATEST_SCHEMA_VERSION})`,
      );
    }
    if (messages.length === 0) {
      const dangling = db.pragma('foreign_key_check') as unknown[];
      if (dangling.length > 0) problems.push(`${dangling.length} row(s) reference missing records`);
    }
    const pages =
      Number(db.pragma('page_count', { simple: true })) -
      Number(db.pragma('freelist_count', { simple: true }));
    const dataBytes = pages * Number(db.pragma('page_size', { simple: true }));
    return { ok: problems.length === 0, schemaVersion: version, dataBytes, problems };
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      schemaVersion: null,
      dataBytes: null,
      problems: [`it cannot be read as a database (${cause})`],
    };
  } finally {
    db?.close();
  }
}

/**
 * Copies the open database `db` into `target` (which must not exist) and checks the copy. `onProgress`
 * hears the fraction copied. The copy runs in steps, between which the caller's thread serves other
 * work, so the app is not blocked. Throws DB_READONLY (folder not writable, disk full) or DB_CORRUPT
 * (the copy failed its check); nothing is left at `target` then.
 */
export async function writeBackupFile(
  db: Database.Database,
  target: string,
  onProgress: (fraction: number) => void = () => {},
): Promise<BackupCheck> {
  const partial = `${target}${PARTIAL_SUFFIX}`;
  try {
    removeDatabaseFiles(partial);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages);
        // Pages per step: large enough that a big notebook finishes in seconds, small enough that a
        // step takes a few milliseconds and the notebook answers other calls in between.
        return 256;
      },
    });
    makeSelfContained(partial);
    const check = checkBackupFile(partial);
    if (!check.ok) {
      throw new ApiError(
        'DB_CORRUPT',
        `The backup just written failed its integrity check (${check.problems.join('; ')}), so it was ` +
          'deleted. Your notebook was not changed. Run "Back up now" again; if this repeats, the notebook ' +
          'itself may be damaged.',
        { problems: check.problems },
      );
    }
    fs.renameSync(partial, target);
    syncFolder(path.dirname(target));
    onProgress(1);
    return check;
  } catch (error) {
    try {
      removeDatabaseFiles(partial);
    } catch {
      // The folder itself is the problem; there is nothing to clean up in it.
    }
    throw backupFailure(error, target);
  }
}

/** A failure to write a backup, as the error the user sees. */
function backupFailure(error: unknown, target: string): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A file-system failure (no space, no permission, a file where the folder should be ...).
    const cause = error instanceof Error ? error.message : String(error);
    return new ApiError(
      'DB_READONLY',
      `Dossier could not write a backup into ${path.dirname(target)} (${cause}). Check that this folder ` +
        'can be written and the disk has free space. Your notebook was not changed.',
      { path: target, cause },
    );
  }
  return describeSqliteFailure(
    error,
    target,
    'Dossier could not write the backup; your notebook was not changed',
  );
}

/**
 * A copy made from a WAL database says "WAL" in its header, and opening it would create -wal and -shm
 * files beside it. Switching it to the rollback journal makes the backup one file that can be copied,
 * mailed or restored on its own.
 */
function makeSelfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  removeDatabaseFiles(file, true);
}

/** Deletes `file` and its -wal, -shm and -journal companions (only the companions if `companionsOnly`). */
export function removeDatabaseFiles(file: string, companionsOnly = false): void {
  const names = ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`);
  if (!companionsOnly) names.push(file);
  for (const name of names) fs.rmSync(name, { force: true });
}

/** Makes a rename in `folder` durable (a no-op where folders cannot be opened, as on Windows). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its renames are durable enough through NTFS's journal.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
