/**
 * Writes every record of a notebook as JSON Lines (see format.ts), from one consistent snapshot: the
 * whole export runs in one read transaction, so a write by the app meanwhile is either all in it or not.
 */
import type Database from 'better-sqlite3';
import { schemaVersion } from '../db/migrate';
import { userTables } from '../backup/tables';
import { fieldSql, type PartField } from '../db/source-parts';
import { APP_VERSION } from '../version';
import {
  EXCLUDED_COLUMNS,
  EXCLUDED_TABLES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  encodeValue,
  type ExportEnd,
  type ExportHeader,
} from './format';

const PART_FIELDS: ReadonlySet<string> = new Set(['original_html', 'clean_html', 'plain_text']);

/** The tables an export covers, with the columns it writes. */
function exportedTables(db: Database.Database): { name: string; columns: string[]; parted: boolean }[] {
  const tables = userTables(db, 'main');
  const hasPartsTable = tables.some((table) => table.name === 'source_contents');
  return tables
    .filter((table) => !EXCLUDED_TABLES.has(table.name))
    .map((table) => ({
      name: table.name,
      columns: table.columns.filter((column) => !EXCLUDED_COLUMNS.has(column)),
      // From schema 12 on, a source may keep a long article in parts.
      parted: table.name === 'sources' && hasPartsTable,
    }));
}

/** How many rows an export of `db` will hold (for progress). */
export function exportRowCount(db: Database.Database): number {
  return exportedTables(db).reduce(
    (sum, table) =>
      sum + (db.prepare(`SELECT count(*) AS n FROM main."${table.name}"`).get() as { n: number }).n,
    0,
  );
}

/**
 * The lines of the export of `db` (each ending in "\n"), the header first and the end line last, read
 * as they are yielded: the caller keeps them in one read transaction. `counts` receives rows per table.
 */
export function* exportLines(
  db: Database.Database,
  now: Date = new Date(),
  counts: Record<string, number> = {},
): Generator<string> {
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: schemaVersion(db),
    appVersion: APP_VERSION,
    exportedAt: now.toISOString(),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of exportedTables(db)) {
    // A long article's text and HTML are read from its parts (schema 12) into its row.
    const column = (c: string): string =>
      table.parted && PART_FIELDS.has(c) ? `${fieldSql('t', c as PartField)} AS "${c}"` : `t."${c}"`;
    const select = db.prepare(
      `SELECT ${table.columns.map(column).join(', ')} FROM main."${table.name}" t ORDER BY t.rowid`,
    );
    let count = 0;
    for (const raw of select.iterate() as Iterable<Record<string, unknown>>) {
      const row: Record<string, unknown> = {};
      for (const column of table.columns) row[column] = encodeValue(raw[column]);
      yield `${JSON.stringify({ table: table.name, row })}\n`;
      count += 1;
    }
    counts[table.name] = count;
  }
  const end: ExportEnd = { end: true, rows: counts };
  yield `${JSON.stringify(end)}\n`;
}

/** Writes the export of `db`, one line (ending in "\n") per call of `write`; returns rows per table. */
export function exportNotebook(
  db: Database.Database,
  write: (line: string) => void,
  now: Date = new Date(),
): Record<string, number> {
  const counts: Record<string, number> = {};
  db.transaction(() => {
    for (const line of exportLines(db, now, counts)) write(line);
  })();
  return counts;
}
