/**
 * The JSON export format: JSON Lines, one JSON object per line, so a notebook of any size is written
 * and read a row at a time and stays greppable.
 *
 *     {"format":"dossier-export","version":1,"schemaVersion":7,"appVersion":"0.1.0","exportedAt":"..."}
 *     {"table":"notes","row":{"id":"...","title":"...",...}}
 *     ...
 *     {"end":true,"rows":{"notes":12,...}}
 *
 * Rows carry every column except `seq` (the local row number, which means nothing in another
 * notebook); records are identified by their UUID `id`. Binary values are `{"$blob":"<base64>"}`.
 * The `end` line lets an import notice a truncated file before it changes anything. Every line is
 * described by the JSON Schema dossier-export.schema.json (written from the notebook schema by `npm run
 * export-schema`), which the importer validates rows with; `schemaVersion` says which migrations the
 * rows are at, and an older export is converted by them on import (import.ts).
 */

/** The `format` value of the first line. */
export const EXPORT_FORMAT = 'dossier-export';
/** The format version this Dossier writes and reads. */
export const EXPORT_VERSION = 1;

/**
 * Tables an export leaves out: `settings` holds this machine's preferences and paired browsers' token
 * digests, which belong to the computer, not to the research. `source_contents` and the parts tables are
 * how this notebook stores a long article (schema 12): an export writes every source's article whole in
 * its row, and an import stores it as the importing notebook stores any article.
 * `extractions_in_progress` (schema 13) is the state of this notebook's work, not research.
 */
export const EXCLUDED_TABLES: ReadonlySet<string> = new Set([
  'settings',
  'source_contents',
  'source_parts',
  'source_text_parts',
  'extractions_in_progress',
]);

/** Columns never exported (see the file comment). */
export const EXCLUDED_COLUMNS: ReadonlySet<string> = new Set(['seq']);

/** The first line. */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
}

/** One row. */
export interface ExportRowLine {
  table: string;
  row: Record<string, unknown>;
}

/** The last line: how many rows of each table came before it. */
export interface ExportEnd {
  end: true;
  rows: Record<string, number>;
}

/** A value as stored in the file. */
export function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $blob: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** A value from the file as SQLite should store it; undefined for anything that is not a value. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object' && typeof (value as { $blob?: unknown }).$blob === 'string') {
    return Buffer.from((value as { $blob: string }).$blob, 'base64');
  }
  return undefined;
}
