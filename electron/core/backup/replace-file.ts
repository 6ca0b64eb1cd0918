/**
 * Restoring a backup when the notebook cannot be opened at all (damaged, or from a newer Dossier):
 * the notebook file is not touched but renamed aside, with its -wal and -shm, and a checked copy of
 * the backup takes its place. Nothing the user had is deleted; the damaged file stays for an expert
 * (or a newer Dossier) to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from './backup-file';
import { prepareRestoreCopy } from './restore';

/** What {@link replaceDatabaseFile} did. */
export interface FileReplacement {
  /** Where the previous notebook file now is, or null when there was none. */
  movedAside: string | null;
  /** Schema version of the backup before it was brought up to date. */
  fromSchemaVersion: number;
}

/**
 * Puts a checked, migrated copy of `backup` at `databasePath`. The file that was there (if any) is
 * renamed to `<name>.replaced-<time>` together with its -wal and -shm. Only for use while no program
 * has the notebook open: the CLI's `restore` uses it when the notebook cannot be opened.
 */
export function replaceDatabaseFile(databasePath: string, backup: string, now = new Date()): FileReplacement {
  const folder = path.dirname(databasePath);
  fs.mkdirSync(folder, { recursive: true });
  const staging = `${databasePath}.restoring`;
  // Checked and migrated before anything is moved: a bad backup changes nothing.
  const fromSchemaVersion = prepareRestoreCopy(backup, staging);
  // Closing the migrated copy folded its write-ahead log into the file; make that file durable.
  fsyncFile(staging);

  let movedAside: string | null = null;
  if (fs.existsSync(databasePath)) {
    movedAside = `${databasePath}.replaced-${now.toISOString().replace(/[-:.]/g, '')}`;
    // The -wal first: a notebook file without its log would look like an older state to SQLite.
    for (const suffix of ['-wal', '-shm', '']) {
      const from = `${databasePath}${suffix}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${movedAside}${suffix}`);
    }
  }
  fs.renameSync(staging, databasePath);
  syncFolder(folder);
  return { movedAside, fromSchemaVersion };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
