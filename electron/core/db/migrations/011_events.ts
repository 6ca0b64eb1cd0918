/**
 * Schema 11: events that are happenings, matched across the library, and the article's own date.
 *
 * - `sources.published_origin`: how `published_at` is known: 'page' (the page's metadata), 'inferred'
 *   (read from the text or web address: a dateline, a date in the first lines, /2008/07/23/) or 'user'
 *   (typed in the paste dialog or the reader). Existing dates came from page metadata.
 * - `entities.event_kind`: the kind of happening ("meeting", "earthquake"); with the date it is the
 *   index candidates for matching a new event are found through (`entities_event_kind`), so matching
 *   never scans all events. `event_date_source`: 'text', 'anchor' or 'article' (undated in the text:
 *   the article's month).
 * - `event_participants.role` now holds 'agent', 'patient', 'other' or 'place' (a place entity where it
 *   happened), so one index (`event_participants_entity`) finds the events of a person or a place.
 * - `event_profiles`: what matching compares beyond people, places and dates: the trigger lemmas, the
 *   words of the articles reporting it (a short weighted list), how central it is to them, and whether
 *   it is an article's main event (the one its headline and lead tell; similar articles' main events
 *   are candidates for each other).
 * - `source_profiles`: each article's most telling words (the same weighted list), the people it
 *   names most, how often it names each person, organisation and place (`entities`, the most named
 *   first) and the years it mentions (`years`): two articles are compared on them to decide whether
 *   they report one happening; and so a new event is
 *   compared with each article reporting a candidate, not only with their sum (an event whose articles
 *   drifted apart then looks less like a new one, as average-link clustering would have it).
 * - `source_terms`: the same words as an inverted index (word -> the articles where it weighs most),
 *   so the articles most like a new one are found by a few index reads, however large the library (the
 *   full-text index ranks every article holding a word: tens of milliseconds in a large library).
 * - `event_links`: between two events, a suggestion that they are one happening (with the matcher's
 *   score, for the user to merge or dismiss), or the user's word that they are not ('apart': never
 *   merged again, by the matcher or re-extraction).
 */
export const MIGRATION_011_EVENTS = /* sql */ `
ALTER TABLE sources ADD COLUMN published_origin TEXT CHECK (published_origin IN ('page', 'inferred', 'user'));
UPDATE sources SET published_origin = 'page' WHERE published_at IS NOT NULL;

ALTER TABLE entities ADD COLUMN event_kind TEXT;
ALTER TABLE entities ADD COLUMN event_date_source TEXT CHECK (event_date_source IN ('text', 'anchor', 'article'));
CREATE INDEX entities_event_kind ON entities (event_kind, event_date_start) WHERE kind = 'event' AND merged_into IS NULL;

CREATE TABLE event_profiles (
  event_id  TEXT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
  lemmas    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lemmas)),
  terms     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(terms)),
  salience  REAL NOT NULL DEFAULT 0,
  main      INTEGER NOT NULL DEFAULT 0 CHECK (main IN (0, 1))
);

CREATE TABLE source_profiles (
  source_id  TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  terms      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(terms)),
  people     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people)),
  entities   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(entities)),
  years      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(years))
);

CREATE TABLE source_terms (
  term       TEXT NOT NULL,
  source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  weight     REAL NOT NULL,
  PRIMARY KEY (source_id, term)
);
CREATE INDEX source_terms_term ON source_terms (term, weight DESC);

CREATE TABLE event_links (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  event_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  other_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('suggested', 'apart')),
  score       REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
  origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
  created_at  TEXT NOT NULL,
  UNIQUE (event_id, other_id),
  CHECK (event_id <> other_id)
);
CREATE INDEX event_links_other ON event_links (other_id);
`;
