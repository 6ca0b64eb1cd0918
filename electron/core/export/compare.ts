/**
 * Every row of every table of a notebook, in a stable order, for tests that prove two notebooks hold
 * the same data (export then import, backup then restore, a migration) row by row.
 */
import type Database from 'better-sqlite3';
import { userTables } from '../backup/tables';

/** Table name to its rows (each row a column-to-value object), rows sorted by their JSON text. */
export type NotebookRows = Record<string, Record<string, unknown>[]>;

/**
 * Reads all rows of all tables of `db`. `seq`, the local row number, is left out unless `withSeq`:
 * it is not part of a record's identity and differs after an import into another notebook.
 */
export function notebookRows(db: Database.Database, options: { withSeq?: boolean } = {}): NotebookRows {
  const result: NotebookRows = {};
  for (const table of userTables(db, 'main')) {
    const rows = db.prepare(`SELECT * FROM main."${table.name}"`).all() as Record<string, unknown>[];
    const cleaned = rows.map((row) => {
      const copy: Record<string, unknown> = { ...row };
      if (options.withSeq !== true) delete copy.seq;
      for (const [key, value] of Object.entries(copy)) {
        if (Buffer.isBuffer(value)) copy[key] = { blob: value.toString('base64') };
      }
      return copy;
    });
    result[table.name] = cleaned
      .map((row) => [JSON.stringify(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  return result;
}

/** How many rows `rows` holds in all. */
export function rowCount(rows: NotebookRows): number {
  return Object.values(rows).reduce((sum, table) => sum + table.length, 0);
}
