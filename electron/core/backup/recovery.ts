/**
 * For a notebook that cannot be used: what is wrong with it, checked without writing a byte, and
 * recovery from the newest backup that passes its check. The damaged file is never overwritten: it
 * is renamed aside (see replace-file.ts) so nothing the user had is lost, even a partly readable file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/areas/backup';
import type { ErrorCode } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { isCorruptionError, isReadonlyError } from '../db/sqlite-errors';
import { DATABASE_FILE } from '../paths';
import { checkBackupFile } from './backup-file';
import { backupCatalog } from './restore-offline';
import { replaceDatabaseFile, type FileReplacement } from './replace-file';

/** What {@link diagnoseNotebook} found. */
export interface NotebookDiagnosis {
  /** null when the notebook looks healthy. */
  code: Extract<ErrorCode, 'DB_CORRUPT' | 'DB_TOO_NEW' | 'DB_READONLY'> | null;
  problems: string[];
}

/**
 * Checks the notebook in `dataDir` read-only: it opens, `PRAGMA quick_check` passes, its schema is
 * one this Dossier knows, and its file and folder can be written. A missing notebook is healthy (a new
 * one will be made). Never changes the file.
 */
export function diagnoseNotebook(dataDir: string): NotebookDiagnosis {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) return { code: null, problems: [] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      return {
        code: 'DB_TOO_NEW',
        problems: [`schema ${version}; this Dossier knows up to ${LATEST_SCHEMA_VERSION}`],
      };
    }
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    if (problems.length > 0) return { code: 'DB_CORRUPT', problems: problems.slice(0, 10) };
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    if (isCorruptionError(error)) return { code: 'DB_CORRUPT', problems: [cause] };
    if (isReadonlyError(error)) return { code: 'DB_READONLY', problems: [cause] };
    return { code: 'DB_CORRUPT', problems: [cause] };
  } finally {
    db?.close();
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    return { code: 'DB_READONLY', problems: [error instanceof Error ? error.message : String(error)] };
  }
  return { code: null, problems: [] };
}

/** The newest backup of the notebook in `dataDir` that passes its check now, or null. */
export function lastGoodBackup(dataDir: string): BackupInfo | null {
  const catalog = backupCatalog(dataDir);
  for (const backup of catalog.list()) {
    const check = checkBackupFile(catalog.pathOf(backup.name));
    catalog.recordCheck(backup.name, check);
    if (check.ok) return catalog.find(backup.name) ?? backup;
  }
  return null;
}

/**
 * Replaces the unusable notebook in `dataDir` with its last good backup; the old file is renamed to
 * `dossier.sqlite.replaced-<time>` with its -wal and -shm. Only while no program has it open.
 * Returns null (and changes nothing) when there is no good backup.
 */
export function recoverFromLastGoodBackup(
  dataDir: string,
): (FileReplacement & { backup: BackupInfo }) | null {
  const backup = lastGoodBackup(dataDir);
  if (backup === null) return null;
  const replaced = replaceDatabaseFile(
    path.join(dataDir, DATABASE_FILE),
    backupCatalog(dataDir).pathOf(backup.name),
  );
  return { ...replaced, backup };
}
