import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceId } from '../../../shared/model';
import { makeTempDir } from '../testing/temp-dir';
import { openDatabase } from './open';
import { SourcesRepo, type NewSource } from './sources-repo';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let repo: SourcesRepo;
let tick: number;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(`${temp.dir}/dossier.sqlite`);
  tick = 0;
  // One minute per call: clipped_at order is then the insertion order, independent of timing.
  repo = new SourcesRepo(db, () => new Date(Date.UTC(2026, 0, 1, 0, tick++)));
});
afterEach(() => {
  db.close();
  temp.remove();
});

function source(overrides: Partial<NewSource> = {}): NewSource {
  return {
    url: null,
    canonicalUrl: null,
    title: 'A title',
    byline: null,
    siteName: null,
    publishedAt: null,
    lang: 'en',
    originalHtml: '<html><body><p>original</p></body></html>',
    cleanHtml: '<p>clean</p>',
    plainText: 'clean',
    contentHash: `hash-${Math.random()}`,
    wordCount: 1,
    excerpt: '',
    ...overrides,
  };
}

describe('SourcesRepo', () => {
  it('stores a source and reads it back with its article and original', () => {
    const summary = repo.insert(
      source({ title: 'Bridge', siteName: 'Paper', url: 'https://p.example/a', excerpt: 'About it' }),
    );
    expect(summary).toMatchObject({
      title: 'Bridge',
      siteName: 'Paper',
      excerpt: 'About it',
      deletedAt: null,
    });
    const stored = repo.get(summary.id);
    expect(stored).toMatchObject({ cleanHtml: '<p>clean</p>', plainText: 'clean', lang: 'en' });
    expect(repo.original(summary.id)).toEqual({
      id: summary.id,
      html: '<html><body><p>original</p></body></html>',
      url: 'https://p.example/a',
    });
  });

  it('finds duplicates by canonical URL first, then by content hash, among live sources only', () => {
    const a = repo.insert(source({ canonicalUrl: 'https://p.example/a', contentHash: 'h1' }));
    const b = repo.insert(source({ contentHash: 'h2' }));
    expect(repo.findDuplicate('https://p.example/a', 'h2')).toMatchObject({
      source: { id: a.id },
      matchedBy: 'canonical-url',
    });
    expect(repo.findDuplicate('https://p.example/other', 'h2')).toMatchObject({
      source: { id: b.id },
      matchedBy: 'content-hash',
    });
    expect(repo.findDuplicate(null, 'h3')).toBeUndefined();
    repo.softDelete(b.id);
    expect(repo.findDuplicate(null, 'h2')).toBeUndefined();
  });

  it('replaces the article of a live source, keeping its id and clipped date', () => {
    const first = repo.insert(source({ title: 'Old' }));
    const updated = repo.replace(first.id, source({ title: 'New', plainText: 'new text' }));
    expect(updated.id).toBe(first.id);
    expect(updated.clippedAt).toBe(first.clippedAt);
    expect(updated.updatedAt > first.updatedAt).toBe(true);
    expect(repo.get(first.id).plainText).toBe('new text');
    repo.softDelete(first.id);
    expect(() => repo.replace(first.id, source())).toThrow(/does not exist/);
  });

  it('sorts, filters by site and published day, pages and counts', () => {
    repo.insert(source({ title: 'b', siteName: 'Beta', publishedAt: '2025-03-01', wordCount: 30 }));
    repo.insert(
      source({ title: 'A', siteName: 'Alpha', publishedAt: '2025-03-18T14:05:00Z', wordCount: 10 }),
    );
    repo.insert(source({ title: 'c', siteName: 'Alpha', publishedAt: null, wordCount: 20 }));
    const titles = (list: { sources: { title: string }[] }): string[] => list.sources.map((s) => s.title);

    expect(titles(repo.list())).toEqual(['c', 'A', 'b']); // newest clip first
    expect(titles(repo.list({ sort: 'clipped', descending: false }))).toEqual(['b', 'A', 'c']);
    expect(titles(repo.list({ sort: 'title' }))).toEqual(['A', 'b', 'c']); // case-insensitive
    expect(titles(repo.list({ sort: 'words' }))).toEqual(['b', 'c', 'A']);
    expect(titles(repo.list({ sort: 'published' }))).toEqual(['A', 'b', 'c']); // undated last
    expect(titles(repo.list({ sort: 'published', descending: false }))).toEqual(['b', 'A', 'c']);
    expect(titles(repo.list({ sort: 'site' }))).toEqual(['A', 'c', 'b']);
    expect(titles(repo.list({ site: 'Alpha' }))).toEqual(['c', 'A']);
    expect(titles(repo.list({ from: '2025-03-18', to: '2025-03-18' }))).toEqual(['A']);
    expect(titles(repo.list({ to: '2025-03-10' }))).toEqual(['b']);
    const page = repo.list({ sort: 'title', limit: 1, offset: 1 });
    expect(titles(page)).toEqual(['b']);
    expect(page.total).toBe(3);
  });

  it('counts sites of live sources, most first', () => {
    repo.insert(source({ siteName: 'Beta' }));
    const gone = repo.insert(source({ siteName: 'Beta' }));
    repo.insert(source({ siteName: 'Alpha' }));
    repo.insert(source({ siteName: 'Alpha' }));
    repo.insert(source({ siteName: null }));
    repo.softDelete(gone.id);
    expect(repo.sites()).toEqual([
      { site: 'Alpha', count: 2 },
      { site: 'Beta', count: 1 },
    ]);
  });

  it('moves sources to the trash and back, refusing the wrong state', () => {
    const a = repo.insert(source());
    const trashed = repo.softDelete(a.id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(repo.list().total).toBe(0);
    expect(repo.list({ trashed: true }).sources.map((s) => s.id)).toEqual([a.id]);
    expect(() => repo.softDelete(a.id)).toThrow(/already in the trash/);
    expect(repo.restore(a.id).deletedAt).toBeNull();
    expect(() => repo.restore(a.id)).toThrow(/not in the trash/);
    expect(() => repo.get('missing' as SourceId)).toThrow(/does not exist/);
    expect(() => repo.softDelete('missing' as SourceId)).toThrow(/does not exist/);
  });

  it('keeps the full-text index in step with stored sources', () => {
    const a = repo.insert(source({ title: 'Ceasefire talks', plainText: 'talks in Riyadh' }));
    const hit = db
      .prepare<[string], { id: string }>(
        'SELECT s.id FROM sources_fts f JOIN sources s ON s.seq = f.rowid WHERE sources_fts MATCH ?',
      )
      .all('riyadh');
    expect(hit.map((h) => h.id)).toEqual([a.id]);
  });
});
