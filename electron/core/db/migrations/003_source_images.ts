/**
 * Schema 3: what storing clips needs beyond schema 1. The images of an article, downloaded or read at
 * clip time so the reader never touches the network, and each source's excerpt for the library list.
 *
 * Images are stored as blobs in the notebook file (not as loose files next to it) so that a backup or
 * a copied notebook carries them, and deleting a source for good takes them along (ON DELETE CASCADE).
 * The article HTML refers to an image as `dossier-image:<id>`; the library swaps in a `data:` URL when
 * it serves the article. Only raster types whose bytes were sniffed are accepted (never SVG, which can
 * hold script).
 */
export const MIGRATION_003_SOURCE_IMAGES = /* sql */ `
ALTER TABLE sources ADD COLUMN excerpt TEXT NOT NULL DEFAULT '';

CREATE TABLE source_images (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  source_id     TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  mime          TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif')),
  sha256        TEXT NOT NULL,
  byte_size     INTEGER NOT NULL CHECK (byte_size > 0),
  -- Where the image came from (its URL, or its path in a saved page's folder), for the record only.
  original_url  TEXT,
  data          BLOB NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (source_id, sha256)
);
CREATE INDEX source_images_source ON source_images (source_id);

-- The library list: live and trashed sources, newest clip first (the default order).
CREATE INDEX sources_live_clipped ON sources (clipped_at DESC, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX sources_site ON sources (site_name) WHERE deleted_at IS NULL;
`;
