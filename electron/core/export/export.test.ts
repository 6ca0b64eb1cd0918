import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillNotebook } from '../db/fixtures/fill';
import { openDatabase } from '../db/open';
import { lexicalPlainText } from '../notes/plain-text';
import { makeTempDir } from '../testing/temp-dir';
import { notebookRows, rowCount, type NotebookRows } from './compare';
import { userTables } from '../backup/tables';
import { exportNotebook } from './export';
import { EXCLUDED_COLUMNS, EXCLUDED_TABLES } from './format';
import { importNotebook } from './import';
import { readLinesSync } from './lines';

let temp: ReturnType<typeof makeTempDir>;
const open: Database.Database[] = [];

beforeEach(() => {
  temp = makeTempDir('dossier-export-');
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

function exportTo(db: Database.Database, name = 'export.jsonl'): string {
  const file = path.join(temp.dir, name);
  let text = '';
  exportNotebook(db, (line) => (text += line));
  fs.writeFileSync(file, text);
  return file;
}

/** Rows without the tables an export leaves out. */
function records(db: Database.Database): NotebookRows {
  const { settings: _settings, ...rest } = notebookRows(db);
  return rest;
}

describe('JSON export and import', () => {
  it('can merge every exported table: each has an id or a primary key besides seq', () => {
    // source_terms (migration 011) had only seq, and importing any export refused the whole file.
    const db = openDatabase(path.join(temp.dir, 'keys.sqlite'));
    const keyless = userTables(db, 'main')
      .filter((table) => !EXCLUDED_TABLES.has(table.name))
      .filter(
        (table) =>
          !table.columns.includes('id') &&
          table.primaryKey.filter((column) => !EXCLUDED_COLUMNS.has(column)).length === 0,
      )
      .map((table) => table.name);
    db.close();
    expect(keyless).toEqual([]);
  });

  it('round-trips every record of every table, row by row', () => {
    const source = notebook('a');
    fillNotebook(source, 5, 7);
    const file = exportTo(source);

    const target = notebook('b');
    const summary = importNotebook(target, readLinesSync(file));

    const expected = records(source);
    expect(records(target)).toEqual(expected);
    // Every table of the domain took part, and the comparison is not vacuous.
    for (const table of [
      'sources',
      'notes',
      'entities',
      'entity_aliases',
      'mentions',
      'quotes',
      'event_participants',
      'event_sources',
      'links',
      'user_decisions',
    ]) {
      expect(expected[table]!.length, table).toBeGreaterThan(0);
      expect(summary[table]!.added, table).toBe(expected[table]!.length);
    }
    // The full-text index of the imported notebook answers like the original's.
    const match = "SELECT count(*) AS n FROM sources_fts WHERE sources_fts MATCH 'minister'";
    expect(target.prepare(match).get()).toEqual(source.prepare(match).get());
    expect(target.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('merges into a notebook that has records of its own, without doubling anything', () => {
    const source = notebook('a');
    fillNotebook(source, 3, 1);
    const file = exportTo(source);
    const target = notebook('b');
    fillNotebook(target, 2, 2);
    const own = records(target);

    importNotebook(target, readLinesSync(file));
    const once = records(target);
    const again = importNotebook(target, readLinesSync(file));

    expect(records(target)).toEqual(once);
    expect(Object.values(again).every((t) => t.added === 0 && t.updated === 0)).toBe(true);
    expect(rowCount(once)).toBe(rowCount(own) + rowCount(records(source)));
  });

  it('keeps the newer of two copies of a record', () => {
    const source = notebook('a');
    const ids = fillNotebook(source, 2, 3);
    const file = exportTo(source);
    const target = notebook('b');
    importNotebook(target, readLinesSync(file));
    const [older, newer] = ids.notes as [string, string];
    // The notebook edits one note after the export; the export has a later edit of the other.
    target
      .prepare("UPDATE notes SET title = 'edited here', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?")
      .run(older);
    source
      .prepare(
        "UPDATE notes SET title = 'edited there', updated_at = '2031-01-01T00:00:00.000Z' WHERE id = ?",
      )
      .run(newer);
    // Both edits are in the past of this import's clock (2032), so neither is refused as from the future.
    const summary = importNotebook(target, readLinesSync(exportTo(source, 'second.jsonl')), {
      now: new Date('2032-01-01T00:00:00.000Z'),
    });

    const title = (id: string): unknown =>
      (target.prepare('SELECT title FROM notes WHERE id = ?').get(id) as { title: string }).title;
    expect(title(older)).toBe('edited here');
    expect(title(newer)).toBe('edited there');
    expect(summary.notes).toMatchObject({ updated: 1, added: 0 });
    // Search sees the newer title.
    expect(
      target.prepare('SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH \'"edited there"\'').get(),
    ).toEqual({ n: 1 });
  });

  it('refuses truncated, malformed and inconsistent files and changes nothing', () => {
    const source = notebook('a');
    fillNotebook(source, 3, 4);
    const lines = fs.readFileSync(exportTo(source), 'utf8').trimEnd().split('\n');
    const target = notebook('b');
    fillNotebook(target, 1, 5);
    const before = notebookRows(target, { withSeq: true });

    const bad = (name: string, content: string[]): string => {
      const file = path.join(temp.dir, name);
      fs.writeFileSync(file, `${content.join('\n')}\n`);
      return file;
    };
    const dropRow = (table: string): string[] => {
      const index = lines.findIndex((line) => line.startsWith(`{"table":"${table}"`));
      return lines.filter((_, i) => i !== index);
    };
    const cases: Record<string, [string[], RegExp]> = {
      truncated: [lines.slice(0, -5), /truncated/],
      'not json': [[lines[0]!, '{oops', ...lines.slice(1)], /not JSON/],
      'not an export': [lines.slice(1), /not a Dossier export/],
      'newer schema': [
        [lines[0]!.replace(/"schemaVersion":\d+/, '"schemaVersion":999'), ...lines.slice(1)],
        /newer Dossier/,
      ],
      'unknown table': [
        [lines[0]!, '{"table":"secrets","row":{"id":"x"}}', ...lines.slice(1)],
        /unknown table/,
      ],
      'unknown column': [
        lines.map((l, i) => (i === 1 ? l.replace('"id":', '"evil":1,"id":') : l)),
        /no column "evil"/,
      ],
      // A source dropped, counts fixed up: its mentions, quotes ... now point at nothing.
      'dangling references': [
        dropRow('sources').map((l) =>
          l.startsWith('{"end"') ? l.replace(/"sources":\d+/, '"sources":2') : l,
        ),
        /refer to records/,
      ],
      'count mismatch': [dropRow('user_decisions'), /holds 3 row\(s\) of user_decisions but 2/],
    };
    for (const [name, [content, message]] of Object.entries(cases)) {
      expect(() => importNotebook(target, readLinesSync(bad(`${name}.jsonl`, content))), name).toThrow(
        message,
      );
      expect(notebookRows(target, { withSeq: true }), name).toEqual(before);
    }
  });

  it('reads lines across chunk boundaries and with Windows line ends', () => {
    const file = path.join(temp.dir, 'lines.txt');
    const long = 'é'.repeat(700_000); // 1.4 MB: longer than one read chunk
    fs.writeFileSync(file, `a\r\n${long}\nlast`);
    expect([...readLinesSync(file)]).toEqual(['a', long, 'last']);
  });

  it('keeps notes made through the app intact', () => {
    const source = notebook('a');
    const content = JSON.stringify({
      root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hi' }] }] },
    });
    source
      .prepare(
        "INSERT INTO notes (id, title, content, plain_text, created_at, updated_at) VALUES ('n1', 'T', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run(content, lexicalPlainText(content));
    const target = notebook('b');
    importNotebook(target, readLinesSync(exportTo(source)));
    expect(target.prepare("SELECT content FROM notes WHERE id = 'n1'").get()).toEqual({ content });
  });
});
