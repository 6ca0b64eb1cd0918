/**
 * Checks of an export's lines against the format's JSON Schema (dossier-export.schema.json, compiled
 * once with Ajv), plus what a schema cannot say: a record's timestamps are not in the future (a record
 * from the future would win every later merge) and a note's content is a Dossier note. Each failure is
 * a sentence naming the line, the table and the column.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type * as Ajv from 'ajv/dist/2020.js';
import type AjvFormats from 'ajv-formats';
import { lazyModule } from '../lazy-module';

// The validator compiles on the first import of a file, not when the core starts (ajv took about 60 ms).
const ajvModule = lazyModule<typeof Ajv>('ajv/dist/2020.js');
const ajvFormats = lazyModule<{ default: typeof AjvFormats }>('ajv-formats');
import { ApiError } from '../../../shared/errors';
import { parseNote } from '../../../shared/note-format/read';
import schema from './dossier-export.schema.json';
import { RECORD_TIMESTAMPS } from './schema';

/** How far ahead of this computer's clock a timestamp may be (two clocks never agree exactly). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The committed schema, as tools outside Dossier read it. */
export const EXPORT_SCHEMA: Record<string, unknown> = schema;

/** The notebook schema version the committed export schema describes. */
export const EXPORT_SCHEMA_VERSION: number = schema['x-schemaVersion'];

let compiled: {
  line: ValidateFunction;
  header: ValidateFunction;
  end: ValidateFunction;
  tables: Map<string, ValidateFunction>;
} | null = null;

function validators(): NonNullable<typeof compiled> {
  if (compiled !== null) return compiled;
  const ajv = new (ajvModule().Ajv2020)({ allErrors: false, strict: true, allowUnionTypes: true });
  ajvFormats().default(ajv, ['date-time']);
  ajv.addKeyword('x-schemaVersion');
  ajv.addSchema(schema);
  const get = (ref: string): ValidateFunction => ajv.getSchema(`urn:dossier:export-format${ref}`)!;
  compiled = {
    line: get(''),
    header: get('#/$defs/header'),
    end: get('#/$defs/end'),
    tables: new Map(Object.keys(schema.$defs.tables).map((name) => [name, get(`#/$defs/tables/${name}`)])),
  };
  return compiled;
}

/** Validates any line of an export against the whole schema (for tests and tools). */
export function validateExportLine(value: unknown): ErrorObject[] {
  const check = validators().line;
  return check(value) ? [] : (check.errors ?? []);
}

/** Tables the committed schema describes. */
export function schemaTables(): string[] {
  return [...validators().tables.keys()];
}

function describe(error: ErrorObject, value: unknown): string {
  const column = error.instancePath.split('/').filter(Boolean).join('.');
  const found = JSON.stringify(value);
  const shown = found === undefined ? 'nothing' : found.length > 40 ? `${found.slice(0, 40)}…` : found;
  if (error.keyword === 'additionalProperties') {
    return `has no column "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'required') return `lacks "${String(error.params.missingProperty)}"`;
  if (error.keyword === 'format' || (error.keyword === 'anyOf' && column.endsWith('_at'))) {
    return `"${column}" must be an ISO 8601 date and time (found ${shown})`;
  }
  return `"${column}" ${error.message ?? 'is not valid'} (found ${shown})`;
}

/** The value at a JSON pointer inside `row` (for messages). */
function valueAt(row: Record<string, unknown>, pointer: string): unknown {
  const [column] = pointer.split('/').filter(Boolean);
  return column === undefined ? row : row[column];
}

function refuse(message: string): never {
  throw new ApiError('INVALID_ARGUMENT', `${message} Nothing was imported; the notebook was not changed.`);
}

/** Checks the header line against the schema; refuses with a sentence when it does not fit. */
export function checkHeaderLine(value: unknown): void {
  const check = validators().header;
  if (check(value)) return;
  const error = check.errors![0]!;
  refuse(
    `The export's first line is not a valid header: ${describe(error, valueAt(value as Record<string, unknown>, error.instancePath))}.`,
  );
}

/** Checks the end line. */
export function checkEndLine(value: unknown, lineNumber: number): void {
  const check = validators().end;
  if (!check(value))
    refuse(`Line ${lineNumber} is not a valid end line: ${describe(check.errors![0]!, value)}.`);
}

/**
 * Checks one row of `table` (at the latest schema): its columns and their types against the schema,
 * record timestamps not after `now` (plus {@link CLOCK_SKEW_MS}), a note's content a Dossier note.
 */
export function checkRow(table: string, row: Record<string, unknown>, lineNumber: number, now: Date): void {
  const check = validators().tables.get(table);
  if (check === undefined) refuse(`Line ${lineNumber} is a row of an unknown table "${table}".`);
  if (!check(row)) {
    const error = check.errors![0]!;
    refuse(`Line ${lineNumber}: the ${table} row ${describe(error, valueAt(row, error.instancePath))}.`);
  }
  const latest = now.getTime() + CLOCK_SKEW_MS;
  for (const column of RECORD_TIMESTAMPS) {
    const value = row[column];
    if (typeof value === 'string' && Date.parse(value) > latest) {
      refuse(
        `Line ${lineNumber}: the ${table} row's ${column} is ${value}, in the future. A record dated later ` +
          'than now would replace later work in every merge; check the clock of the computer that wrote ' +
          'the export.',
      );
    }
  }
  if (table === 'notes' && typeof row.content === 'string') {
    try {
      parseNote(row.content, { strict: true });
    } catch (error) {
      const reason = error instanceof Error ? /\(([^)]*)\)/.exec(error.message)?.[1] : undefined;
      refuse(
        `Line ${lineNumber}: the note's content is not a Dossier note (${reason ?? 'not an editor state'}).`,
      );
    }
  }
}
