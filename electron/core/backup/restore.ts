/**
 * Restoring a backup into the open notebook. The backup is checked and brought up to the current
 * schema on a copy (the backup file itself is never changed), then its rows replace the notebook's in
 * ONE transaction on the notebook's own connection: either the whole backup is in the notebook
 * afterwards or nothing changed, the app's connection stays valid, and no second connection has to
 * fight the app for the write lock.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, schemaVersion, tooNewError } from '../db/migrate';
import { openDatabase } from '../db/open';
import { describeSqliteFailure } from '../db/sqlite-errors';
import { checkBackupFile, removeDatabaseFiles } from './backup-file';
import { userTables, virtualTables } from './tables';

/**
 * What is wrong with `backup` as a path, before SQLite is asked to open it (SQLite would say "unable to
 * open database file" for a missing file and "disk I/O error" for a folder), or null when it names a
 * file. `missing` words the not-found case for the caller, who knows where it looked.
 */
export function backupPathProblem(backup: string, missing?: string): ApiError | null {
  let info: fs.Stats;
  try {
    info = fs.statSync(backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return new ApiError(
        'NOT_FOUND',
        missing ?? `There is no backup file at ${backup}. Your notebook was not changed.`,
        { path: backup },
      );
    }
    return new ApiError(
      'DB_READONLY',
      `The backup ${backup} cannot be read (${code ?? String(error)}). Your notebook was not changed.`,
      { path: backup },
    );
  }
  if (info.isDirectory()) {
    return new ApiError(
      'INVALID_ARGUMENT',
      `${backup} is a folder, not a backup file. Name one backup: a name from the list of backups, or ` +
        'the path of a backup file. Your notebook was not changed.',
      { path: backup },
    );
  }
  if (!info.isFile()) {
    return new ApiError(
      'INVALID_ARGUMENT',
      `${backup} is not a regular file, so it cannot be a backup. Your notebook was not changed.`,
      { path: backup },
    );
  }
  return null;
}

/**
 * Checks the backup at `backup`, copies it to `staging` and migrates the copy to the latest schema.
 * Returns the backup's own schema version. Throws NOT_FOUND or INVALID_ARGUMENT for a path that is no
 * file (see {@link backupPathProblem}), DB_CORRUPT or DB_TOO_NEW for a backup that must not be
 * restored; `staging` is removed then.
 */
export function prepareRestoreCopy(backup: string, staging: string): number {
  const problem = backupPathProblem(backup);
  if (problem !== null) throw problem;
  const check = checkBackupFile(backup);
  if (!check.ok) {
    if (check.schemaVersion !== null && check.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw tooNewError(check.schemaVersion, LATEST_SCHEMA_VERSION, backup);
    }
    throw new ApiError(
      'DB_CORRUPT',
      `The backup ${backup} cannot be restored: ${check.problems.join('; ')}. Your notebook was not ` +
        'changed; choose another backup.',
      { path: backup, problems: check.problems },
    );
  }
  removeDatabaseFiles(staging);
  try {
    fs.copyFileSync(backup, staging);
    // openDatabase migrates the copy exactly as it would a notebook opened by the app.
    openDatabase(staging).close();
  } catch (error) {
    removeDatabaseFiles(staging);
    throw describeSqliteFailure(error, backup, 'Dossier could not prepare the backup for restoring');
  }
  return check.schemaVersion ?? 0;
}

/**
 * Replaces every row of every table of `db` with the rows of the (latest-schema) notebook at
 * `source`, in one transaction. Full-text indexes are rebuilt. Throws, changing nothing, if the copy
 * does not come out row for row.
 */
export function replaceContents(db: Database.Database, source: string): void {
  const sourceVersion = (() => {
    const probe = openDatabase(source, { readonly: true });
    try {
      return schemaVersion(probe);
    } finally {
      probe.close();
    }
  })();
  if (sourceVersion !== schemaVersion(db)) {
    throw new ApiError(
      'INTERNAL',
      `The prepared backup is at schema ${sourceVersion} but the notebook at ${schemaVersion(db)}.`,
    );
  }
  db.prepare('ATTACH DATABASE ? AS restore_source').run(source);
  try {
    db.transaction(() => {
      // Rows are copied table by table in no particular order; references are checked at COMMIT.
      db.pragma('defer_foreign_keys = ON');
      const tables = userTables(db, 'main');
      for (const table of tables) db.prepare(`DELETE FROM main."${table.name}"`).run();
      for (const table of tables) {
        const columns = table.columns.map((column) => `"${column}"`).join(', ');
        db.prepare(
          `INSERT INTO main."${table.name}" (${columns}) SELECT ${columns} FROM restore_source."${table.name}"`,
        ).run();
      }
      for (const table of tables) {
        const count = (name: string): number =>
          (db.prepare(`SELECT count(*) AS n FROM ${name}."${table.name}"`).get() as { n: number }).n;
        const [copied, expected] = [count('main'), count('restore_source')];
        if (copied !== expected) {
          throw new Error(`table ${table.name} came out with ${copied} rows instead of ${expected}`);
        }
      }
      for (const name of virtualTables(db, 'main')) rebuildIndex(db, name);
      const dangling = db.pragma('foreign_key_check') as unknown[];
      if (dangling.length > 0) throw new Error(`${dangling.length} row(s) reference missing records`);
    }).immediate();
  } catch (error) {
    throw describeSqliteFailure(
      error,
      source,
      'Dossier could not restore the backup; the notebook was not changed',
    );
  } finally {
    db.exec('DETACH DATABASE restore_source');
  }
}

/** Rebuilds an FTS5 index from its table; other virtual tables have nothing to rebuild. */
function rebuildIndex(db: Database.Database, name: string): void {
  const sql = (
    db.prepare('SELECT sql FROM main.sqlite_schema WHERE name = ?').get(name) as { sql: string } | undefined
  )?.sql;
  if (sql === undefined || !/USING\s+fts5/i.test(sql) || /content\s*=\s*''/i.test(sql)) return;
  db.prepare(`INSERT INTO main."${name}" ("${name}") VALUES ('rebuild')`).run();
}
