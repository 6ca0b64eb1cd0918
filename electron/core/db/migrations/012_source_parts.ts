/**
 * Schema 12: a long article stored in parts (issue 19). One row holding a 45 MB page's HTML twice and
 * its text (about 135 MB) took seconds to insert, index and commit, and every later update of that
 * row (the extraction's `extracted_at`) rewrote all of it; the notebook answered nothing meanwhile.
 *
 * - `sources.content_parts`: null when the article is in the row itself (every source below the size
 *   where parts begin); else the id its parts are stored under, and the row's `original_html`,
 *   `clean_html` and `plain_text` are empty. A new id per content: replacing an article writes its new
 *   parts before the row points to them, and the old parts go with the update (trigger below).
 * - `source_parts`: the two HTML forms, in parts of at most a quarter of a million characters.
 * - `source_text_parts`: the plain text in parts, each cut after a space so no word is split, with a
 *   full-text index of its own (`source_text_parts_fts`); search reads it beside `sources_fts`.
 * - Parts are written (each slice in a transaction of its own) before the source row that names them,
 *   so an interrupted clip leaves parts no row names; `created_at` lets start-up delete those once
 *   they are old enough that no clip can still be writing them.
 */
export const MIGRATION_012_SOURCE_PARTS = /* sql */ `
ALTER TABLE sources ADD COLUMN content_parts TEXT;
CREATE INDEX sources_content_parts ON sources (content_parts) WHERE content_parts IS NOT NULL;

CREATE TABLE source_parts (
  seq         INTEGER PRIMARY KEY,
  content_id  TEXT NOT NULL,
  field       TEXT NOT NULL CHECK (field IN ('original_html', 'clean_html')),
  part        INTEGER NOT NULL CHECK (part >= 0),
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (content_id, field, part)
);

CREATE TABLE source_text_parts (
  seq         INTEGER PRIMARY KEY,
  content_id  TEXT NOT NULL,
  part        INTEGER NOT NULL CHECK (part >= 0),
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
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

CREATE TRIGGER sources_parts_delete AFTER DELETE ON sources WHEN old.content_parts IS NOT NULL BEGIN
  DELETE FROM source_parts WHERE content_id = old.content_parts;
  DELETE FROM source_text_parts WHERE content_id = old.content_parts;
END;
CREATE TRIGGER sources_parts_replace AFTER UPDATE OF content_parts ON sources
  WHEN old.content_parts IS NOT NULL AND old.content_parts IS NOT new.content_parts BEGIN
  DELETE FROM source_parts WHERE content_id = old.content_parts;
  DELETE FROM source_text_parts WHERE content_id = old.content_parts;
END;
`;
