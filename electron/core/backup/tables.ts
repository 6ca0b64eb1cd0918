/**
 * The tables that hold a notebook's data, read from the schema itself so that backup restore and JSON
 * export cover tables added by later migrations without being told about them.
 */
import type Database from 'better-sqlite3';

/** An ordinary table and its columns, in declaration order. */
export interface UserTable {
  name: string;
  columns: string[];
  /** Columns of the primary key (empty for rowid tables without one). */
  primaryKey: string[];
}

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}

interface ColumnRow {
  name: string;
  pk: number;
}

/**
 * Ordinary tables of `schema` ('main' or an attached name), sorted by name: no SQLite internals
 * (`sqlite_*`), no virtual tables (full-text indexes are rebuilt, not copied) and no their shadow tables.
 */
export function userTables(db: Database.Database, schema: string): UserTable[] {
  const rows = db.prepare(`PRAGMA "${schema}".table_list`).all() as TableListRow[];
  return rows
    .filter((row) => row.type === 'table' && !row.name.startsWith('sqlite_'))
    .map((row) => row.name)
    .sort()
    .map((name) => {
      const columns = db.prepare(`PRAGMA "${schema}".table_info("${name}")`).all() as ColumnRow[];
      return {
        name,
        columns: columns.map((column) => column.name),
        primaryKey: columns
          .filter((column) => column.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((column) => column.name),
      };
    });
}

/** Names of the virtual tables of `schema` (the full-text indexes). */
export function virtualTables(db: Database.Database, schema: string): string[] {
  const rows = db.prepare(`PRAGMA "${schema}".table_list`).all() as TableListRow[];
  return rows
    .filter((row) => row.type === 'virtual')
    .map((row) => row.name)
    .sort();
}
