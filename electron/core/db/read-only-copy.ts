/**
 * A private copy of the notebook for read-only mode. Opening the notebook itself read-only is not
 * enough to leave it untouched: SQLite's read-only connections still create `-wal` and `-shm` beside
 * a WAL database (which would also hide a lost `-wal`, see open-marker.ts), and cannot open it at all
 * when the folder is write-protected. Reading a copy in the temp folder changes nothing in the data
 * folder, whatever state the file is in.
 *
 * Cost: one file copy (a reflink, i.e. instant, on file systems that support it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A copy of a database (with its `-wal`, when there is one) and how to remove it. */
export interface ReadOnlyCopy {
  /** The copy's database file. */
  path: string;
  /** Deletes the copy. Never throws. */
  remove(): void;
}

/**
 * Copies `databasePath` and its `-wal` (the newest commits, if Dossier did not close cleanly) into a
 * fresh temp folder. The `-shm` is not copied: SQLite rebuilds it from the `-wal`.
 */
export function makeReadOnlyCopy(databasePath: string): ReadOnlyCopy {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-read-only-'));
  const copy = path.join(folder, path.basename(databasePath));
  const remove = (): void => fs.rmSync(folder, { recursive: true, force: true });
  try {
    fs.copyFileSync(databasePath, copy, fs.constants.COPYFILE_FICLONE);
    const wal = `${databasePath}-wal`;
    if (fs.existsSync(wal)) fs.copyFileSync(wal, `${copy}-wal`, fs.constants.COPYFILE_FICLONE);
  } catch (error) {
    remove();
    throw error;
  }
  return { path: copy, remove };
}
