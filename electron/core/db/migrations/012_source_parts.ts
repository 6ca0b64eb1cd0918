/**
 * Schema 12: a long article stored in parts (issue 19). One row holding a 45 MB page's HTML twice and
 * its text (about 135 MB) took seconds to insert, index and commit, and every later update of that
 * row (the extraction's `extracted_at`) rewrote all of it; the notebook answered nothing meanwhile.
 *
 * - `source_contents`: for a source whose article is stored in parts, the id the parts are stored
 *   under; its row's `original_html`, `clean_html` and `plain_text` are then empty. A table of its own,
 *   not a column of `sources`: a column added to `sources` comes after each row's HTML and text, so
 *   reading or indexing it walks every large row's overflow pages (indexing it took 17 s on the bench's
 *   library of 100k sources). A new id per content: replacing an article writes its new parts before
 *   the source names them, and the old parts go when the mapping changes (triggers below).
 * - `source_parts`: the two HTML forms, in parts of at most a quarter of a million characters.
 * - `source_text_parts`: the plain text in parts, each cut after a space so no word is split, with a
 *   full-text index of its own (`source_text_parts_fts`); search reads it beside `sources_fts`.
 * - Parts are written (each slice in a transaction of its own) before the mapping that names them, so
 *   an interrupted clip leaves parts nothing names; `created_at` lets start-up delete those once they
 *   are old enough that no clip can still be writing them. `text` is each part table's last column:
 *   a part fills overflow pages, and that check at every start reads the columns before it only.
 */
export const MIGRATION_012_SOURCE_PARTS = /* sql */ `
CREATE TABLE source_contents (
  source_id   TEXT PRIMARY KEY,
  content_id  TEXT NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE source_parts (
  seq         INTEGER PRIMARY KEY,
  content_id  TEXT NOT NULL,
  field       TEXT NOT NULL CHECK (field IN ('original_html', 'clean_html')),
  part        INTEGER NOT NULL CHECK (part >= 0),
  created_at  TEXT NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (content_id, field, part)
);

CREATE TABLE source_text_parts (
  seq         INTEGER PRIMARY KEY,
  content_id  TEXT NOT NULL,
  part        INTEGER NOT NULL CHECK (part >= 0),
  created_at  TEXT NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (content_id, part)
);

CREATE VIRTUAL TABLE source_text_parts_fts USING fts5 (
  text,
  content = 'source_text_parts', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_text_parts_fts_insert AFTER INSERT ON source_text_parts BEGIN
  INSERT INTO source_text_parts_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER source_text_parts_fts_delete AFTER DELETE ON source_text_parts BEGIN
  INSERT INTO source_text_parts_fts (source_text_parts_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TRIGGER sources_contents_delete AFTER DELETE ON sources BEGIN
  DELETE FROM source_contents WHERE source_id = old.id;
END;
CREATE TRIGGER source_contents_delete AFTER DELETE ON source_contents BEGIN
  DELETE FROM source_parts WHERE content_id = old.content_id;
  DELETE FROM source_text_parts WHERE content_id = old.content_id;
END;
CREATE TRIGGER source_contents_replace AFTER UPDATE OF content_id ON source_contents
  WHEN old.content_id IS NOT new.content_id BEGIN
  DELETE FROM source_parts WHERE content_id = old.content_id;
  DELETE FROM source_text_parts WHERE content_id = old.content_id;
END;
`;
