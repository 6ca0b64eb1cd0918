import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { makeTempDir } from '../testing/temp-dir';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from './migrate';
import { openDatabase } from './open';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.sqlite'));
});

afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

function tableNames(database: Database.Database): string[] {
  return database
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .all()
    .map((row) => row.name);
}

const NOW = '2026-11-28T03:00:00.000Z';

function insertNote(id: string, title: string, plainText: string): void {
  db.prepare(
    `INSERT INTO notes (id, title, plain_text, created_at, updated_at) VALUES (?, ?, ?, '${NOW}', '${NOW}')`,
  ).run(id, title, plainText);
}

function insertSource(id: string): void {
  db.prepare(
    `INSERT INTO sources (id, title, plain_text, clipped_at, created_at, updated_at)
              VALUES (?, 'A source', 'Some text', '${NOW}', '${NOW}', '${NOW}')`,
  ).run(id);
}

function insertEntity(id: string, kind = 'person'): void {
  db.prepare(
    `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (?, ?, ?, '${NOW}', '${NOW}')`,
  ).run(id, kind, `Entity ${id}`);
}

function matchingNotes(query: string): string[] {
  return db
    .prepare<[string], { id: string }>(
      `SELECT notes.id FROM notes_fts JOIN notes ON notes.seq = notes_fts.rowid WHERE notes_fts MATCH ? ORDER BY notes.seq`,
    )
    .all(query)
    .map((row) => row.id);
}

describe('migrations from an empty database', () => {
  it('create every table and set user_version to the latest schema', () => {
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const tables = tableNames(db);
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
      'sources_fts',
      'notes_fts',
      'quotes_fts',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('is a no-op when run again', () => {
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('keeps notes_fts in step on insert, update and delete', () => {
    insertNote('n1', 'Budget hearing', 'The minister défended the plan');
    insertNote('n2', 'Other', 'nothing to see');
    expect(matchingNotes('minister')).toEqual(['n1']);
    // remove_diacritics: "defended" finds "défended".
    expect(matchingNotes('defended')).toEqual(['n1']);
    expect(matchingNotes('budget')).toEqual(['n1']);

    db.prepare(`UPDATE notes SET plain_text = 'The senator objected' WHERE id = 'n1'`).run();
    expect(matchingNotes('minister')).toEqual([]);
    expect(matchingNotes('senator')).toEqual(['n1']);

    // Trashing a note touches no indexed column: it stays searchable until search filters it.
    db.prepare(`UPDATE notes SET deleted_at = '${NOW}' WHERE id = 'n1'`).run();
    expect(matchingNotes('senator')).toEqual(['n1']);

    db.prepare(`DELETE FROM notes WHERE id = 'n1'`).run();
    expect(matchingNotes('senator')).toEqual([]);
    expect(matchingNotes('nothing')).toEqual(['n2']);
    // The external-content index agrees with its table.
    db.prepare(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`).run();
  });

  it('keeps sources_fts and quotes_fts in step', () => {
    insertSource('s1');
    db.prepare(
      `INSERT INTO quotes (id, source_id, span_start, span_end, text, cue, origin, created_at, updated_at)
                VALUES ('q1', 's1', 0, 4, 'We will rebuild', 'said', 'auto', '${NOW}', '${NOW}')`,
    ).run();
    const count = (table: string, query: string) =>
      db
        .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`)
        .get(query)?.n;
    expect(count('sources_fts', 'source')).toBe(1);
    expect(count('quotes_fts', 'rebuild')).toBe(1);
    db.prepare(`DELETE FROM sources WHERE id = 's1'`).run();
    expect(count('sources_fts', 'source')).toBe(0);
    // The quote went with its source (ON DELETE CASCADE), and out of the index.
    expect(count('quotes_fts', 'rebuild')).toBe(0);
  });
});

describe('constraints', () => {
  it('refuses a mention of a source that does not exist', () => {
    insertEntity('e1');
    expect(() =>
      db
        .prepare(
          `INSERT INTO mentions (id, entity_id, source_id, span_start, span_end, text, origin, created_at, updated_at)
                  VALUES ('m1', 'e1', 'no-such-source', 0, 3, 'Ann', 'auto', '${NOW}', '${NOW}')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('requires a mention to be in exactly one of a source or a note, with a non-empty span', () => {
    insertEntity('e1');
    insertSource('s1');
    insertNote('n1', 'T', 'Ann said');
    const insert = db.prepare(
      `INSERT INTO mentions (id, entity_id, source_id, note_id, span_start, span_end, text, origin, created_at, updated_at)
       VALUES (?, 'e1', ?, ?, ?, ?, 'Ann', 'auto', '${NOW}', '${NOW}')`,
    );
    expect(() => insert.run('m1', 's1', 'n1', 0, 3)).toThrow(/CHECK/);
    expect(() => insert.run('m2', null, null, 0, 3)).toThrow(/CHECK/);
    expect(() => insert.run('m3', 's1', null, 3, 3)).toThrow(/CHECK/);
    insert.run('m4', 's1', null, 0, 3);
    insert.run('m5', null, 'n1', 0, 3);
  });

  it('cascades a deleted note to its mentions and links', () => {
    insertEntity('e1');
    insertNote('n1', 'T', 'Ann said');
    db.prepare(
      `INSERT INTO mentions (id, entity_id, note_id, span_start, span_end, text, origin, created_at, updated_at)
                VALUES ('m1', 'e1', 'n1', 0, 3, 'Ann', 'user', '${NOW}', '${NOW}')`,
    ).run();
    db.prepare(
      `INSERT INTO links (id, from_note_id, to_entity_id, created_at) VALUES ('l1', 'n1', 'e1', '${NOW}')`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO links (id, from_note_id, created_at) VALUES ('l2', 'n1', '${NOW}')`).run(),
    ).toThrow(/CHECK/);
    db.prepare(`DELETE FROM notes WHERE id = 'n1'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM mentions`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM links`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM entities`).get()).toEqual({ n: 1 });
  });

  it('checks entity kinds and event date precision', () => {
    expect(() => insertEntity('e1', 'animal')).toThrow(/CHECK/);
    insertEntity('ev', 'event');
    expect(() =>
      db.prepare(`UPDATE entities SET event_date_precision = 'week' WHERE id = 'ev'`).run(),
    ).toThrow(/CHECK/);
    db.prepare(`UPDATE entities SET event_date_precision = 'season' WHERE id = 'ev'`).run();
  });
});

describe('a migration that fails half-way', () => {
  it('leaves the database exactly as before that migration', () => {
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        sql: `CREATE TABLE half_done (x); INSERT INTO half_done VALUES (1); ALTER TABLE notes ADD COLUMN extra TEXT;
              THIS IS NOT SQL;`,
      },
    ];
    insertNote('n1', 'Keep me', 'safe');
    const before = tableNames(db);

    let caught: unknown;
    try {
      migrate(db, failing);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).message).toMatch(
      new RegExp(`could not upgrade the notebook to schema ${LATEST_SCHEMA_VERSION + 1} \\(broken\\)`),
    );

    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(before);
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('notes')`).all();
    expect(columns.map((c) => c.name)).not.toContain('extra');
    expect(db.prepare(`SELECT title FROM notes WHERE id = 'n1'`).get()).toEqual({ title: 'Keep me' });
  });

  it('keeps the migrations before the failing one', () => {
    const fresh = new Database(path.join(temp.dir, 'fresh.sqlite'));
    try {
      const list: Migration[] = [
        { version: 1, name: 'one', sql: 'CREATE TABLE one (x);' },
        { version: 2, name: 'two', sql: 'CREATE TABLE two (x); SELECT nope FROM nowhere;' },
      ];
      expect(() => migrate(fresh, list)).toThrow(ApiError);
      expect(schemaVersion(fresh)).toBe(1);
      expect(tableNames(fresh)).toEqual(['one']);
    } finally {
      fresh.close();
    }
  });

  it('refuses a list with gaps (a bug in Dossier, not in the notebook)', () => {
    expect(() => migrate(db, [{ version: 2, name: 'gap', sql: '' }])).toThrow(/expected 1/);
  });
});
