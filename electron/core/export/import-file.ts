/**
 * Importing a JSON export as the CLI and the app do it: the whole file is checked first (a bad file
 * changes nothing and costs nothing), then, when the notebook already holds records, a `before-import`
 * backup is written, and only then are the records merged (one transaction, see import.ts).
 */
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/areas/backup';
import { userTables } from '../backup/tables';
import { writeSafetyBackup } from '../backup/safety';
import { EXCLUDED_TABLES } from './format';
import { checkExport, importNotebook, type ImportOptions, type ImportSummary } from './import';

/** What an import did, and the backup taken before it (null when the notebook was empty). */
export interface ImportResult {
  summary: ImportSummary;
  backup: BackupInfo | null;
}

/** True when any table an export covers holds a row. */
export function holdsRecords(db: Database.Database): boolean {
  return userTables(db, 'main').some(
    (table) =>
      !EXCLUDED_TABLES.has(table.name) &&
      db.prepare(`SELECT 1 FROM "${table.name}" LIMIT 1`).get() !== undefined,
  );
}

/**
 * Imports the export `read()` yields (called twice: once to check, once to import) into `db`, the
 * notebook of `dataDir`, with a backup first when the notebook is not empty.
 */
export async function importWithBackup(
  db: Database.Database,
  dataDir: string,
  read: () => Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  checkExport(read(), options);
  const backup = holdsRecords(db) ? await writeSafetyBackup(db, dataDir, 'before-import') : null;
  return { summary: importNotebook(db, read(), options), backup };
}
