/**
 * The JSON export format as a JSON Schema (draft 2020-12): dossier-export.schema.json, one schema for
 * every line of an export (a header, a row of a table, the end line). It is written from the notebook
 * schema itself ({@link buildExportSchema}: every table's columns with their SQL types, NOT NULL, CHECK
 * lists and bounds), committed, and checked to match by a test, so a migration that changes a table
 * fails that test until `npm run export-schema` writes the file again. The importer validates every
 * row with it (import.ts); tools outside Dossier can read an export with it.
 */
import type Database from 'better-sqlite3';
import { MAX_CONTENT_LENGTH, MAX_TITLE_LENGTH } from '../../../shared/areas/notes';
import { schemaVersion } from '../db/migrate';
import { userTables } from '../backup/tables';
import { EXCLUDED_COLUMNS, EXCLUDED_TABLES, EXPORT_FORMAT, EXPORT_VERSION } from './format';

type Json = Record<string, unknown>;

/** Timestamps Dossier writes itself (ISO 8601 in UTC); the importer also refuses ones in the future. */
export const RECORD_TIMESTAMPS: ReadonlySet<string> = new Set([
  'created_at',
  'updated_at',
  'deleted_at',
  'clipped_at',
  'extracted_at',
]);

/** Limits the API puts on a column, which an import must respect too. */
const COLUMN_LIMITS: Record<string, Json> = {
  'notes.title': { maxLength: MAX_TITLE_LENGTH },
  'notes.content': { maxLength: MAX_CONTENT_LENGTH },
};

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
}

/** The values a CHECK (column IN (...)) allows, and a CHECK (column >= n) bound, from the table's SQL. */
function checksOf(sql: string, column: string): Json {
  const out: Json = {};
  const list = new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)\\s*\\)`, 'i').exec(sql);
  // Quoted text values, or numbers (a flag column: CHECK (x IN (0, 1))).
  if (list) {
    out.enum = [...list[1]!.matchAll(/'([^']*)'|(-?\d+(?:\.\d+)?)/g)].map((m) =>
      m[1] !== undefined ? m[1] : Number(m[2]),
    );
  }
  const min = new RegExp(`CHECK\\s*\\(\\s*${column}\\s*>=\\s*(-?\\d+)\\s*\\)`, 'i').exec(sql);
  if (min) out.minimum = Number(min[1]);
  return out;
}

function columnSchema(table: string, column: ColumnInfo, sql: string): Json {
  const type = column.type.toUpperCase();
  let schema: Json;
  if (type.includes('INT')) schema = { type: 'integer' };
  else if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB'))
    schema = { type: 'number' };
  else if (type.includes('BLOB')) schema = { $ref: '#/$defs/blob' };
  else schema = { type: 'string' };
  if (RECORD_TIMESTAMPS.has(column.name)) schema = { $ref: '#/$defs/timestamp' };
  schema = { ...schema, ...checksOf(sql, column.name), ...COLUMN_LIMITS[`${table}.${column.name}`] };
  if (column.notnull === 1) return schema;
  if (typeof schema.type === 'string' && schema.enum === undefined)
    return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** The schema of an export written by a notebook at `db`'s schema (the latest, for the committed file). */
export function buildExportSchema(db: Database.Database): Json {
  const tables: Json = {};
  const rowLines: Json[] = [];
  for (const table of userTables(db, 'main')) {
    if (EXCLUDED_TABLES.has(table.name)) continue;
    const sql = (
      db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table.name) as {
        sql: string;
      }
    ).sql;
    const columns = (db.prepare(`PRAGMA table_info("${table.name}")`).all() as ColumnInfo[]).filter(
      (c) => !EXCLUDED_COLUMNS.has(c.name),
    );
    tables[table.name] = {
      type: 'object',
      properties: Object.fromEntries(columns.map((c) => [c.name, columnSchema(table.name, c, sql)])),
      required: columns.map((c) => c.name),
      additionalProperties: false,
    };
    rowLines.push({
      type: 'object',
      properties: { table: { const: table.name }, row: { $ref: `#/$defs/tables/${table.name}` } },
      required: ['table', 'row'],
      additionalProperties: false,
    });
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:dossier:export-format',
    title: 'Dossier JSON export: one line',
    description:
      'A Dossier export is JSON Lines: a header line, one line per record ({"table", "row"}), and an end ' +
      'line with the number of rows of each table. This schema describes every line. Rows carry every ' +
      'column of their table except `seq`; blobs are {"$blob": "<base64>"}. Written by `npm run ' +
      'export-schema` from the notebook schema; do not edit by hand.',
    'x-schemaVersion': schemaVersion(db),
    oneOf: [{ $ref: '#/$defs/header' }, { $ref: '#/$defs/end' }, { $ref: '#/$defs/row' }],
    $defs: {
      header: {
        type: 'object',
        properties: {
          format: { const: EXPORT_FORMAT },
          version: { const: EXPORT_VERSION },
          schemaVersion: { type: 'integer', minimum: 1 },
          appVersion: { type: 'string' },
          exportedAt: { $ref: '#/$defs/timestamp' },
        },
        required: ['format', 'version', 'schemaVersion', 'appVersion', 'exportedAt'],
        additionalProperties: false,
      },
      end: {
        type: 'object',
        properties: {
          end: { const: true },
          rows: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
        },
        required: ['end', 'rows'],
        additionalProperties: false,
      },
      row: { oneOf: rowLines },
      timestamp: {
        type: 'string',
        format: 'date-time',
        description: 'ISO 8601 in UTC, as Date.prototype.toISOString writes it.',
      },
      blob: {
        type: 'object',
        properties: {
          $blob: { type: 'string', contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
        },
        required: ['$blob'],
        additionalProperties: false,
      },
      tables,
    },
  };
}
