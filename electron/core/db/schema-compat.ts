/**
 * Can this Dossier read a notebook written by a newer one? Newer schemas usually only add tables and
 * columns; then every query of this version still works on it, read-only. When a table or column this
 * version reads is gone or renamed, it cannot, and the user must update instead.
 */
import Database from 'better-sqlite3';
import { migrate } from './migrate';

let expected: Map<string, Set<string>> | undefined;

/** Tables (and views) and their columns, as `PRAGMA table_info` lists them; SQLite's own tables skipped. */
function layoutOf(db: Database.Database): Map<string, Set<string>> {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`,
    )
    .all();
  const layout = new Map<string, Set<string>>();
  for (const { name } of tables) {
    const columns = db.prepare<[string], { name: string }>(`SELECT name FROM pragma_table_info(?)`).all(name);
    layout.set(name, new Set(columns.map((column) => column.name)));
  }
  return layout;
}

/** The layout this version creates, from its migrations applied to an in-memory database (once). */
function expectedLayout(): Map<string, Set<string>> {
  if (expected === undefined) {
    const memory = new Database(':memory:');
    try {
      migrate(memory);
      expected = layoutOf(memory);
    } finally {
      memory.close();
    }
  }
  return expected;
}

/**
 * What this version would read but `db` lacks, e.g. `table notes` or `column sources.title`; empty
 * when every table and column of this version's schema is there. Reads only.
 */
export function missingSchemaParts(db: Database.Database): string[] {
  const found = layoutOf(db);
  const missing: string[] = [];
  for (const [table, columns] of expectedLayout()) {
    const have = found.get(table);
    if (have === undefined) {
      missing.push(`table ${table}`);
      continue;
    }
    for (const column of columns) if (!have.has(column)) missing.push(`column ${table}.${column}`);
  }
  return missing;
}
