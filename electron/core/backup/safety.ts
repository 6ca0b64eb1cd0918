/**
 * A backup taken because something is about to change a lot of the notebook at once (a JSON export
 * merged into it): written and checked like any backup, under a name that says why, so the change can
 * be undone by restoring it. Not pruned by this write.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../../shared/areas/backup';
import { writeBackupFile } from './backup-file';
import { BackupCatalog } from './catalog';
import { BACKUP_FOLDER, backupFileName } from './names';

/** Writes a checked backup of `db` of `kind` into the backups folder of `dataDir` and returns it. */
export async function writeSafetyBackup(
  db: Database.Database,
  dataDir: string,
  kind: BackupKind,
  now: Date = new Date(),
): Promise<BackupInfo> {
  const catalog = new BackupCatalog(path.join(dataDir, BACKUP_FOLDER));
  let when = now;
  // Two backups in the same millisecond must not share a name.
  while (catalog.find(backupFileName(kind, when)) !== undefined) when = new Date(when.getTime() + 1);
  const name = backupFileName(kind, when);
  const check = await writeBackupFile(db, catalog.pathOf(name));
  catalog.recordCheck(name, check, now);
  return catalog.find(name)!;
}
