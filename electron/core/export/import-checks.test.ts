/**
 * The JSON export format's schema and what the importer does with it: the committed schema matches the
 * notebook schema, every export validates against it, export -> import -> export is identical but for
 * `exportedAt`, older exports are converted by the migrations, and the values issue 19 found trusted
 * (a text version, a numeric title, a timestamp in 9999, content that is no note) are refused with a
 * clear sentence and nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../../shared/errors';
import { fillNotebook } from '../db/fixtures/fill';
import { MIGRATIONS, migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { notebookRows, type NotebookRows } from './compare';
import committed from './dossier-export.schema.json';
import { exportNotebook } from './export';
import { checkExport, importNotebook } from './import';
import { buildExportSchema } from './schema';
import { validateExportLine } from './validate';

let temp: ReturnType<typeof makeTempDir>;
const open: Database.Database[] = [];

beforeEach(() => {
  temp = makeTempDir('dossier-import-checks-');
});

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  temp.remove();
});

function notebook(name: string): Database.Database {
  const db = openDatabase(path.join(temp.dir, name, 'dossier.sqlite'));
  open.push(db);
  return db;
}

function exportLines(db: Database.Database, now = new Date('2026-11-01T00:00:00.000Z')): string[] {
  let text = '';
  exportNotebook(db, (line) => (text += line), now);
  return text.trimEnd().split('\n');
}

function records(db: Database.Database): NotebookRows {
  const { settings: _settings, ...rest } = notebookRows(db);
  return rest;
}

/** An export of a small notebook with one note, whose note row `edit` may change. */
function withNote(edit: (row: Record<string, unknown>) => void): string[] {
  const source = notebook('source');
  fillNotebook(source, 2, 3);
  return exportLines(source).map((line) => {
    const value = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
    if (value.table !== 'notes') return line;
    edit(value.row!);
    return JSON.stringify(value);
  });
}

/** Imports `lines` into `db`, returning the error it was refused with. */
function refusal(db: Database.Database, lines: string[]): string {
  try {
    importNotebook(db, lines);
  } catch (error) {
    expect(isApiError(error) && error.code).toBe('INVALID_ARGUMENT');
    return (error as Error).message;
  }
  throw new Error('the import was not refused');
}

describe('the JSON Schema of the export format', () => {
  it('is the one the notebook schema gives (run `npm run export-schema` after a migration)', () => {
    expect(committed).toEqual(buildExportSchema(notebook('fresh')));
  });

  it('validates every line of an export, and the export survives export -> import -> export', () => {
    const source = notebook('a');
    fillNotebook(source, 4, 9);
    const first = exportLines(source);
    const problems = first.flatMap((line, i) =>
      validateExportLine(JSON.parse(line)).map((e) => `line ${i + 1}: ${e.instancePath} ${e.message}`),
    );
    expect(problems).toEqual([]);
    expect(first.length).toBeGreaterThan(40);

    const target = notebook('b');
    importNotebook(target, first);
    const second = exportLines(target, new Date('2026-11-02T00:00:00.000Z'));
    const header = (lines: string[]) => ({ ...(JSON.parse(lines[0]!) as object), exportedAt: null });
    expect(header(second)).toEqual(header(first));
    expect(second.slice(1)).toEqual(first.slice(1));
    expect(second[0]).not.toEqual(first[0]);
  });

  it('refuses a line the schema refuses, naming the line, the table and the column', () => {
    const source = notebook('a');
    fillNotebook(source, 1, 2);
    const lines = exportLines(source);
    const index = lines.findIndex((l) => l.startsWith('{"table":"quotes"'));
    const bad = [...lines];
    bad[index] = bad[index]!.replace('"status":"suggested"', '"status":"maybe"');
    expect(refusal(notebook('b'), bad)).toMatch(
      new RegExp(`^Line ${index + 1}: the quotes row "status" must be equal to one of the allowed values`),
    );
  });
});

describe('import-json checks types and clocks (issue 19, item 6)', () => {
  it('refuses "version":"abc" and "title":12345 with a clear error, and changes nothing', () => {
    const target = notebook('target');
    fillNotebook(target, 1, 7);
    const before = notebookRows(target, { withSeq: true });
    expect(
      refusal(
        target,
        withNote((row) => (row.version = 'abc')),
      ),
    ).toMatch(
      /^Line \d+: the notes row "version" must be integer \(found "abc"\)\. Nothing was imported; the notebook was not changed\.$/,
    );
    expect(
      refusal(
        target,
        withNote((row) => (row.title = 12345)),
      ),
    ).toMatch(/the notes row "title" must be string \(found 12345\)/);
    expect(
      refusal(
        target,
        withNote((row) => (row.version = 0)),
      ),
    ).toMatch(/"version" must be >= 1/);
    expect(notebookRows(target, { withSeq: true })).toEqual(before);
  });

  it('refuses a timestamp in the future, so a note dated 9999 never replaces the local note', () => {
    const source = notebook('source');
    fillNotebook(source, 2, 3);
    const target = notebook('target');
    importNotebook(target, exportLines(source));
    const noteId = (target.prepare('SELECT id FROM notes ORDER BY seq LIMIT 1').get() as { id: string }).id;
    target
      .prepare("UPDATE notes SET title = 'my local edit', updated_at = ? WHERE id = ?")
      .run(new Date().toISOString(), noteId);
    const before = notebookRows(target, { withSeq: true });
    const future = exportLines(source).map((line) =>
      line.includes(noteId) && line.startsWith('{"table":"notes"')
        ? line
            .replace(/"updated_at":"[^"]+"/, '"updated_at":"9999-01-01T00:00:00.000Z"')
            .replace(/"title":"[^"]*"/, '"title":"from the future"')
        : line,
    );
    expect(refusal(target, future)).toMatch(/updated_at is 9999-01-01T00:00:00.000Z, in the future/);
    expect(notebookRows(target, { withSeq: true })).toEqual(before);
    expect(target.prepare('SELECT title FROM notes WHERE id = ?').get(noteId)).toEqual({
      title: 'my local edit',
    });
  });

  it('refuses note content that is not a Dossier note', () => {
    const target = notebook('target');
    for (const content of [
      'not json',
      '{"foo":1}',
      '[1,2]',
      '{"root":{"children":{"a":1}}}',
      '{"root":{"children":[5]}}',
    ]) {
      expect(
        refusal(
          target,
          withNote((row) => (row.content = content)),
        ),
        content,
      ).toMatch(/the note's content is not a Dossier note \(/);
    }
    expect(target.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });

  it('derives a note\u2019s plain text from its content, whatever the file says', () => {
    const target = notebook('target');
    importNotebook(
      target,
      withNote((row) => (row.plain_text = 'a lie the search would find')),
    );
    expect(target.prepare("SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH 'lie'").get()).toEqual({
      n: 0,
    });
  });

  it('checks a whole file before anything is written (checkExport)', () => {
    expect(() => checkExport(withNote((row) => (row.title = 12345)))).toThrow(/"title" must be string/);
    expect(checkExport(withNote(() => undefined)).format).toBe('dossier-export');
  });
});

describe('exports from an older Dossier', () => {
  it('are converted by the same migrations that upgrade notebooks', () => {
    // A notebook at schema 2, exported by that Dossier (its rows, its schemaVersion).
    const oldFile = path.join(temp.dir, 'old', 'dossier.sqlite');
    fs.mkdirSync(path.dirname(oldFile));
    const old = new Database(oldFile);
    open.push(old);
    migrate(old, MIGRATIONS.slice(0, 2));
    fillNotebook(old, 3, 5);
    const lines = exportLines(old);
    expect(JSON.parse(lines[0]!)).toMatchObject({ schemaVersion: 2 });
    expect(lines.some((l) => l.includes('"event_precision"'))).toBe(false);

    const target = notebook('target');
    const summary = importNotebook(target, lines);
    expect(summary.notes?.added).toBe(3);
    // What it holds is what upgrading that notebook in place gives.
    migrate(old);
    expect(records(target)).toEqual(records(old));
    // Its rows now validate as rows of the latest schema.
    const again = exportLines(target);
    expect(again.flatMap((l) => validateExportLine(JSON.parse(l)))).toEqual([]);
  });

  it('are refused with a clear message when they do not convert', () => {
    const oldFile = path.join(temp.dir, 'old', 'dossier.sqlite');
    fs.mkdirSync(path.dirname(oldFile));
    const old = new Database(oldFile);
    open.push(old);
    migrate(old, MIGRATIONS.slice(0, 2));
    fillNotebook(old, 1, 5);
    const lines = exportLines(old).map((l) =>
      l.startsWith('{"table":"notes"') ? l.replace('"version":1', '"version":"abc"') : l,
    );
    expect(refusal(notebook('target'), lines)).toMatch(/"version" must be integer/);
  });
});
