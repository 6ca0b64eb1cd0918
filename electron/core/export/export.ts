/**
 * Writes every record of a notebook as JSON Lines (see format.ts), from one consistent snapshot: the
 * whole export runs in one read transaction, so a write by the app meanwhile is either all in it or not.
 */
import type Database from 'better-sqlite3';
import { schemaVersion } from '../db/migrate';
import { userTables } from '../backup/tables';
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

/** Writes the export of `db`, one line (ending in "\n") per call of `write`; returns rows per table. */
export function exportNotebook(
  db: Database.Database,
  write: (line: string) => void,
  now: Date = new Date(),
): Record<string, number> {
  const counts: Record<string, number> = {};
  db.transaction(() => {
    const header: ExportHeader = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      schemaVersion: schemaVersion(db),
      appVersion: APP_VERSION,
      exportedAt: now.toISOString(),
    };
    write(`${JSON.stringify(header)}\n`);
    for (const table of userTables(db, 'main')) {
      if (EXCLUDED_TABLES.has(table.name)) continue;
      const columns = table.columns.filter((column) => !EXCLUDED_COLUMNS.has(column));
      const select = db.prepare(
        `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM main."${table.name}" ORDER BY rowid`,
      );
      let count = 0;
      for (const raw of select.iterate() as Iterable<Record<string, unknown>>) {
        const row: Record<string, unknown> = {};
        for (const column of columns) row[column] = encodeValue(raw[column]);
        write(`${JSON.stringify({ table: table.name, row })}\n`);
        count += 1;
      }
      counts[table.name] = count;
    }
    const end: ExportEnd = { end: true, rows: counts };
    write(`${JSON.stringify(end)}\n`);
  })();
  return counts;
}
