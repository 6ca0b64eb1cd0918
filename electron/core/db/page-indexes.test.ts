import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { makeTempDir } from '../testing/temp-dir';
import { NotesRepo } from './notes-repo';
import { openDatabase } from './open';

/** SQLite's plan for `sql`, one line per step. */
function plan(db: Database.Database, sql: string, params: unknown[] = []): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}

// Schemas 6 and 7 exist only so these reads never touch a big row; a query edited so that its index no
// longer covers it would still be correct, only slow on a large library, so the plans are checked here.
describe('start-up and entity page indexes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = makeTempDir('dossier-indexes-');
    db = openDatabase(path.join(temp.dir, 'dossier.sqlite'));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('lists live notes from the notes_list index alone, newest first', () => {
    let tick = Date.UTC(2025, 0, 1);
    const notes = new NotesRepo(db, () => new Date((tick += 1000)));
    const a = notes.create({ title: 'A', content: '', plainText: 'first note text' });
    notes.create({ title: 'B', content: '', plainText: 'second' });
    notes.update({ id: a.id, expectedVersion: a.version, plainText: 'first note, edited' });
    expect(notes.list().map((n) => [n.title, n.excerpt])).toEqual([
      ['A', 'first note, edited'],
      ['B', 'second'],
    ]);
    const listSql = (notes as unknown as { listLiveStmt: { source: string } }).listLiveStmt.source;
    expect(plan(db, listSql, [-1])).toMatch(/COVERING INDEX notes_list/);
    expect(plan(db, listSql, [20])).toMatch(/COVERING INDEX notes_list/);
    expect(notes.list(false, 1).map((n) => n.title)).toEqual(['A']);
  });

  it('counts a speaker’s live quotes without reading quote or source rows', () => {
    const sql = `SELECT count(*) FROM quotes q CROSS JOIN sources s ON s.id = q.source_id
      WHERE q.speaker_entity_id = ? AND q.status <> 'rejected' AND s.deleted_at IS NULL`;
    const steps = plan(db, sql, ['x']);
    expect(steps).toMatch(/COVERING INDEX quotes_speaker_page/);
    expect(steps).toMatch(/COVERING INDEX sources_ref/);
  });
});
