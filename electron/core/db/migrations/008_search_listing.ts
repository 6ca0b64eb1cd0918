/**
 * Schema 8: searches made of filters alone (`type:quote from:2019-11-01`, `site:vox.com`) list what
 * they match newest first, with no words to hand FTS5. This index holds live sources in the order
 * such a list shows them (the day a source is dated: its publication date, else when it was clipped),
 * with what the filters and the quotes' join read (id, site name, address), so a list is read from
 * its newest end and stops after one page, without reading a source's row (whose article sits before
 * `deleted_at`). The indexed expression must stay exactly search's `substr(coalesce(published_at,
 * clipped_at), 1, 10)` for SQLite to use it.
 */
export const MIGRATION_008_SEARCH_LISTING = /* sql */ `
CREATE INDEX sources_by_day ON sources (substr(coalesce(published_at, clipped_at), 1, 10), seq, id, site_name, url)
  WHERE deleted_at IS NULL;
`;
