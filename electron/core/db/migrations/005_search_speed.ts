/**
 * Schema 5: what search needs to stay fast on large libraries, without touching the full-text indexes
 * themselves (no FTS rebuild: an existing notebook gains ordinary indexes, each built once here by one
 * pass over its table).
 *
 * Search checks each full-text match against these narrow indexes instead of the table rows: a row's
 * `deleted_at` comes after the article's HTML and text, so reading it walks the row's overflow pages,
 * dozens of page reads per candidate for a clipped page.
 * - `sources_trashed` (and 001's `notes_trashed`): the few trashed records, excluded as one set.
 * - `sources_search`: by seq (the FTS rowid), covering the filtered columns (dates, site, id); matches
 *   are listed by rowid, so they probe neighbouring entries. Quotes reach their source by id through
 *   006's `sources_ref`. `notes_search` does the same for notes.
 */
export const MIGRATION_005_SEARCH_SPEED = /* sql */ `
CREATE INDEX sources_trashed ON sources (id, deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX sources_search ON sources (seq, deleted_at, published_at, clipped_at, site_name, url, id);
CREATE INDEX notes_search ON notes (seq, deleted_at, updated_at, id);
`;
