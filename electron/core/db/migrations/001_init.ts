/**
 * Schema 1: the whole domain (sources, notes, entities, mentions, quotes, events, links, decisions and
 * their full-text indexes), so later features add columns and rows rather than rebuild tables.
 *
 * Migrations are TypeScript modules holding SQL strings, not `.sql` files: the same import then works in
 * the Vite bundle (no asset copying or path lookup at run time), under vitest and in tsx worker threads.
 *
 * Conventions every table follows:
 * - `seq INTEGER PRIMARY KEY` is the local row number. It is the rowid the FTS5 external-content tables
 *   point at (VACUUM cannot renumber an INTEGER PRIMARY KEY) and breaks ties in ordering. It never leaves
 *   this file.
 * - `id TEXT NOT NULL UNIQUE` is the public UUID the API uses. Foreign keys reference `id`, never `seq`,
 *   so a row copied into another notebook (export, import, merge) still points at the right record
 *   without renumbering; the cost, a 36-byte key per reference, is small for a personal notebook.
 * - Timestamps are ISO 8601 UTC text (`2026-11-28T03:00:00.000Z`), which sorts chronologically.
 * - Spans (`span_start`, `span_end`) are offsets into the `plain_text` of the source or note, in UTF-16
 *   code units (JavaScript string indices), end exclusive.
 * - Deleting a record for good (emptying the trash) removes what only makes sense with it: a source
 *   takes its mentions, quotes and event links along; a note takes its mentions and links. Rows that
 *   merely mention something keep existing where that is still meaningful (a quote whose speaker entity
 *   is deleted keeps its text, with the speaker unset).
 */
export const MIGRATION_001_INIT = /* sql */ `
CREATE TABLE sources (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  url            TEXT,
  canonical_url  TEXT,
  title          TEXT NOT NULL DEFAULT '',
  byline         TEXT,
  site_name      TEXT,
  published_at   TEXT,
  clipped_at     TEXT NOT NULL,
  language       TEXT,
  original_html  TEXT NOT NULL DEFAULT '',
  clean_html     TEXT NOT NULL DEFAULT '',
  plain_text     TEXT NOT NULL DEFAULT '',
  content_hash   TEXT,
  word_count     INTEGER NOT NULL DEFAULT 0 CHECK (word_count >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
);
CREATE INDEX sources_canonical_url ON sources (canonical_url);
CREATE INDEX sources_content_hash ON sources (content_hash);

CREATE TABLE notes (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL DEFAULT '',
  content     TEXT NOT NULL DEFAULT '',
  plain_text  TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
-- The two notes lists (live, trash), most recently updated first.
CREATE INDEX notes_live ON notes (updated_at DESC, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX notes_trashed ON notes (updated_at DESC, seq DESC) WHERE deleted_at IS NOT NULL;

CREATE TABLE entities (
  seq                   INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,
  kind                  TEXT NOT NULL CHECK (kind IN ('person', 'place', 'org', 'event', 'topic')),
  name                  TEXT NOT NULL,
  description           TEXT NOT NULL DEFAULT '',
  -- Only for kind = 'event': when it happened, as precisely as the sources say.
  event_date_start      TEXT,
  event_date_end        TEXT,
  event_date_precision  TEXT CHECK (event_date_precision IN ('day', 'month', 'year', 'season', 'fuzzy')),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  -- Set when the user merged this entity into another; the row stays so old references can be followed.
  merged_into           TEXT REFERENCES entities (id) ON DELETE SET NULL,
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX entities_kind_name ON entities (kind, name);
CREATE INDEX entities_merged_into ON entities (merged_into);

CREATE TABLE entity_aliases (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias       TEXT NOT NULL,
  -- Case- and accent-folded form the extractor matches on.
  normalized  TEXT NOT NULL,
  origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  created_at  TEXT NOT NULL,
  UNIQUE (entity_id, normalized)
);
CREATE INDEX entity_aliases_normalized ON entity_aliases (normalized);

CREATE TABLE mentions (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  source_id   TEXT REFERENCES sources (id) ON DELETE CASCADE,
  note_id     TEXT REFERENCES notes (id) ON DELETE CASCADE,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((source_id IS NULL) <> (note_id IS NULL)),
  CHECK (span_end > span_start)
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_source ON mentions (source_id, span_start) WHERE source_id IS NOT NULL;
CREATE INDEX mentions_note ON mentions (note_id, span_start) WHERE note_id IS NOT NULL;

CREATE TABLE quotes (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  source_id           TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  span_start          INTEGER NOT NULL CHECK (span_start >= 0),
  span_end            INTEGER NOT NULL,
  text                TEXT NOT NULL,
  speaker_entity_id   TEXT REFERENCES entities (id) ON DELETE SET NULL,
  -- Where the speaker is named in the source (e.g. "the minister"), if it is.
  speaker_span_start  INTEGER,
  speaker_span_end    INTEGER,
  -- The attribution verb or phrase ("said", "according to").
  cue                 TEXT,
  confidence          REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  -- Which extraction rule produced it, for debugging and evaluation; NULL for quotes marked by hand.
  rule                TEXT,
  kind                TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'partial', 'scare', 'social')),
  status              TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  origin              TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK (span_end > span_start),
  CHECK ((speaker_span_start IS NULL) = (speaker_span_end IS NULL)),
  CHECK (speaker_span_start IS NULL OR (speaker_span_start >= 0 AND speaker_span_end > speaker_span_start))
);
CREATE INDEX quotes_source ON quotes (source_id, span_start);
CREATE INDEX quotes_speaker ON quotes (speaker_entity_id) WHERE speaker_entity_id IS NOT NULL;

-- Who took part in an event entity. That event_id names a kind='event' entity (and entity_id a person
-- or org) is checked by the repository: SQLite CHECK constraints cannot look at another row.
CREATE TABLE event_participants (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  event_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  -- Free text ("speaker", "victim", "host"); '' when unknown, so the UNIQUE below applies.
  role        TEXT NOT NULL DEFAULT '',
  origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  created_at  TEXT NOT NULL,
  UNIQUE (event_id, entity_id, role),
  CHECK (event_id <> entity_id)
);
CREATE INDEX event_participants_entity ON event_participants (entity_id);

-- Where an event is reported: a source, optionally the passage and the quote that report it.
CREATE TABLE event_sources (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  event_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  source_id   TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  quote_id    TEXT REFERENCES quotes (id) ON DELETE SET NULL,
  span_start  INTEGER,
  span_end    INTEGER,
  origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  created_at  TEXT NOT NULL,
  CHECK ((span_start IS NULL) = (span_end IS NULL)),
  CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_source ON event_sources (source_id);
CREATE INDEX event_sources_quote ON event_sources (quote_id) WHERE quote_id IS NOT NULL;

-- What a note points at. A link whose target is deleted for good goes with it (the exactly-one CHECK
-- rules out SET NULL); the note's own text is untouched.
CREATE TABLE links (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  from_note_id  TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  to_entity_id  TEXT REFERENCES entities (id) ON DELETE CASCADE,
  to_quote_id   TEXT REFERENCES quotes (id) ON DELETE CASCADE,
  to_source_id  TEXT REFERENCES sources (id) ON DELETE CASCADE,
  to_note_id    TEXT REFERENCES notes (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL DEFAULT 'reference',
  created_at    TEXT NOT NULL,
  CHECK ((to_entity_id IS NOT NULL) + (to_quote_id IS NOT NULL) + (to_source_id IS NOT NULL)
         + (to_note_id IS NOT NULL) = 1)
);
CREATE INDEX links_from ON links (from_note_id);
CREATE INDEX links_to_entity ON links (to_entity_id) WHERE to_entity_id IS NOT NULL;
CREATE INDEX links_to_quote ON links (to_quote_id) WHERE to_quote_id IS NOT NULL;
CREATE INDEX links_to_source ON links (to_source_id) WHERE to_source_id IS NOT NULL;
CREATE INDEX links_to_note ON links (to_note_id) WHERE to_note_id IS NOT NULL;

-- The user's merges, renames and rejections, replayed after re-extraction so it never undoes them.
CREATE TABLE user_decisions (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  created_at  TEXT NOT NULL
);
CREATE INDEX user_decisions_kind ON user_decisions (kind, seq);

-- Full-text indexes over external content: the text is stored once, in the tables above, and the
-- triggers below keep each index in step with its table. Updates reindex only when indexed text
-- changes, so moving a note to the trash or bumping updated_at costs nothing here.
CREATE VIRTUAL TABLE sources_fts USING fts5 (
  title, byline, plain_text,
  content = 'sources', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (rowid, title, byline, plain_text) VALUES (new.seq, new.title, new.byline, new.plain_text);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, byline, plain_text)
    VALUES ('delete', old.seq, old.title, old.byline, old.plain_text);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF seq, title, byline, plain_text ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, byline, plain_text)
    VALUES ('delete', old.seq, old.title, old.byline, old.plain_text);
  INSERT INTO sources_fts (rowid, title, byline, plain_text) VALUES (new.seq, new.title, new.byline, new.plain_text);
END;

CREATE VIRTUAL TABLE notes_fts USING fts5 (
  title, plain_text,
  content = 'notes', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, title, plain_text) VALUES (new.seq, new.title, new.plain_text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, plain_text) VALUES ('delete', old.seq, old.title, old.plain_text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF seq, title, plain_text ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, plain_text) VALUES ('delete', old.seq, old.title, old.plain_text);
  INSERT INTO notes_fts (rowid, title, plain_text) VALUES (new.seq, new.title, new.plain_text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text, cue,
  content = 'quotes', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text, cue) VALUES (new.seq, new.text, new.cue);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text, cue) VALUES ('delete', old.seq, old.text, old.cue);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF seq, text, cue ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text, cue) VALUES ('delete', old.seq, old.text, old.cue);
  INSERT INTO quotes_fts (rowid, text, cue) VALUES (new.seq, new.text, new.cue);
END;
`;
