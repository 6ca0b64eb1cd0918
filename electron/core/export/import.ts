/**
 * Reads a JSON export (format.ts) into a notebook, empty or not, in ONE transaction: a file that is
 * truncated, malformed, from a newer Dossier or refers to records it does not hold is refused and the
 * notebook is left exactly as it was.
 *
 * Merging is by record id (UUIDs, so two notebooks never invent the same one):
 * - a record the notebook lacks is added;
 * - a record it has is replaced only when the file's copy is newer (`updated_at` later), so importing
 *   an old export never undoes later work; otherwise it is left alone;
 * - a new record that would repeat one the notebook has under another id (the same alias of the same
 *   person, the same participant of an event: a UNIQUE rule of the schema) is skipped, not doubled.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { describeSqliteFailure } from '../db/sqlite-errors';
import { userTables, type UserTable } from '../backup/tables';
import {
  EXCLUDED_COLUMNS,
  EXCLUDED_TABLES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  decodeValue,
  type ExportHeader,
} from './format';

/** What happened to the rows of one table. */
export interface TableImport {
  added: number;
  /** Replaced by a newer copy from the file. */
  updated: number;
  /** Already there, as new or newer than the file's copy. */
  unchanged: number;
  /** New ids that repeated a record the notebook already has (a UNIQUE rule); not added. */
  duplicates: number;
}

/** What an import did, per table. */
export type ImportSummary = Record<string, TableImport>;

function refuse(message: string, details?: Record<string, unknown>): never {
  throw new ApiError(
    'INVALID_ARGUMENT',
    `${message} Nothing was imported; the notebook was not changed.`,
    details,
  );
}

/** Imports the export whose lines `lines` yields into `db` (at the latest schema). */
export function importNotebook(db: Database.Database, lines: Iterable<string>): ImportSummary {
  const tables = new Map(userTables(db, 'main').map((table) => [table.name, table]));
  const summary: ImportSummary = {};
  const seen: Record<string, number> = {};
  let lineNumber = 0;
  let header: ExportHeader | undefined;
  let ended = false;
  const writers = new Map<string, RowWriter>();

  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        if (ended) refuse(`Line ${lineNumber} comes after the end of the export.`);
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          refuse(`Line ${lineNumber} is not JSON.`);
        }
        if (header === undefined) {
          header = checkHeader(value);
          continue;
        }
        const object = value as Record<string, unknown>;
        if (object !== null && typeof object === 'object' && object.end === true) {
          checkEnd(object.rows, seen);
          ended = true;
          continue;
        }
        const { table, row } = (object ?? {}) as { table?: unknown; row?: unknown };
        if (typeof table !== 'string' || row === null || typeof row !== 'object' || Array.isArray(row)) {
          refuse(`Line ${lineNumber} is not a row of an export.`);
        }
        const target = tables.get(table);
        if (target === undefined || EXCLUDED_TABLES.has(table)) {
          refuse(`Line ${lineNumber} is a row of an unknown table "${table}".`);
        }
        let writer = writers.get(table);
        if (writer === undefined) {
          writer = new RowWriter(db, target);
          writers.set(table, writer);
          summary[table] = { added: 0, updated: 0, unchanged: 0, duplicates: 0 };
        }
        summary[table]![writer.write(row as Record<string, unknown>, lineNumber)] += 1;
        seen[table] = (seen[table] ?? 0) + 1;
      }
      if (header === undefined) refuse('The file is empty.');
      if (!ended) refuse('The file ends before the end of the export: it is truncated.');
      const dangling = db.pragma('foreign_key_check') as { table: string }[];
      if (dangling.length > 0) {
        refuse(
          `${dangling.length} imported row(s) (e.g. in ${dangling[0]!.table}) refer to records that are neither ` +
            'in the file nor in the notebook.',
        );
      }
    }).immediate();
  } catch (error) {
    throw describeSqliteFailure(
      error,
      db.name,
      'Dossier could not import the export; the notebook was not changed',
    );
  }
  return summary;
}

function checkHeader(value: unknown): ExportHeader {
  const header = value as Partial<ExportHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== EXPORT_FORMAT) {
    refuse('The file is not a Dossier export (its first line should say "format":"dossier-export").');
  }
  if (header.version !== EXPORT_VERSION) {
    refuse(`The export has format version ${String(header.version)}; this Dossier reads ${EXPORT_VERSION}.`);
  }
  const schema = header.schemaVersion;
  if (typeof schema !== 'number' || schema > LATEST_SCHEMA_VERSION) {
    refuse(
      `The export was written by a newer Dossier (schema ${String(schema)}). Update Dossier to import it.`,
    );
  }
  return header as ExportHeader;
}

function checkEnd(rows: unknown, seen: Record<string, number>): void {
  const expected = (rows ?? {}) as Record<string, unknown>;
  for (const [table, count] of Object.entries(expected)) {
    if ((seen[table] ?? 0) !== count) {
      refuse(`The export says it holds ${String(count)} row(s) of ${table} but ${seen[table] ?? 0} came.`);
    }
  }
  for (const table of Object.keys(seen)) {
    if (!(table in expected)) refuse(`The export's last line does not account for the rows of ${table}.`);
  }
}

/** Adds or updates rows of one table, with statements prepared once per set of columns. */
class RowWriter {
  private readonly key: string[];
  private readonly hasUpdatedAt: boolean;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly table: UserTable,
  ) {
    this.key = table.columns.includes('id')
      ? ['id']
      : table.primaryKey.filter((c) => !EXCLUDED_COLUMNS.has(c));
    if (this.key.length === 0) refuse(`Table ${table.name} has no key to merge on.`);
    this.hasUpdatedAt = table.columns.includes('updated_at');
  }

  write(row: Record<string, unknown>, lineNumber: number): keyof TableImport {
    const columns = Object.keys(row).sort();
    const values: unknown[] = [];
    for (const column of columns) {
      if (!this.table.columns.includes(column) || EXCLUDED_COLUMNS.has(column)) {
        refuse(`Line ${lineNumber}: table ${this.table.name} has no column "${column}".`);
      }
      const value = decodeValue(row[column]);
      if (value === undefined) refuse(`Line ${lineNumber}: the value of ${column} is not a plain value.`);
      values.push(value);
    }
    for (const column of this.key) {
      if (!columns.includes(column)) refuse(`Line ${lineNumber}: the row has no ${column}.`);
    }
    const keyValues = this.key.map((column) => values[columns.indexOf(column)]);
    const where = this.key.map((c) => `"${c}" = ?`).join(' AND ');
    const existing = this.statement(
      `SELECT ${this.hasUpdatedAt ? 'updated_at' : '1'} AS stamp FROM "${this.table.name}" WHERE ${where}`,
    ).get(...keyValues) as { stamp: unknown } | undefined;

    if (existing === undefined) {
      const list = columns.map((c) => `"${c}"`).join(', ');
      const marks = columns.map(() => '?').join(', ');
      const result = this.statement(
        `INSERT INTO "${this.table.name}" (${list}) VALUES (${marks}) ON CONFLICT DO NOTHING`,
      ).run(...values);
      return result.changes === 0 ? 'duplicates' : 'added';
    }
    const incoming = this.hasUpdatedAt ? values[columns.indexOf('updated_at')] : undefined;
    if (typeof incoming === 'string' && typeof existing.stamp === 'string' && incoming > existing.stamp) {
      const others = columns.filter((c) => !this.key.includes(c));
      this.statement(
        `UPDATE "${this.table.name}" SET ${others.map((c) => `"${c}" = ?`).join(', ')} WHERE ${where}`,
      ).run(...others.map((c) => values[columns.indexOf(c)]), ...keyValues);
      return 'updated';
    }
    return 'unchanged';
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
