/**
 * A notebook file that is missing or empty (0 bytes) beside backups of it. SQLite opens a 0-byte file
 * as a new, empty database, and a missing one is simply created; either way the app used to open "a
 * notebook" with nothing in it, offer no restore, and let the rolling backups of that empty notebook
 * push the last good backup out. Start-up now treats it as a problem and offers the newest good
 * backup (session.ts); with no backup at all it is a first start, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/areas/backup';
import type { StartupProblem } from '../../../shared/areas/startup';
import { BackupCatalog } from '../backup/catalog';
import { BACKUP_FOLDER } from '../backup/names';

/** How the notebook file is gone: not there, or there with no bytes (and no log holding its pages). */
export function missingOrEmpty(databasePath: string): 'missing' | 'empty' | null {
  let size: number;
  try {
    size = fs.statSync(databasePath).size;
  } catch {
    return 'missing';
  }
  if (size > 0) return null;
  // A new notebook's first pages can sit in its -wal before the first checkpoint: that is not empty.
  try {
    if (fs.statSync(`${databasePath}-wal`).size > 0) return null;
  } catch {
    // No log: nothing anywhere.
  }
  return 'empty';
}

function when(backup: BackupInfo): string {
  return backup.createdAt.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
}

/**
 * The start-up problem of a missing or empty notebook file in `dataDir` while its backups folder holds
 * backups, or null (the file has content, or there is no backup: a first start).
 */
export function emptyNotebookProblem(dataDir: string, databasePath: string): StartupProblem | null {
  const how = missingOrEmpty(databasePath);
  if (how === null) return null;
  const catalog = new BackupCatalog(path.join(dataDir, BACKUP_FOLDER));
  const backups = catalog.list();
  const newest = backups[0];
  if (newest === undefined) return null;
  const file = path.basename(databasePath);
  const state = how === 'missing' ? 'is missing' : 'is empty (0 bytes)';
  const count = backups.length === 1 ? 'one backup' : `${backups.length} backups`;
  return {
    kind: 'empty',
    title: how === 'missing' ? 'The notebook file is missing' : 'The notebook file is empty',
    message:
      `The notebook file ${file} ${state}, but ${catalog.folder} holds ${count} of it, the newest from ` +
      `${when(newest)}. Dossier did not open it as a new, empty notebook, so nothing was written and no ` +
      'backup was replaced. Restore the newest good backup, or start a new, empty notebook (the backups ' +
      'are kept either way).',
    details: [
      how === 'missing' ? `${databasePath}: not found` : `${databasePath}: 0 bytes`,
      `${backups.length} backup file(s) in ${catalog.folder}; newest ${newest.name}`,
    ],
  };
}
