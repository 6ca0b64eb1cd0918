import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { SearchRepo, type SqlFilters } from './search-repo';
import { SearchSeeder } from './testing';

const NONE: SqlFilters = { from: null, to: null, site: null, speakers: null };
let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let best: string;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'repo.sqlite'));
  const seed = new SearchSeeder(db);
  // The oldest source is the best match; nine newer ones match weakly.
  best = seed.source({ title: 'Alpha alpha alpha', plainText: 'alpha', siteName: 'Old Site' });
  for (let i = 0; i < 9; i++) {
    seed.source({
      title: `Note ${i}`,
      plainText: `a long text that mentions alpha once ${'filler '.repeat(50)}`,
    });
  }
});

afterEach(() => {
  db.close();
  temp.remove();
});

describe('SearchRepo ranking window', () => {
  it('ranks every match when they fit in the window', () => {
    const rows = new SearchRepo(db).sources('"alpha"', NONE, 3);
    expect(rows[0]!.id).toBe(best);
    expect(rows.map((r) => r.bm25)).toEqual([...rows.map((r) => r.bm25)].sort((a, b) => a - b));
  });

  it('ranks only the newest matches beyond the window, counting only rows that pass the filters', () => {
    const small = new SearchRepo(db, 4);
    expect(small.sources('"alpha"', NONE, 3).map((r) => r.id)).not.toContain(best);
    // With a filter only the old source passes: the window holds filtered rows, so it is still found.
    const filtered = small.sources('"alpha"', { ...NONE, site: 'old' }, 3);
    expect(filtered.map((r) => r.id)).toEqual([best]);
  });
});
