/**
 * Schema 4: what storing extractions and the user's review of them needs beyond schema 1.
 *
 * - `entities.origin`: 'user' for entities the user created or named by hand; re-extraction never
 *   removes those, while auto entities left without any mention, quote or link are tidied away.
 * - `entities.name_origin`: 'user' once the user renamed it, so the extractor never renames it back.
 * - `entities.mention_count / quote_count / source_count`: kept by the analysis repository after each
 *   write, so the @-typeahead ranks by them without counting mentions on every keystroke.
 * - `entities.event_precision`: supersedes schema 1's `event_date_precision`, whose CHECK lacks 'week'
 *   and 'quarter' (TIMEX values such as 2013-W11). A CHECK cannot be altered without rebuilding the
 *   table, and rebuilding `entities` under foreign keys would cascade into every mention; the old
 *   column is simply left NULL.
 * - `entities.event_date`, `event_place`: the TIMEX value and the place as the source named it.
 * - `entity_aliases.match_key`: a looser fold than `normalized` (doubled letters and -iy/-yy/-ii
 *   endings folded too, so "Zelenskyy" and "Zelensky" resolve to one person). `normalized` stays the
 *   plain case/accent fold that search's LIKE queries compare against.
 * - `entity_aliases_fts`: a prefix index over every alias (names are aliases too), for the typeahead.
 * - `sources.extracted_at`: when the extractor last ran on the source.
 * - Indexes for the entity page (quotes and mentions per entity and source) and for replaying the
 *   user's decisions of one source.
 */
export const MIGRATION_004_ANALYSIS = /* sql */ `
ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'user'));
ALTER TABLE entities ADD COLUMN name_origin TEXT NOT NULL DEFAULT 'auto' CHECK (name_origin IN ('auto', 'user'));
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN event_date TEXT;
ALTER TABLE entities ADD COLUMN event_precision TEXT
  CHECK (event_precision IN ('day', 'month', 'year', 'season', 'week', 'quarter', 'fuzzy'));
ALTER TABLE entities ADD COLUMN event_place TEXT;
UPDATE entities SET
  mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id AND m.status <> 'rejected'),
  quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = entities.id AND q.status <> 'rejected'),
  source_count = (SELECT count(*) FROM (
    SELECT m.source_id FROM mentions m WHERE m.entity_id = entities.id AND m.status <> 'rejected' AND m.source_id IS NOT NULL
    UNION SELECT q.source_id FROM quotes q WHERE q.speaker_entity_id = entities.id AND q.status <> 'rejected'));
CREATE INDEX entities_event_date ON entities (event_date_start) WHERE kind = 'event' AND merged_into IS NULL;

ALTER TABLE entity_aliases ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
UPDATE entity_aliases SET match_key = normalized;
CREATE INDEX entity_aliases_match_key ON entity_aliases (match_key);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

ALTER TABLE sources ADD COLUMN extracted_at TEXT;

CREATE INDEX mentions_entity_source ON mentions (entity_id, source_id);
CREATE INDEX quotes_speaker_source ON quotes (speaker_entity_id, source_id) WHERE speaker_entity_id IS NOT NULL;
CREATE INDEX user_decisions_source ON user_decisions (json_extract(payload, '$.sourceId'));

CREATE VIRTUAL TABLE entity_aliases_fts USING fts5 (
  alias,
  content = 'entity_aliases', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
INSERT INTO entity_aliases_fts (rowid, alias) SELECT seq, alias FROM entity_aliases;
CREATE TRIGGER entity_aliases_fts_insert AFTER INSERT ON entity_aliases BEGIN
  INSERT INTO entity_aliases_fts (rowid, alias) VALUES (new.seq, new.alias);
END;
CREATE TRIGGER entity_aliases_fts_delete AFTER DELETE ON entity_aliases BEGIN
  INSERT INTO entity_aliases_fts (entity_aliases_fts, rowid, alias) VALUES ('delete', old.seq, old.alias);
END;
CREATE TRIGGER entity_aliases_fts_update AFTER UPDATE OF seq, alias ON entity_aliases BEGIN
  INSERT INTO entity_aliases_fts (entity_aliases_fts, rowid, alias) VALUES ('delete', old.seq, old.alias);
  INSERT INTO entity_aliases_fts (rowid, alias) VALUES (new.seq, new.alias);
END;
`;
