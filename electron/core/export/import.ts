/**
 * Reads a JSON export (format.ts) into a notebook, empty or not, in ONE transaction: a file that is
 * truncated, malformed, from a newer Dossier, refers to records it does not hold, or holds a value the
 * format's JSON Schema refuses (a title that is a number, a version that is text, a timestamp in the
 * future, a note that is not a Dossier note) is refused and the notebook is left exactly as it was.
 *
 * An export from an older Dossier (a lower `schemaVersion`) is converted first: its rows go into a
 * scratch notebook at that schema, the same migrations that upgrade notebooks bring it to the latest
 * schema, and its rows are imported from there, checked like any other.
 *
 * Merging is by record id (UUIDs, so two notebooks never invent the same one):
 * - a record the notebook lacks is added;
 * - a record it has is replaced only when the file's copy is newer (`updated_at` later), so importing
 *   an old export never undoes later work; otherwise it is left alone;
 * - a new record that would repeat one the notebook has under another id (the same alias of the same
 *   person, the same participant of an event: a UNIQUE rule of the schema) is skipped, not doubled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../db/migrate';
import { describeSqliteFailure } from '../db/sqlite-errors';
import { StatementCache } from '../db/statement-cache';
import { userTables, type UserTable } from '../backup/tables';
import { lexicalPlainText } from '../notes/plain-text';
import { EXCLUDED_COLUMNS, EXCLUDED_TABLES, decodeValue, encodeValue, type ExportHeader } from './format';
import { checkEndLine, checkHeaderLine, checkRow } from './validate';

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

/** Options of an import. */
export interface ImportOptions {
  /** This computer's time, against which future timestamps are refused (tests pass their own). */
  now?: Date;
}

function refuse(message: string, details?: Record<string, unknown>): never {
  throw new ApiError(
    'INVALID_ARGUMENT',
    `${message} Nothing was imported; the notebook was not changed.`,
    details,
  );
}

/** One row of an export, with the line it came from. */
interface RowLine {
  table: string;
  row: Record<string, unknown>;
  lineNumber: number;
}

/**
 * The lines of an export as its header and then its rows. Checks the envelope as it goes: the header
 * first (against the schema), every line JSON, nothing after the end line, and (when the rows have all
 * been read) an end line whose counts match. A problem throws, so a caller inside a transaction rolls
 * back everything the rows did.
 */
class ExportLines {
  readonly header: ExportHeader;
  private readonly iterator: Iterator<string>;
  private lineNumber = 0;

  constructor(lines: Iterable<string>) {
    this.iterator = lines[Symbol.iterator]();
    const first = this.next();
    if (first === undefined) refuse('The file is empty.');
    const header = first.value as Partial<ExportHeader> | null;
    if (header === null || typeof header !== 'object' || header.format !== 'dossier-export') {
      refuse('The file is not a Dossier export (its first line should say "format":"dossier-export").');
    }
    if (typeof header.schemaVersion === 'number' && header.schemaVersion > LATEST_SCHEMA_VERSION) {
      refuse(
        `The export was written by a newer Dossier (schema ${header.schemaVersion}; this Dossier knows up to ` +
          `${LATEST_SCHEMA_VERSION}). Update Dossier to import it.`,
      );
    }
    if (header.version !== 1)
      refuse(`The export has format version ${String(header.version)}; this Dossier reads 1.`);
    checkHeaderLine(header);
    this.header = header as ExportHeader;
  }

  /** The next non-blank line, parsed, or undefined at the end of the file. */
  private next(): { value: unknown; lineNumber: number } | undefined {
    for (;;) {
      const result = this.iterator.next();
      if (result.done === true) return undefined;
      this.lineNumber += 1;
      if (result.value.trim() === '') continue;
      try {
        return { value: JSON.parse(result.value) as unknown, lineNumber: this.lineNumber };
      } catch {
        refuse(`Line ${this.lineNumber} is not JSON.`);
      }
    }
  }

  /** Every row, in file order; then the end line is checked. */
  *rows(): Generator<RowLine> {
    const seen: Record<string, number> = {};
    for (let line = this.next(); line !== undefined; line = this.next()) {
      const object = line.value as Record<string, unknown> | null;
      if (object !== null && typeof object === 'object' && object.end === true) {
        checkEndLine(object, line.lineNumber);
        checkCounts(object.rows as Record<string, number>, seen);
        if (this.next() !== undefined) refuse(`Line ${this.lineNumber} comes after the end of the export.`);
        return;
      }
      const { table, row } = (object ?? {}) as { table?: unknown; row?: unknown };
      if (typeof table !== 'string' || row === null || typeof row !== 'object' || Array.isArray(row)) {
        refuse(`Line ${line.lineNumber} is not a row of an export.`);
      }
      if (EXCLUDED_TABLES.has(table))
        refuse(`Line ${line.lineNumber} is a row of an unknown table "${table}".`);
      seen[table] = (seen[table] ?? 0) + 1;
      yield { table, row: row as Record<string, unknown>, lineNumber: line.lineNumber };
    }
    refuse('The file ends before the end of the export: it is truncated.');
  }
}

function checkCounts(expected: Record<string, number>, seen: Record<string, number>): void {
  for (const [table, count] of Object.entries(expected)) {
    if ((seen[table] ?? 0) !== count) {
      refuse(`The export says it holds ${count} row(s) of ${table} but ${seen[table] ?? 0} came.`);
    }
  }
  for (const table of Object.keys(seen)) {
    if (!(table in expected)) refuse(`The export's last line does not account for the rows of ${table}.`);
  }
}

/**
 * Reads a whole export and checks every line, without a notebook: the envelope and, for an export at
 * the latest schema, every row against the schema. Returns the header. Used before a backup is taken
 * for an import, so a bad file costs no backup; importNotebook checks again as it writes.
 */
export function checkExport(lines: Iterable<string>, options: ImportOptions = {}): ExportHeader {
  const file = new ExportLines(lines);
  const now = options.now ?? new Date();
  const latest = file.header.schemaVersion === LATEST_SCHEMA_VERSION;
  for (const { table, row, lineNumber } of file.rows()) if (latest) checkRow(table, row, lineNumber, now);
  return file.header;
}

/** Imports the export whose lines `lines` yields into `db` (at the latest schema). */
export function importNotebook(
  db: Database.Database,
  lines: Iterable<string>,
  options: ImportOptions = {},
): ImportSummary {
  const now = options.now ?? new Date();
  const file = new ExportLines(lines);
  if (file.header.schemaVersion < LATEST_SCHEMA_VERSION) {
    return convertOlder(file, (rows) => importRows(db, rows, now, { validate: true }));
  }
  return importRows(db, file.rows(), now, { validate: true });
}

/** Writes rows into `db` in one transaction, then checks their references; returns what happened. */
function importRows(
  db: Database.Database,
  rows: Iterable<RowLine>,
  now: Date,
  options: { validate: boolean },
): ImportSummary {
  const tables = new Map(userTables(db, 'main').map((table) => [table.name, table]));
  const summary: ImportSummary = {};
  const writers = new Map<string, RowWriter>();
  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const { table, row, lineNumber } of rows) {
        const target = tables.get(table);
        if (target === undefined) refuse(`Line ${lineNumber} is a row of an unknown table "${table}".`);
        if (options.validate) checkRow(table, row, lineNumber, now);
        let writer = writers.get(table);
        if (writer === undefined) {
          writer = new RowWriter(db, target);
          writers.set(table, writer);
          summary[table] = { added: 0, updated: 0, unchanged: 0, duplicates: 0 };
        }
        summary[table]![writer.write(row, lineNumber)] += 1;
      }
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

/**
 * Converts an export from an older schema: its rows go into a scratch notebook at that schema, the
 * migrations bring it to the latest, and `apply` receives its rows as an export at the latest schema
 * would give them. The scratch notebook is deleted afterwards.
 */
function convertOlder<T>(file: ExportLines, apply: (rows: Iterable<RowLine>) => T): T {
  const version = file.header.schemaVersion;
  const dir = mkdtempSync(join(tmpdir(), 'dossier-import-'));
  const scratch = new Database(join(dir, 'convert.sqlite'));
  try {
    scratch.pragma('foreign_keys = ON');
    migrate(scratch, MIGRATIONS.slice(0, version));
    // Its own values are only checked to be values here: the schema of its version is not the latest.
    importRows(scratch, file.rows(), new Date(), { validate: false });
    migrate(scratch);
    return apply(scratchRows(scratch));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    refuse(
      `The export from schema ${version} could not be converted to schema ${LATEST_SCHEMA_VERSION}: ${why}.`,
    );
  } finally {
    scratch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of a scratch notebook, as an export's lines would carry them. */
function* scratchRows(db: Database.Database): Generator<RowLine> {
  let lineNumber = 1;
  for (const table of userTables(db, 'main')) {
    if (EXCLUDED_TABLES.has(table.name)) continue;
    const columns = table.columns.filter((column) => !EXCLUDED_COLUMNS.has(column));
    const select = db.prepare(
      `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table.name}" ORDER BY rowid`,
    );
    for (const raw of select.iterate() as Iterable<Record<string, unknown>>) {
      const row: Record<string, unknown> = {};
      for (const column of columns) row[column] = encodeValue(raw[column]);
      lineNumber += 1;
      yield { table: table.name, row, lineNumber };
    }
  }
}

/** Adds or updates rows of one table, with statements prepared once per set of columns. */
class RowWriter {
  private readonly key: string[];
  private readonly hasUpdatedAt: boolean;
  private readonly statements: StatementCache;

  constructor(
    db: Database.Database,
    private readonly table: UserTable,
  ) {
    this.key = table.columns.includes('id')
      ? ['id']
      : table.primaryKey.filter((c) => !EXCLUDED_COLUMNS.has(c));
    if (this.key.length === 0) refuse(`Table ${table.name} has no key to merge on.`);
    this.hasUpdatedAt = table.columns.includes('updated_at');
    this.statements = new StatementCache(db);
  }

  write(input: Record<string, unknown>, lineNumber: number): keyof TableImport {
    const row = this.table.name === 'notes' ? withDerivedText(input) : input;
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
    const existing = this.statements
      .get(
        `SELECT ${this.hasUpdatedAt ? 'updated_at' : '1'} AS stamp FROM "${this.table.name}" WHERE ${where}`,
      )
      .get(...keyValues) as { stamp: unknown } | undefined;
    if (existing === undefined) {
      const list = columns.map((c) => `"${c}"`).join(', ');
      const marks = columns.map(() => '?').join(', ');
      const result = this.statements
        .get(`INSERT INTO "${this.table.name}" (${list}) VALUES (${marks}) ON CONFLICT DO NOTHING`)
        .run(...values);
      return result.changes === 0 ? 'duplicates' : 'added';
    }
    const incoming = this.hasUpdatedAt ? values[columns.indexOf('updated_at')] : undefined;
    if (typeof incoming === 'string' && typeof existing.stamp === 'string' && incoming > existing.stamp) {
      const others = columns.filter((c) => !this.key.includes(c));
      this.statements
        .get(`UPDATE "${this.table.name}" SET ${others.map((c) => `"${c}" = ?`).join(', ')} WHERE ${where}`)
        .run(...others.map((c) => values[columns.indexOf(c)]), ...keyValues);
      return 'updated';
    }
    return 'unchanged';
  }
}

/**
 * A note row whose plain text is derived from its content, as every save derives it: search then
 * indexes what the note says, whatever the file claimed. Content that is no note is left for the
 * checks to refuse (a scratch conversion stores it as it came).
 */
function withDerivedText(row: Record<string, unknown>): Record<string, unknown> {
  if (typeof row.content !== 'string') return row;
  try {
    return { ...row, plain_text: lexicalPlainText(row.content) };
  } catch {
    return row;
  }
}
