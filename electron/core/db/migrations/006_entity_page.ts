/**
 * Schema 6: covering indexes for the entity page, so a person with thousands of quotes and mentions
 * opens in milliseconds however large the library is (issue 5: under 100 ms with 5,000 quotes).
 *
 * - `sources_ref`: a source's citation and liveness by id. Joining quotes and mentions to their sources
 *   otherwise reads each source's row for `deleted_at`, which sits after the article's HTML and text:
 *   that walks the row's overflow pages, dozens of page reads per quote for a clipped page.
 * - `quotes_speaker_page`: a speaker's live quotes with their sort key (source, position) without
 *   reading the quote rows; only the page of quotes shown is read in full.
 * - `mentions_entity_page`: an entity's mentions per source with status and span (the Sources list and
 *   the sources co-mentions are counted over).
 * - `mentions_source_entity`: who else is mentioned in a source (co-mentions), without the rows.
 * Ordinary indexes only: built once by this migration, then kept by SQLite on every write.
 */
export const MIGRATION_006_ENTITY_PAGE = /* sql */ `
CREATE INDEX sources_ref ON sources (id, deleted_at, published_at, clipped_at, title, site_name, url);
CREATE INDEX quotes_speaker_page ON quotes (speaker_entity_id, status, source_id, span_start)
  WHERE speaker_entity_id IS NOT NULL;
CREATE INDEX mentions_entity_page ON mentions (entity_id, source_id, status, span_start, span_end);
CREATE INDEX mentions_source_entity ON mentions (source_id, entity_id, status) WHERE source_id IS NOT NULL;
`;
