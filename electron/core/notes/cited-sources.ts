/** What a note's citations can say about their stored sources: title, URL, byline and publication. */
import type Database from 'better-sqlite3';
import type { CitedSource } from './note-tree';

/** A lookup of sources by id for citations (one prepared statement, answers remembered). */
export function citedSources(db: Database.Database): (id: string) => CitedSource | null {
  const select = db.prepare<[string], CitedSource>(
    `SELECT title, COALESCE(canonical_url, url) AS url, byline, site_name AS site, published_at AS published
       FROM sources WHERE id = ?`,
  );
  const known = new Map<string, CitedSource | null>();
  return (id) => {
    if (!known.has(id)) known.set(id, select.get(id) ?? null);
    return known.get(id) ?? null;
  };
}
