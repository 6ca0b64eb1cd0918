import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from './migrate';
import { CACHE_KIB, openDatabase } from './open';
import {
  ORPHAN_PARTS_AGE_MS,
  PART_CHARS,
  SourcePartsRepo,
  plainTextSql,
  splitHtml,
  splitParts,
  withSmallCache,
} from './source-parts';

describe('splitParts', () => {
  it('cuts text into parts of at most the size that join back exactly', () => {
    const text = 'abcdefghij'.repeat(1000);
    const parts = splitParts(text, 64);
    expect(parts.join('')).toBe(text);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(64);
    expect(parts).toHaveLength(Math.ceil(text.length / 64));
    expect(splitParts('', 64)).toEqual([]);
  });

  it('never cuts a surrogate pair in two', () => {
    // Each "😀" is two UTF-16 units; with odd offsets every other cut would fall inside one.
    const text = `x${'😀'.repeat(500)}`;
    const parts = splitParts(text, 7);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(part.charCodeAt(part.length - 1) >= 0xd800 && part.charCodeAt(part.length - 1) <= 0xdbff).toBe(
        false,
      );
      expect(part.charCodeAt(0) >= 0xdc00 && part.charCodeAt(0) <= 0xdfff).toBe(false);
    }
  });

  it('cuts the plain text after a space, so no word is split between two parts', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const parts = splitParts(text, 100, true);
    expect(parts.join('')).toBe(text);
    for (const part of parts.slice(0, -1)) expect(part.endsWith(' ')).toBe(true);
    // Without a space in the part's last eighth, the cut is where the size says.
    const solid = 'x'.repeat(250);
    expect(splitParts(solid, 100, true).map((p) => p.length)).toEqual([100, 100, 50]);
  });
});

describe('splitHtml', () => {
  it('cuts before a tag, so no tag runs across two parts', () => {
    const html = Array.from(
      { length: 300 },
      (_, i) => `<p>Paragraph ${i} <img src="x${i}.png" alt="picture ${i}"> text</p>`,
    ).join('');
    const parts = splitHtml(html, 200);
    expect(parts.join('')).toBe(html);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(200);
      expect(part.startsWith('<')).toBe(true);
      // Every tag opened in the part closes in it.
      expect(part.lastIndexOf('<')).toBeLessThan(part.lastIndexOf('>'));
    }
  });
});

describe('schema 12', () => {
  it("leaves the sources table as it was and puts each part's text last: a column after large text is read through its overflow pages", () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, 11));
      const columns = () => db.prepare(`SELECT name FROM pragma_table_info('sources')`).pluck().all();
      const indexes = () =>
        db.prepare(`SELECT name FROM pragma_index_list('sources') ORDER BY name`).pluck().all();
      const before = [columns(), indexes()];
      migrate(db);
      expect([columns(), indexes()]).toEqual(before);
      // A part's text fills overflow pages: the start-up check for orphan parts reads the columns
      // before it only.
      for (const table of ['source_parts', 'source_text_parts']) {
        expect(db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table).at(-1)).toBe('text');
      }
    } finally {
      db.close();
    }
  });
});

describe('SourcePartsRepo', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = makeTempDir('dossier-parts-');
    db = openDatabase(path.join(temp.dir, 'dossier.sqlite'));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const content = {
    originalHtml: `<html>${'<p>Original paragraph.</p>'.repeat(30_000)}</html>`,
    cleanHtml: `<article>${'<p>Clean paragraph.</p>'.repeat(30_000)}</article>`,
    plainText: `${'Plain words of the article. '.repeat(40_000)}zebracrossing at the end.`,
  };
  const count = (table: string): number =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('writes in slices, letting other writes in between, and reads back every field exactly', async () => {
    const repo = new SourcePartsRepo(db);
    db.exec('CREATE TABLE probe (n INTEGER)');
    const seen: number[] = [];
    let otherWrites = 0;
    const full = db.pragma('cache_size', { simple: true });
    const id = await repo.write(content, async () => {
      // Other calls between slices have the whole page cache (the slices write with a small one).
      expect(db.pragma('cache_size', { simple: true })).toBe(full);
      seen.push(count('source_parts') + count('source_text_parts'));
      // Another call's write on the same connection, between two slices.
      db.prepare(`INSERT INTO probe (n) VALUES (?)`).run(otherWrites++);
    });
    const total = count('source_parts') + count('source_text_parts');
    expect(total).toBeGreaterThan(4);
    // The parts went in a few at a time, not in one transaction.
    expect(seen[0]).toBeLessThan(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect(otherWrites).toBe(seen.length);
    expect(repo.read(id, 'plain_text')).toBe(content.plainText);
    expect(repo.read(id, 'clean_html')).toBe(content.cleanHtml);
    expect(repo.read(id, 'original_html')).toBe(content.originalHtml);
    const head = repo.readTextHead(id, PART_CHARS + 10);
    expect(head.length).toBeGreaterThanOrEqual(PART_CHARS + 10);
    expect(content.plainText.startsWith(head)).toBe(true);
    // The last word is in the full-text index of the parts.
    const hit = db
      .prepare(
        `SELECT p.content_id FROM source_text_parts_fts f JOIN source_text_parts p ON p.seq = f.rowid
         WHERE source_text_parts_fts MATCH 'zebracrossing'`,
      )
      .all() as { content_id: string }[];
    expect(hit).toEqual([{ content_id: id }]);
  });

  it('writes with a small page cache and gives the whole one back, also when the write fails', () => {
    const full = db.pragma('cache_size', { simple: true }) as number;
    expect(full).toBe(-CACHE_KIB);
    expect(withSmallCache(db, () => db.pragma('cache_size', { simple: true }))).toBeGreaterThan(full);
    expect(() =>
      withSmallCache(db, () => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect(db.pragma('cache_size', { simple: true })).toBe(full);
  });

  it('removes what it wrote when a slice fails, and rethrows', async () => {
    const repo = new SourcePartsRepo(db);
    let slices = 0;
    const failing = repo.write(content, async () => {
      // The text's parts are in; the HTML's fail.
      if (++slices === 1) {
        db.exec(
          `CREATE TRIGGER fail BEFORE INSERT ON source_parts BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
        );
      }
    });
    await expect(failing).rejects.toThrow(/disk full/);
    expect(count('source_parts') + count('source_text_parts')).toBe(0);
  });

  it('deletes at start-up the parts no source names once they are an hour old, and keeps the rest', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const repo = new SourcePartsRepo(db, () => now);
    const orphan = await repo.write(content, async () => {});
    const named = await repo.write(content, async () => {});
    db.prepare(
      `INSERT INTO sources (id, title, clipped_at, plain_text, word_count, created_at, updated_at)
       VALUES ('s1', 'Long', '2026-01-01', '', 1, '2026-01-01', '2026-01-01')`,
    ).run();
    db.prepare(`INSERT INTO source_contents (source_id, content_id) VALUES ('s1', ?)`).run(named);
    now = new Date(Date.parse('2026-01-01T10:00:00Z') + ORPHAN_PARTS_AGE_MS - 1000);
    const fresh = await repo.write(content, async () => {});
    // An hour and a second after the first write; the last was written a second and a half earlier.
    expect(
      repo.deleteOrphans(new Date(Date.parse('2026-01-01T10:00:00Z') + ORPHAN_PARTS_AGE_MS + 1000)),
    ).toBeGreaterThan(0);
    expect(repo.read(orphan, 'plain_text')).toBe('');
    expect(repo.read(named, 'plain_text')).toBe(content.plainText);
    // Written a moment ago: a clip may still be writing it.
    expect(repo.read(fresh, 'plain_text')).toBe(content.plainText);
    expect(
      (db.prepare(`SELECT ${plainTextSql('s')} AS t FROM sources s WHERE id = 's1'`).get() as { t: string })
        .t,
    ).toBe(content.plainText);
    // Deleting the source deletes its parts and their index entries.
    db.prepare(`DELETE FROM sources WHERE id = 's1'`).run();
    expect(repo.read(named, 'clean_html')).toBe('');
    const indexed = db
      .prepare(
        `SELECT count(*) AS n FROM source_text_parts_fts WHERE source_text_parts_fts MATCH 'zebracrossing'`,
      )
      .get() as { n: number };
    expect(indexed.n).toBe(1); // only `fresh` is left
  });
});
