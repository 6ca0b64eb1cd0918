/**
 * Restoring a backup without the app: what `dossier restore` does. When the notebook opens, its rows
 * are replaced in one transaction after it was saved as a `before-restore` backup (as in the app).
 * When it cannot be opened (damaged, or written by a newer Dossier), the file is renamed aside, never
 * overwritten, and a checked copy of the backup takes its place.
 */
import path from 'node:path';
import type { BackupInfo } from '../../../shared/areas/backup';
import { ApiError } from '../../../shared/errors';
import { releaseOpenMarker } from '../db/open-marker';
import { openDatabase } from '../db/open';
import { DATABASE_FILE } from '../paths';
import { missingOrEmpty } from '../startup/empty-file';
import { checkBackupFile, removeDatabaseFiles, writeBackupFile } from './backup-file';
import { BackupCatalog } from './catalog';
import { BACKUP_FOLDER, backupFileName } from './names';
import { replaceDatabaseFile } from './replace-file';
import { backupPathProblem, prepareRestoreCopy, replaceContents } from './restore';

/** What {@link restoreNotebook} did. */
export type OfflineRestore =
  | { mode: 'replaced-rows'; fromSchemaVersion: number; safetyBackup: BackupInfo }
  | { mode: 'replaced-file'; fromSchemaVersion: number; movedAside: string | null };

/** The catalog of the backups of the notebook in `dataDir`. */
export function backupCatalog(dataDir: string): BackupCatalog {
  return new BackupCatalog(path.join(dataDir, BACKUP_FOLDER));
}

/**
 * Restores `backup` (a backup's name in the notebook's backups folder, or a path to any backup file)
 * into the notebook in `dataDir`.
 */
export async function restoreNotebook(
  dataDir: string,
  backup: string,
  now = new Date(),
): Promise<OfflineRestore> {
  const catalog = backupCatalog(dataDir);
  const file = catalog.find(backup) !== undefined ? catalog.pathOf(backup) : path.resolve(backup);
  const databasePath = path.join(dataDir, DATABASE_FILE);
  // Before the notebook is opened (which would create one in an empty folder): a clear word for a
  // name that is no backup, or a folder.
  const problem = backupPathProblem(
    file,
    `There is no backup named ${backup} in ${catalog.folder}, and no file at ${file}. Nothing was ` +
      'changed. `dossier backup --list` lists the backups.',
  );
  if (problem !== null) throw problem;

  // A missing or empty notebook (startup/empty-file.ts) has nothing to keep as a before-restore backup,
  // and opening it would create an empty one: the backup simply takes its place.
  if (missingOrEmpty(databasePath) !== null) {
    const replaced = replaceDatabaseFile(databasePath, file, now);
    releaseOpenMarker(databasePath);
    return { mode: 'replaced-file', ...replaced };
  }
  let db;
  try {
    db = openDatabase(databasePath);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'DB_CORRUPT' || error.code === 'DB_TOO_NEW')) {
      const replaced = replaceDatabaseFile(databasePath, file, now);
      // The marker of a stopped session belonged to the file set aside; the restored one starts clean.
      releaseOpenMarker(databasePath);
      return { mode: 'replaced-file', ...replaced };
    }
    throw error;
  }
  const staging = path.join(catalog.folder, '.restore-staging.sqlite');
  let restored: OfflineRestore | undefined;
  try {
    const fromSchemaVersion = prepareRestoreCopy(file, staging);
    const name = backupFileName('before-restore', now);
    const check = await writeBackupFile(db, catalog.pathOf(name));
    catalog.recordCheck(name, check, now);
    replaceContents(db, staging);
    if (catalog.find(backup) !== undefined) catalog.recordCheck(backup, checkBackupFile(file), now);
    restored = { mode: 'replaced-rows', fromSchemaVersion, safetyBackup: catalog.find(name)! };
    return restored;
  } finally {
    removeDatabaseFiles(staging);
    db.close();
    // A stopped session's marker (a -wal lost after it, say) no longer describes this notebook: its
    // contents were just replaced and, closed, it has no log left. Running holders keep theirs.
    if (restored !== undefined) releaseOpenMarker(databasePath);
  }
}
